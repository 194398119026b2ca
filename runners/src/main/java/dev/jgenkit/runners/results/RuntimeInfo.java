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
 * @param name the runtime's name in a multi-runtime run ({@code jgenkit.yaml}, conform), empty
 *     for the one runtime of a plain run
 */
public record RuntimeInfo(
    String url,
    Optional<String> genkitVersion,
    List<String> command,
    OptionalLong pid,
    Optional<String> runtimeId,
    Optional<String> logFile,
    Optional<String> name) {
  /** An unnamed runtime: the one runtime of a plain run. */
  public RuntimeInfo(
      String url,
      Optional<String> genkitVersion,
      List<String> command,
      OptionalLong pid,
      Optional<String> runtimeId,
      Optional<String> logFile) {
    this(url, genkitVersion, command, pid, runtimeId, logFile, Optional.empty());
  }

  public RuntimeInfo {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(genkitVersion, "genkitVersion");
    command = List.copyOf(command);
    Objects.requireNonNull(pid, "pid");
    Objects.requireNonNull(runtimeId, "runtimeId");
    Objects.requireNonNull(logFile, "logFile");
    Objects.requireNonNull(name, "name");
  }

  /** The same runtime under {@code newName}. */
  public RuntimeInfo named(String newName) {
    return new RuntimeInfo(url, genkitVersion, command, pid, runtimeId, logFile, Optional.of(newName));
  }

  /** The same runtime with the Genkit version a call reported. */
  public RuntimeInfo withGenkitVersion(Optional<String> version) {
    return new RuntimeInfo(url, version, command, pid, runtimeId, logFile, name);
  }

  public boolean attached() {
    return command.isEmpty();
  }
}
