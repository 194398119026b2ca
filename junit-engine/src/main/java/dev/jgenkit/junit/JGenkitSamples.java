package dev.jgenkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class as a source of jgenkit sample flows: when the class is selected, the {@code
 * jgenkit} engine starts each sample app of the directory in plan order and runs its flows, as
 * {@code jgenkit sample-flows} does. Flows are known only once their sample runs, so they are
 * registered as dynamic tests under the sample.
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface JGenkitSamples {
  /** The samples directory, relative to the working directory. */
  String value();

  /**
   * A plan file (relative to the working directory), a built-in plan ({@code genkit-python}) or
   * {@code none}; empty: {@code jgenkit.plan}, else the samples dir's {@code jgenkit-plan.yaml}.
   */
  String plan() default "";
}
