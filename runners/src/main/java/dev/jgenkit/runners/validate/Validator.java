package dev.jgenkit.runners.validate;

/**
 * One named check of a model response, such as {@code text-includes}. Implementations are stateless
 * and may be called from many threads at once.
 */
@FunctionalInterface
public interface Validator {
  /**
   * Checks one response.
   *
   * @param in the request, response and stream chunks
   * @param arg the part of the spec after the first {@code :}, or {@code ""} when there is none
   * @throws ValidationFailure when the response fails the check; its message is the reason
   */
  void check(ValidationInput in, String arg) throws ValidationFailure;
}
