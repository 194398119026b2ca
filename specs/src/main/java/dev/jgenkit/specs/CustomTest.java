package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * A custom test from a suite's {@code tests} list.
 *
 * @param name display name ({@code "Custom Test"} when the spec omits it, like the peer)
 * @param input the GenerateRequest sent verbatim (key order preserved)
 * @param validators {@code name} or {@code name:arg} strings, in order
 * @param stream whether the model is called with {@code ?stream=true}
 */
public record CustomTest(
    String name, ObjectNode input, List<String> validators, boolean stream, Location location) {
  public static final String DEFAULT_NAME = "Custom Test";

  public CustomTest {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    validators = List.copyOf(validators);
    Objects.requireNonNull(location, "location");
  }
}
