package dev.jgenkit.junit;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;

/** Renders a descriptor tree as indented lines, for assertions that read like the tree. */
final class Trees {
  private Trees() {}

  /** One line per descriptor below the engine: two spaces per level, then the display name. */
  static List<String> lines(TestDescriptor root) {
    List<String> out = new ArrayList<>();
    for (TestDescriptor c : root.getChildren()) {
      add(c, 0, out, false);
    }
    return out;
  }

  /** Like {@link #lines} with each test's tags in brackets. */
  static List<String> linesWithTags(TestDescriptor root) {
    List<String> out = new ArrayList<>();
    for (TestDescriptor c : root.getChildren()) {
      add(c, 0, out, true);
    }
    return out;
  }

  private static void add(TestDescriptor d, int depth, List<String> out, boolean tags) {
    String line = "  ".repeat(depth) + d.getDisplayName();
    if (tags && !d.getTags().isEmpty()) {
      line += " " + d.getTags().stream().map(TestTag::getName).sorted().collect(Collectors.joining(", ", "[", "]"));
    }
    out.add(line);
    for (TestDescriptor c : d.getChildren()) {
      add(c, depth + 1, out, tags);
    }
  }

  /** The display names of the tests (leaves that are tests), in tree order. */
  static List<String> tests(TestDescriptor root) {
    List<String> out = new ArrayList<>();
    collect(root, out);
    return out;
  }

  private static void collect(TestDescriptor d, List<String> out) {
    if (d.isTest()) {
      out.add(d.getParent().map(TestDescriptor::getDisplayName).orElse("") + " / " + d.getDisplayName());
    }
    d.getChildren().forEach(c -> collect(c, out));
  }
}
