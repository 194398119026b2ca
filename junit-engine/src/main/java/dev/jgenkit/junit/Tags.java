package dev.jgenkit.junit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.platform.engine.TestTag;

/**
 * Tag names for descriptors: capability names ({@code tool-request}), {@code streaming}, {@code
 * builtin} or {@code custom}, {@code model:<name>}, {@code phase-<n>}, {@code sample:<name>},
 * {@code feature:<name>}. Characters a JUnit tag may not contain (whitespace, {@code ,()&|!})
 * become {@code -}, so tag expressions can select any of them.
 */
final class Tags {
  static final String STREAMING = "streaming";
  static final String BUILTIN = "builtin";
  static final String CUSTOM = "custom";
  static final String FLOW = "flow";

  private Tags() {}

  static String model(String model) {
    return "model:" + model;
  }

  static String phase(int phase) {
    return "phase-" + phase;
  }

  static String sample(String sample) {
    return "sample:" + sample;
  }

  /** A plan feature as a tag: {@code Tool interrupts} → {@code feature:tool-interrupts}. */
  static String feature(String feature) {
    return "feature:" + feature.toLowerCase(Locale.ROOT);
  }

  /** Valid tags for these names, in order; invalid characters become {@code -}. */
  static Set<TestTag> of(Collection<String> names) {
    Set<TestTag> tags = new LinkedHashSet<>();
    for (String n : names) {
      String s = sanitize(n);
      if (!s.isEmpty() && TestTag.isValid(s)) {
        tags.add(TestTag.create(s));
      }
    }
    return tags;
  }

  static String sanitize(String name) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean bad = Character.isWhitespace(c) || Character.isISOControl(c)
          || TestTag.RESERVED_CHARACTERS.contains(String.valueOf(c));
      if (bad) {
        if (b.length() > 0 && b.charAt(b.length() - 1) != '-') {
          b.append('-');
        }
      } else {
        b.append(c);
      }
    }
    int end = b.length();
    while (end > 0 && b.charAt(end - 1) == '-') {
      end--;
    }
    return b.substring(0, end);
  }
}
