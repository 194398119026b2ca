package dev.jgenkit.specs.samples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgenkit.specs.Location;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code jgenkit-sample.yaml} says about one flow of its sample.
 *
 * @param name the flow's name, as the runtime lists it ({@code /flow/<name>} without the prefix)
 * @param input the input to send, key order and numbers as written; empty to synthesise one from
 *     the flow's input schema. {@code input: null} is present, as a JSON null.
 * @param stream whether to run the flow with {@code ?stream=true}
 * @param validators {@code name} or {@code name:arg} strings, each a known validator, in order
 * @param skip why the flow is not run; empty when it runs
 * @param location where the flow's name is written
 */
public record FlowSpec(
    String name,
    Optional<JsonNode> input,
    boolean stream,
    List<String> validators,
    Optional<String> skip,
    Location location) {
  public FlowSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(input, "input");
    validators = List.copyOf(validators);
    Objects.requireNonNull(skip, "skip");
    Objects.requireNonNull(location, "location");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("flow name must not be empty");
    }
  }

  public boolean skipped() {
    return skip.isPresent();
  }
}
