package dev.jgenkit.runners;

import dev.jgenkit.runners.runtime.RuntimeDirectories;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which runtime a run talks to. */
public sealed interface RuntimeTarget {
  /** A runtime already listening at a known reflection URL ({@code --runtime-url}). */
  record Url(String url) implements RuntimeTarget {
    public Url {
      Objects.requireNonNull(url, "url");
    }
  }

  /** Start this command and talk only to the runtime its process tree registers. */
  record Command(List<String> argv, Path cwd, Map<String, String> env, Path logFile, RuntimeDirectories dirs)
      implements RuntimeTarget {
    public Command {
      argv = List.copyOf(argv);
      if (argv.isEmpty()) {
        throw new IllegalArgumentException("empty command");
      }
      Objects.requireNonNull(cwd, "cwd");
      env = Map.copyOf(env);
      Objects.requireNonNull(logFile, "logFile");
      Objects.requireNonNull(dirs, "dirs");
    }
  }

  /** Attach to the most recent healthy runtime found in these runtime directories. */
  record Discover(RuntimeDirectories dirs) implements RuntimeTarget {
    public Discover {
      Objects.requireNonNull(dirs, "dirs");
    }
  }
}
