package dev.jgenkit.cli.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.jgenkit.runners.flows.InputSynthesizer;
import dev.jgenkit.runners.flows.Synthesis;
import dev.jgenkit.runners.reflection.CallObserver;
import dev.jgenkit.runners.reflection.ReflectionClient;
import dev.jgenkit.runners.reflection.ReflectionException;
import dev.jgenkit.runners.validate.SchemaCheck;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Input synthesis on the real JSON Schemas a Genkit JS runtime reports for its flows: every
 * synthesised input validates against its schema and the runtime accepts it.
 */
class InputSynthesisIT {
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"provider-multi", "framework-tool-interrupts", "framework-format-demo",
      "infra-local-retriever", "provider-local-hello", "framework-prompt-demo"})
  void synthesisedInputsValidateAndTheRuntimeAcceptsThem(String sample) throws Exception {
    Path dir = JGenkitBinary.projectDir().resolve("samples").resolve(sample);
    try (ReferenceRuntime rt = ReferenceRuntime.startIn(dir, tmp.resolve("rt.log"), Map.of())) {
      ReflectionClient client = new ReflectionClient(ReflectionClient.defaultHttpClient(), rt.url);
      ObjectNode actions = client.listActions(Duration.ofSeconds(10));
      List<String> synthesised = new ArrayList<>();
      List<String> impossible = new ArrayList<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = actions.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> a = it.next();
        if (!a.getKey().startsWith("/flow/")) {
          continue;
        }
        JsonNode schema = a.getValue().get("inputSchema");
        Synthesis s = InputSynthesizer.synthesize(schema);
        if (s instanceof Synthesis.Impossible imp) {
          impossible.add(a.getKey() + ": " + imp.reason());
          continue;
        }
        JsonNode input = ((Synthesis.Value) s).value();
        synthesised.add(a.getKey());
        if (schema != null && schema.isObject()) {
          assertThat(SchemaCheck.errors(schema, input)).as("%s input %s", a.getKey(), input).isEmpty();
        }
        try {
          client.runAction(a.getKey(), input, false, Duration.ofSeconds(30), CallObserver.NONE);
        } catch (ReflectionException e) {
          assertThat(e.getMessage()).as("%s with %s", a.getKey(), input)
              .doesNotContain("Schema validation failed");
        }
      }
      assertThat(synthesised).as("flows with a synthesised input in %s", sample).isNotEmpty();
      if (sample.equals("provider-multi")) {
        // the one input no synthesiser can build: a password rule written as lookaheads
        assertThat(impossible).singleElement().asString()
            .startsWith("/flow/openAccountFlow: ").contains("pattern");
      }
    }
  }
}
