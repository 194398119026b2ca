package dev.jgenkit.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestTag;

/** Tag names any tag expression can select, and command lines from one parameter value. */
class TagsAndCommandLinesTest {
  @Test
  void charactersTagsMayNotContainBecomeDashes() {
    assertThat(Tags.of(List.of(Tags.feature("@ai.flow() basic"), Tags.model("vertexai/gemini 2.5 (exp)"),
        "RAG/retrieval", "a|b&c!", "  ")))
        .extracting(TestTag::getName)
        .containsExactly("feature:@ai.flow-basic", "model:vertexai/gemini-2.5-exp", "RAG/retrieval", "a-b-c");
  }

  @Test
  void aCommandIsWordsWithQuotesOrAJsonArray() {
    assertThat(CommandLines.parse("node index.js")).containsExactly("node", "index.js");
    assertThat(CommandLines.parse("  npx  tsx 'src/my app.ts' \"a b\" c\\ d ")).containsExactly(
        "npx", "tsx", "src/my app.ts", "a b", "c d");
    assertThat(CommandLines.parse("[\"uv\", \"run\", \"main.py\"]")).containsExactly("uv", "run", "main.py");
    assertThat(CommandLines.parse(CommandLines.toJson(List.of("sh", "-c", "echo 'x' \"y\""))))
        .containsExactly("sh", "-c", "echo 'x' \"y\"");
    assertThatThrownBy(() -> CommandLines.parse("node 'index.js")).hasMessageContaining("unclosed '");
  }
}
