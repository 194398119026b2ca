package dev.jgenkit.specs.samples;

import dev.jgenkit.specs.DocumentKind;
import dev.jgenkit.specs.DocumentReader;
import dev.jgenkit.specs.Problems;
import dev.jgenkit.specs.SpecException;
import dev.jgenkit.specs.SpecLoader;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Loads a sample's {@code jgenkit-sample.yaml} into a {@link SampleFile}, as strictly and as
 * safely as {@link SpecLoader} loads a spec: every problem located as {@code file:line:column}
 * with a fix hint, unknown keys and validators with a did-you-mean.
 *
 * <p>Keys, all optional: {@code start} (argv list), {@code cwd} (relative to the sample), {@code
 * env} (variable names), {@code timeout} (seconds, positive, at most {@value #MAX_TIMEOUT_SECONDS}),
 * {@code phase} (1 to 99) and {@code flows: {<flow>: {input, stream, validators, skip}}}. {@code
 * skip} is a reason or {@code true} ({@value #SKIPPED_IN_FILE}); {@code skip: false} runs the flow.
 */
public final class SampleFileLoader {
  /** The file a sample directory may hold to say how it is started and tested. */
  public static final String FILE_NAME = "jgenkit-sample.yaml";

  /** The reason given for {@code skip: true}. */
  public static final String SKIPPED_IN_FILE = "skipped in jgenkit-sample.yaml";

  /** The longest {@code timeout} accepted: a day. */
  public static final long MAX_TIMEOUT_SECONDS = 86_400;

  static final DocumentKind KIND = DocumentKind.of("sample file", "check the path");

  private SampleFileLoader() {}

  /**
   * Reads and checks a sample file, which must be UTF-8; {@code .json} files are read as JSON.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static SampleFile load(Path file) throws SpecException {
    Objects.requireNonNull(file, "file");
    return load(file, DocumentReader.readText(file, KIND));
  }

  /**
   * Checks sample-file text as if it had been read from {@code file}.
   *
   * @throws SpecException with every problem found, sorted by position
   */
  public static SampleFile load(Path file, String content) throws SpecException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(content, "content");
    Problems problems = new Problems(file);
    DocumentReader.Parsed parsed = DocumentReader.parse(problems, content, KIND);
    SampleFile sample =
        parsed.complete() ? new SampleFileChecker(problems).sampleFile(parsed.root()) : null;
    problems.throwIfAny();
    return sample;
  }
}
