package dev.jgenkit.runners.flows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/**
 * What {@link InputSynthesizer} made of a flow's input schema: a value that validates against it,
 * or why no such value could be made (the flow is then skipped with that reason).
 */
public sealed interface Synthesis permits Synthesis.Value, Synthesis.Impossible {

  /**
   * A synthesised input.
   *
   * @param value the input; JSON {@code null} when the flow declares no input schema
   * @param how which schema rules produced it, for the report (for example {@code from required
   *     properties, default, enum})
   */
  record Value(JsonNode value, String how) implements Synthesis {
    public Value {
      Objects.requireNonNull(value, "value");
      if (how == null || how.isBlank()) {
        throw new IllegalArgumentException("how must say how the value was made");
      }
    }
  }

  /**
   * No valid input could be made.
   *
   * @param reason names the instance path ({@code $.code}) and why, for example {@code $.code:
   *     pattern '(?=x)' cannot be satisfied: lookaround '(?=' is not supported}
   */
  record Impossible(String reason) implements Synthesis {
    public Impossible {
      if (reason == null || reason.isBlank()) {
        throw new IllegalArgumentException("reason must say why");
      }
    }
  }
}
