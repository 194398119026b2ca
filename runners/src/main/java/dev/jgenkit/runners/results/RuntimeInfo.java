package dev.jgenkit.runners.results;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The runtime a run talked to.
 *
 * @param url reflection server URL
 * @param genkitVersion as the runtime reports it (runtime file or {@code X-Genkit-Version})
 * @param command the argv jgenkit started, empty when attached
 * @param pid the runtime's pid from its runtime file
 * @param runtimeId the runtime file's {@code id}
 * @param logFile where the started runtime's stdout/stderr went
 */
public record RuntimeInfo(
    String url,
    Optional<String> genkitVersion,
    List<String> command,
    OptionalLong pid,
    Optional<String> runtimeId,
    Optional<String> logFile) {
  public RuntimeInfo {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(genkitVersion, "genkitVersion");
    command = List.copyOf(command);
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(runtimeId, "runtimeId");
    Objects.requireNonNull(logFile, "logFile");
  }

  public boolean attached() {
    return command.isEmpty();
  }
}
