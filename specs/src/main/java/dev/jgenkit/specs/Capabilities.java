package dev.jgenkit.specs;

import java.util.List;

/** The capability names a suite may list under {@code supports}: one per built-in test. */
public final class Capabilities {
  /** The peer's 12 built-in capabilities, in the peer's declaration order. */
  public static final List<String> KNOWN =
      List.of(
          "tool-request",
          "structured-output",
          "multiturn",
          "streaming-multiturn",
          "streaming-tool-request",
          "streaming-structured-output",
          "system-role",
          "input-image-base64",
          "input-image-url",
          "input-video-youtube",
          "output-audio",
          "output-image");

  private Capabilities() {}

  public static boolean isKnown(String name) {
    return KNOWN.contains(name);
  }
}
