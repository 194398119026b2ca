package dev.jgenkit.specs;

import java.util.Objects;

/**
 * A validator reference from a spec, {@code name} or {@code name:argument}.
 *
 * @param name the validator name, never empty
 * @param argument everything after the first {@code ':'}, or {@code ""} when there is none
 */
public record ValidatorSpec(String name, String argument) {
  public ValidatorSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(argument, "argument");
    if (name.isEmpty()) {
      throw new IllegalArgumentException("validator name must not be empty");
    }
  }

  /**
   * Splits at the first {@code ':'}, like the peer's split-and-rejoin: {@code
   * text-starts-with:RESPONSE:} has the argument {@code RESPONSE:}.
   *
   * @throws IllegalArgumentException if the name part is empty
   */
  public static ValidatorSpec parse(String text) {
    Objects.requireNonNull(text, "text");
    int colon = text.indexOf(':');
    return colon < 0
        ? new ValidatorSpec(text, "")
        : new ValidatorSpec(text.substring(0, colon), text.substring(colon + 1));
  }

  public boolean hasArgument() {
    return !argument.isEmpty();
  }

  /** The spec form again: {@code name} or {@code name:argument}. */
  @Override
  public String toString() {
    return hasArgument() ? name + ":" + argument : name;
  }
}
