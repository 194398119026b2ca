package dev.jgenkit.runners.runtime;

import dev.jgenkit.runners.reflection.ReflectionClient;
import java.time.Duration;
import java.util.Optional;
import okhttp3.OkHttpClient;

/** Whether a runtime file's reflection server answers. Never deletes anything. */
public final class RuntimeHealth {
  private static final Duration TIMEOUT = Duration.ofSeconds(3);

  private RuntimeHealth() {}

  /**
   * JS and Go answer 503 to a foreign {@code ?id=}; when the file's id came from {@code
   * GENKIT_RUNTIME_ID} that check fails even for the right process, so a live pid is accepted with
   * a plain health check.
   */
  public static boolean healthy(OkHttpClient http, RuntimeFile f) {
    ReflectionClient c = new ReflectionClient(http, f.reflectionServerUrl());
    if (c.health(Optional.of(f.id()), TIMEOUT)) {
      return true;
    }
    return ProcessHandle.of(f.pid()).map(ProcessHandle::isAlive).orElse(false)
        && c.health(Optional.empty(), TIMEOUT);
  }
}
