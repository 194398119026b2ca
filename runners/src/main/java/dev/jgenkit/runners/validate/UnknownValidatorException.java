package dev.jgenkit.runners.validate;

/**
 * A validator spec names no known validator: a spec error, which the executor reports as ERROR
 * rather than FAIL. The message is {@code Unknown validator: <name>}, as in {@code dev:test-model}.
 */
public final class UnknownValidatorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String name;

  public UnknownValidatorException(String name) {
    super("Unknown validator: " + name, null, false, false);
    this.name = name;
  }

  /** The unknown name, without its argument. */
  public String name() {
    return name;
  }
}
