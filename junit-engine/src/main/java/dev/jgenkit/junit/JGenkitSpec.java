package dev.jgenkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as a source of jgenkit model-conformance specs: when the JUnit Platform selects
 * the class (Surefire, Gradle, an IDE), the {@code jgenkit} engine runs the named spec files.
 *
 * <p>Each spec is a classpath resource ({@code specs/good.yaml}, no leading slash needed) or, when
 * no such resource exists, a file path resolved against the working directory. The runtime settings
 * left empty here come from the configuration parameters ({@code jgenkit.runtime.url}, {@code
 * jgenkit.runtime.command}, {@code jgenkit.runtime.dir}); without any, jgenkit attaches to the most
 * recent healthy runtime under the project's {@code .genkit/runtimes}. Classes with the same runtime
 * settings share one runtime.
 *
 * <pre>{@code
 * @JGenkitSpec(value = "specs/good.yaml", runtimeCommand = {"node", "index.js"},
 *     runtimeDir = "../samples/reference")
 * class ReferenceConformanceTest {}
 * }</pre>
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JGenkitSpec {
  /** The spec files: classpath resources or paths relative to the working directory. */
  String[] value();

  /** The command that starts the runtime ({@code GENKIT_ENV=dev} is set); empty: not started. */
  String[] runtimeCommand() default {};

  /** The command's working directory, relative to the working directory; empty: the latter. */
  String runtimeDir() default "";

  /** Attach to the reflection server at this URL instead of starting or discovering a runtime. */
  String runtimeUrl() default "";
}
