package dev.jgenkit.specs;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One suite of a spec file: a model and what to run against it.
 *
 * <p>{@code supports} and {@code tests} are optional because their presence decides which built-ins
 * run (see {@link #capabilities(List)}); an empty list is different from an absent one.
 */
public record Suite(
    String model,
    Optional<List<String>> supports,
    Optional<List<CustomTest>> tests,
    Location location) {
  public Suite {
    Objects.requireNonNull(model, "model");
    supports = supports.map(List::copyOf);
    tests = tests.map(List::copyOf);
    Objects.requireNonNull(location, "location");
  }

  /** The action key: {@code /model/<model>} unless the model already starts with {@code /}. */
  public String modelKey() {
    return modelKey(model);
  }

  public static String modelKey(String model) {
    return model.startsWith("/") ? model : "/model/" + model;
  }

  /**
   * The built-in capabilities this suite runs, following the peer exactly: {@code supports} present
   * (even empty) means exactly that list; absent with {@code tests} means none; both absent means
   * {@code defaultSupports}.
   */
  public List<String> capabilities(List<String> defaultSupports) {
    if (supports.isPresent()) {
      return supports.get();
    }
    return tests.isPresent() ? List.of() : List.copyOf(defaultSupports);
  }

  public List<CustomTest> customTests() {
    return tests.orElse(List.of());
  }
}
