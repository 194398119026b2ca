package dev.jgenkit.specs.project;

import dev.jgenkit.specs.DocumentKind;
import dev.jgenkit.specs.DocumentReader;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.Tree;
import dev.jgenkit.specs.Tree.Field;
import dev.jgenkit.specs.Tree.ListNode;
import dev.jgenkit.specs.Tree.MapNode;
import dev.jgenkit.specs.Tree.Node;
import dev.jgenkit.specs.Tree.Pos;
import dev.jgenkit.specs.Tree.ScalarNode;
import dev.jgenkit.specs.TreeChecks;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads a {@code jgenkit.yaml} into a {@link ProjectFile}, as strictly as a spec: every problem
 * located as {@code file:line:column} with a fix hint, unknown keys with a did-you-mean.
 *
 * <pre>
 * specs: [specs/all.yaml]          # for runtimes that name none
 * runtimes:
 *   js-main:                       # the runtime's name
 *     start: [node, app.js]        # argv, run without a shell, with GENKIT_ENV=dev
 *     cwd: apps/main               # relative to this file (default: its directory)
 *     env: {MODE: fast}            # extra variables for the started process
 *     specs: [specs/good.yaml]     # its own spec files
 *     models: [reference/good]     # only these models' suites
 *   py-remote:
 *     url: http://localhost:3100   # attach instead of start
 * </pre>
 */
public final class ProjectFileLoader {
  static final List<String> FILE_KEYS = List.of("specs", "runtimes");
  static final List<String> RUNTIME_KEYS = List.of("start", "cwd", "env", "url", "specs", "models");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final DocumentKind KIND =
      DocumentKind.of("project file", "check the path given to --config");

  private ProjectFileLoader() {}

  /**
   * The {@code jgenkit.yaml} of {@code projectRoot}, else of {@code workingDir}, if either has one.
   */
  public static Optional<Path> find(Path projectRoot, Path workingDir) {
    for (Path dir : List.of(projectRoot, workingDir)) {
      Path f = dir.resolve(ProjectFile.FILE_NAME);
      if (Files.isRegularFile(f)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }

  /**
   * Reads and checks a project file (UTF-8; YAML, or JSON for {@code .json}).
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static ProjectFile load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    return load(file, DocumentReader.readText(file, KIND));
  }

  /** Checks project-file text as if read from {@code file}. */
  public static ProjectFile load(Path file, String content) throws SpecException {
    Problems problems = new Problems(file);
    DocumentReader.Parsed parsed = DocumentReader.parse(problems, content, KIND);
    ProjectFile project = parsed.complete() ? new Checker(problems, file).project(parsed.root()) : null;
    problems.throwIfAny();
    return project;
  }

  /** Checks the tree and builds the file; null when a problem was recorded. */
  private static final class Checker {
    private final Problems problems;
    private final Path base;

    Checker(Problems problems, Path file) {
      this.problems = problems;
      Path parent = file.toAbsolutePath().normalize().getParent();
      this.base = parent == null ? Path.of("").toAbsolutePath() : parent;
    }

    ProjectFile project(Optional<Node> root) {
      String example = "'runtimes:' with one '<name>:' per runtime and 'start: [node, app.js]' or"
          + " 'url: http://localhost:3100' under it";
      if (root.isEmpty() || TreeChecks.isNull(root.get())) {
        problems.add(root.map(Node::pos).orElse(Pos.START), "project file is empty", "write " + example);
        return null;
      }
      if (!(root.get() instanceof MapNode map)) {
        problems.add(root.get().pos(),
            "a project file must be an object, found " + Tree.describe(root.get()), "write " + example);
        return null;
      }
      int before = problems.size();
      TreeChecks.unknownKeys(problems, map, "project file", FILE_KEYS);
      List<Path> specs = TreeChecks.field(map, "specs").map(n -> specs(n)).orElse(List.of());
      List<ProjectFile.Runtime> runtimes = new ArrayList<>();
      Optional<Node> rts = TreeChecks.field(map, "runtimes");
      if (rts.isEmpty()) {
        problems.add(map.pos(), "project file has no 'runtimes'", "add " + example);
      } else if (!(rts.get() instanceof MapNode rmap) || rmap.fields().isEmpty()) {
        problems.add(rts.get().pos(),
            "'runtimes' must map runtime names to their settings, found "
                + (rts.get() instanceof MapNode ? "no runtime" : Tree.describe(rts.get())),
            rts.get() instanceof ListNode
                ? "write each runtime as '<name>:' with its settings under it, not as a list item"
                : "write " + example);
      } else {
        for (Field f : rmap.fields().values()) {
          runtime(f).ifPresent(runtimes::add);
        }
      }
      return problems.size() == before ? new ProjectFile(problems.file(), specs, runtimes) : null;
    }

    private Optional<ProjectFile.Runtime> runtime(Field field) {
      String name = field.key();
      if (!NAME.matcher(name).matches()) {
        problems.add(field.keyPos(), "runtime name '" + name + "' is not a simple name",
            "use letters, digits, '.', '_' and '-', e.g. 'js-1.42'");
        return Optional.empty();
      }
      if (!(field.value() instanceof MapNode map)) {
        problems.add(field.value().pos(),
            "runtime '" + name + "' must be an object, found " + Tree.describe(field.value()),
            "put 'start: [node, app.js]' or 'url: http://localhost:3100' under '" + name + ":'");
        return Optional.empty();
      }
      int before = problems.size();
      TreeChecks.unknownKeys(problems, map, "runtime", RUNTIME_KEYS);
      List<String> start = TreeChecks.field(map, "start").map(this::start).orElse(List.of());
      Optional<String> url = TreeChecks.field(map, "url").flatMap(this::url);
      Optional<Node> cwdNode = TreeChecks.field(map, "cwd");
      Path cwd = cwdNode.flatMap(this::cwd).orElse(base);
      Map<String, String> env = TreeChecks.field(map, "env").map(this::env).orElse(Map.of());
      List<Path> specs = TreeChecks.field(map, "specs").map(this::specs).orElse(List.of());
      List<String> models =
          TreeChecks.field(map, "models").map(n -> strings(n, "models", "'models: [reference/good]'"))
              .orElse(List.of());
      boolean hasStart = map.fields().containsKey("start");
      boolean hasUrl = map.fields().containsKey("url");
      if (hasStart && hasUrl) {
        problems.add(map.fields().get("url").keyPos(), "runtime '" + name + "' has both 'start' and 'url'",
            "keep 'start' to let jgenkit start it, or 'url' to attach to one already running");
      } else if (!hasStart && !hasUrl) {
        problems.add(field.keyPos(), "runtime '" + name + "' has neither 'start' nor 'url'",
            "add 'start: [node, app.js]' (jgenkit starts and stops it) or 'url: http://localhost:3100'");
      } else if (hasUrl && (cwdNode.isPresent() || map.fields().containsKey("env"))) {
        Field f = map.fields().containsKey("cwd") ? map.fields().get("cwd") : map.fields().get("env");
        problems.add(f.keyPos(), "'" + f.key() + "' applies only to a started runtime",
            "remove it, or replace 'url' with 'start'");
      }
      if (problems.size() != before) {
        return Optional.empty();
      }
      return Optional.of(new ProjectFile.Runtime(name, start, cwd, env, url, specs, models,
          problems.location(field.keyPos())));
    }

    private List<String> start(Node node) {
      List<String> argv = strings(node, "start", "'start: [node, app.js]'");
      if (argv.isEmpty() && node instanceof ListNode) {
        problems.add(node.pos(), "'start' is empty", "give the command and its arguments, e.g. 'start: [node, app.js]'");
      }
      return argv;
    }

    private Optional<String> url(Node node) {
      String text = Tree.text(node);
      String hint = "write the reflection server's URL, e.g. 'url: http://localhost:3100'";
      if (text == null || text.isBlank()) {
        problems.add(node.pos(), "'url' must be a URL, found " + Tree.describe(node), hint);
        return Optional.empty();
      }
      try {
        URI uri = new URI(text.strip());
        if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
          return Optional.of(text.strip().replaceAll("/+$", ""));
        }
      } catch (java.net.URISyntaxException e) {
        // reported below
      }
      problems.add(node.pos(), "'url' is not an http(s) URL: '" + text + "'", hint);
      return Optional.empty();
    }

    private Optional<Path> cwd(Node node) {
      String text = Tree.text(node);
      if (text == null || text.isBlank()) {
        problems.add(node.pos(), "'cwd' must be a directory, found " + Tree.describe(node),
            "give a directory relative to this file, e.g. 'cwd: apps/main'");
        return Optional.empty();
      }
      Path dir = base.resolve(text).normalize();
      if (!Files.isDirectory(dir)) {
        problems.add(node.pos(), "'cwd' directory not found: " + dir,
            "give a directory relative to " + base + ", e.g. 'cwd: apps/main'");
        return Optional.empty();
      }
      return Optional.of(dir);
    }

    private Map<String, String> env(Node node) {
      if (!(node instanceof MapNode map)) {
        problems.add(node.pos(), "'env' must map variable names to values, found " + Tree.describe(node),
            "write 'env: {MODE: fast}' or one 'NAME: value' per line under 'env:'");
        return Map.of();
      }
      Map<String, String> env = new LinkedHashMap<>();
      for (Field f : map.fields().values()) {
        if (!ENV_NAME.matcher(f.key()).matches()) {
          problems.add(f.keyPos(), "'" + f.key() + "' is not a valid environment variable name",
              "use letters, digits and '_', not starting with a digit");
          continue;
        }
        if (f.value() instanceof ScalarNode s && !s.value().isNull()) {
          env.put(f.key(), s.value().asText());
        } else {
          problems.add(f.value().pos(), "the value of '" + f.key() + "' must be a string, found "
              + Tree.describe(f.value()), "write '" + f.key() + ": value'; quote it if needed");
        }
      }
      return env;
    }

    private List<Path> specs(Node node) {
      List<Path> out = new ArrayList<>();
      if (!(node instanceof ListNode list)) {
        strings(node, "specs", "'specs: [spec.yaml]'");
        return out;
      }
      for (Node item : list.items()) {
        String text = Tree.text(item);
        if (text == null || text.isBlank()) {
          problems.add(item.pos(), "a spec file must be a path, found " + Tree.describe(item),
              "write '- specs/good.yaml', relative to this file");
          continue;
        }
        Path p = base.resolve(text).normalize();
        if (!Files.isRegularFile(p)) {
          problems.add(item.pos(), "spec file not found: " + p, "give a path relative to " + base);
          continue;
        }
        out.add(p);
      }
      if (list.items().isEmpty()) {
        problems.add(node.pos(), "'specs' is empty", "list at least one spec file, e.g. 'specs: [spec.yaml]'");
      }
      return out;
    }

    private List<String> strings(Node node, String key, String example) {
      if (!(node instanceof ListNode list)) {
        String text = Tree.text(node);
        problems.add(node.pos(), "'" + key + "' must be a list of strings, found " + Tree.describe(node),
            text != null && !text.isBlank()
                ? "write '" + key + ": [" + String.join(", ", text.strip().split("\\s+")) + "]'"
                : "write " + example);
        return List.of();
      }
      List<String> out = new ArrayList<>();
      for (Node item : list.items()) {
        String text = Tree.text(item);
        if (text == null || text.isEmpty()) {
          problems.add(item.pos(), "an item of '" + key + "' must be a non-empty string, found "
              + Tree.describe(item), "quote it, e.g. '\"8080\"'");
        } else {
          out.add(text);
        }
      }
      return out;
    }
  }
}
