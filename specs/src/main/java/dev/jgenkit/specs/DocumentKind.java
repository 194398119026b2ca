package dev.jgenkit.specs;

import java.util.Objects;

/**
 * The wording of the reader's problems for one kind of document (a spec, a sample file, a plan):
 * the same located checks say "spec file" or "plan file" and give hints that fit.
 *
 * @param noun what the document is called in messages, e.g. {@code "spec file"}
 * @param notFoundHint the hint when the file does not exist
 * @param sizeHint the hint when the file is over the size limit
 * @param limitHint the hint when a parser limit is broken
 * @param depthHint the hint when nesting is too deep
 * @param tagHint the hint for an unsupported YAML tag
 * @param aliasHint the hint when aliases expand to too many values
 * @param multipleDocumentsHint the hint when a YAML file holds several documents
 * @param trailingJsonHint the hint when a JSON file holds content after its value
 */
public record DocumentKind(
    String noun,
    String notFoundHint,
    String sizeHint,
    String limitHint,
    String depthHint,
    String tagHint,
    String aliasHint,
    String multipleDocumentsHint,
    String trailingJsonHint) {

  /** A {@code dev:test-model} spec file ({@code --from-file}). */
  public static final DocumentKind SPEC =
      new DocumentKind(
          "spec file",
          "--from-file is resolved against the project root; check the path",
          "spec files are small; check that this is the right file",
          "spec files are small and shallow; check that this is the right file",
          "a spec needs only a few levels; look for runaway brackets or indentation",
          "remove the tag: a spec holds plain strings, numbers, booleans, lists and objects",
          "aliases multiply values; write the spec without nested aliases",
          "remove the '---' separator and put all suites in one list",
          "a JSON spec holds exactly one value: a list of suites or one suite object");

  public DocumentKind {
    Objects.requireNonNull(noun, "noun");
    Objects.requireNonNull(notFoundHint, "notFoundHint");
    Objects.requireNonNull(sizeHint, "sizeHint");
    Objects.requireNonNull(limitHint, "limitHint");
    Objects.requireNonNull(depthHint, "depthHint");
    Objects.requireNonNull(tagHint, "tagHint");
    Objects.requireNonNull(aliasHint, "aliasHint");
    Objects.requireNonNull(multipleDocumentsHint, "multipleDocumentsHint");
    Objects.requireNonNull(trailingJsonHint, "trailingJsonHint");
  }

  /**
   * The usual wording for a document whose top level is one object, e.g. {@code of("plan file",
   * "check the path")}.
   */
  public static DocumentKind of(String noun, String notFoundHint) {
    return new DocumentKind(
        noun,
        notFoundHint,
        noun + "s are small; check that this is the right file",
        noun + "s are small and shallow; check that this is the right file",
        "a " + noun + " needs only a few levels; look for runaway brackets or indentation",
        "remove the tag: a " + noun + " holds plain strings, numbers, booleans, lists and objects",
        "aliases multiply values; write the " + noun + " without nested aliases",
        "remove the '---' separator: a " + noun + " is one YAML document",
        "a JSON " + noun + " holds exactly one object");
  }
}
