package dev.jgenkit.specs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/** One of the peer's 12 built-in conformance tests, keyed by capability. */
public record BuiltInTest(
    String capability, String name, ObjectNode input, List<String> validators, boolean stream) {
  public BuiltInTest {
    Objects.requireNonNull(capability, "capability");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    validators = List.copyOf(validators);
  }
}
