package dev.jgenkit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgenkit.reports.ParityMatrix.Column;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Column's hand-written equals and hashCode behave like a record's: by runtime and model. */
class ParityMatrixColumnTest {
  @Test
  void equalByRuntimeAndModelAndUsableAsMapKeys() {
    Column a = new Column("js", "reference/good");

    assertThat(a).isEqualTo(new Column("js", "reference/good")).hasSameHashCodeAs(new Column("js", "reference/good"));
    assertThat(a).isNotEqualTo(new Column("go", "reference/good"));
    assertThat(a).isNotEqualTo(new Column("js", "reference/bad"));
    assertThat(a).isNotEqualTo(new Column("jsreference/good", ""));
    assertThat(a).isNotEqualTo(null);
    assertThat(a.toString()).isEqualTo("Column[runtime=js, model=reference/good]");
    Map<Column, Integer> index = new HashMap<>();
    index.put(a, 1);
    index.put(new Column("js", "reference/good"), 2);
    index.put(new Column("go", "reference/good"), 3);
    assertThat(index).hasSize(2).containsEntry(new Column("js", "reference/good"), 2);
  }
}
