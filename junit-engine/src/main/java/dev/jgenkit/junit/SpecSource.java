package dev.jgenkit.junit;

import dev.jgenkit.specs.DocumentReader;
import dev.jgenkit.specs.Location;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecFile;
import dev.jgenkit.specs.SpecLoader;
import dev.jgenkit.specs.SpecProblem;
import dev.jgenkit.specs.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClasspathResourceSource;
import org.junit.platform.engine.support.descriptor.FilePosition;
import org.junit.platform.engine.support.descriptor.FileSource;

/**
 * A loaded spec and where it came from: a file, a classpath resource, or model names given as a
 * parameter. {@link #key()} identifies it in unique IDs ({@code file:/abs/path}, {@code
 * classpath:specs/good.yaml}, {@code models:a,b}) and {@link #fromKey} loads it again.
 *
 * @param file the file it was read from (also for a classpath resource in a directory)
 * @param resource the classpath resource name, for a classpath spec
 */
record SpecSource(String key, SpecFile spec, Optional<Path> file, Optional<String> resource) {
  static final String FILE = "file:";
  static final String CLASSPATH = "classpath:";
  static final String MODELS = "models:";

  SpecSource {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(resource, "resource");
  }

  /**
   * A spec named by a user: {@code classpath:NAME}, {@code file:PATH}, an absolute path, a
   * classpath resource, or else a path relative to {@code workingDir}.
   */
  static SpecSource load(String ref, ClassLoader loader, Path workingDir) throws SpecException {
    if (ref.startsWith(CLASSPATH)) {
      return resource(ref.substring(CLASSPATH.length()), loader);
    }
    if (ref.startsWith(FILE)) {
      return file(workingDir.resolve(ref.substring(FILE.length())));
    }
    if (ref.startsWith(MODELS)) {
      return models(Arrays.stream(ref.substring(MODELS.length()).split(",")).map(String::trim)
          .filter(s -> !s.isEmpty()).toList());
    }
    Path p = Path.of(ref);
    if (!p.isAbsolute() && loader.getResource(stripSlash(ref)) != null) {
      return resource(ref, loader);
    }
    return file(workingDir.resolve(p));
  }

  /** Loads the spec a unique ID names again. */
  static SpecSource fromKey(String key, ClassLoader loader) throws SpecException {
    return load(key, loader, Path.of("").toAbsolutePath());
  }

  static SpecSource file(Path path) throws SpecException {
    Path p = path.toAbsolutePath().normalize();
    return new SpecSource(FILE + p, SpecLoader.load(p), Optional.of(p), Optional.empty());
  }

  static SpecSource resource(String name, ClassLoader loader) throws SpecException {
    String n = stripSlash(name);
    URL url = loader.getResource(n);
    Path asName = Path.of(n);
    if (url == null) {
      throw new SpecException(new SpecProblem(new Location(asName, 0, 0),
          "spec not found on the classpath", "check the resource name (e.g. specs/good.yaml)"));
    }
    if ("file".equals(url.getProtocol())) {
      try {
        Path p = Path.of(url.toURI());
        return new SpecSource(CLASSPATH + n, SpecLoader.load(p), Optional.of(p), Optional.of(n));
      } catch (URISyntaxException | IllegalArgumentException e) {
        // not a plain file after all: read it as a stream below
      }
    }
    byte[] bytes;
    try (InputStream in = url.openStream()) {
      bytes = in.readNBytes(SpecLoader.MAX_CHARS + 1);
    } catch (IOException e) {
      throw new SpecException(new SpecProblem(new Location(asName, 0, 0),
          "cannot read spec from the classpath: " + e.getMessage(), "check the resource"));
    }
    if (bytes.length > SpecLoader.MAX_CHARS) {
      throw new SpecException(new SpecProblem(Location.startOf(asName),
          "file is too large: the limit is " + SpecLoader.MAX_CHARS + " bytes", "split the spec"));
    }
    SpecFile spec = SpecLoader.load(asName, DocumentReader.decode(asName, bytes));
    return new SpecSource(CLASSPATH + n, spec, Optional.empty(), Optional.of(n));
  }

  /** Suites for bare model names, each with the default capabilities. */
  static SpecSource models(List<String> models) {
    Path where = Path.of("<" + JGenkitParameters.MODELS + ">");
    Location loc = new Location(where, 0, 0);
    List<Suite> suites = new ArrayList<>();
    for (String m : models) {
      suites.add(new Suite(m, Optional.empty(), Optional.empty(), loc));
    }
    return new SpecSource(MODELS + String.join(",", models), new SpecFile(where, suites),
        Optional.empty(), Optional.empty());
  }

  /** A ready spec (the CLI's), identified by its path. */
  static SpecSource of(SpecFile spec) {
    return new SpecSource(FILE + spec.path(), spec,
        spec.path().isAbsolute() ? Optional.of(spec.path()) : Optional.empty(), Optional.empty());
  }

  /** How reports name it: the path as written for files, the resource name, or the models. */
  String displayName(Path workingDir) {
    if (resource.isPresent()) {
      return resource.get();
    }
    return file.map(f -> RuntimeSettings.relative(workingDir, f)).orElse(spec.path().toString());
  }

  /** Where a suite or test is written, for IDE navigation; null when not in a file. */
  TestSource source(Location loc) {
    FilePosition pos = loc.line() > 0 ? FilePosition.from(loc.line(), Math.max(1, loc.column())) : null;
    if (resource.isPresent()) {
      return ClasspathResourceSource.from(resource.get(), pos);
    }
    if (file.isPresent()) {
      return FileSource.from(file.get().toFile(), pos);
    }
    return null;
  }

  private static String stripSlash(String name) {
    return name.startsWith("/") ? name.substring(1) : name;
  }
}
