package dev.jgenkit.runners.results;

/** The outcome of one test. */
public enum Verdict {
  /** Every validator accepted the response. */
  PASS,
  /** A validator rejected the response. */
  FAIL,
  /** Transport error, timeout, runtime error or unknown validator: the test could not be judged. */
  ERROR,
  /** Not applicable; never run. */
  SKIP;

  public boolean failed() {
    return this == FAIL || this == ERROR;
  }
}
