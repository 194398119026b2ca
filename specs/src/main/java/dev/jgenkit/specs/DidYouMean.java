package dev.jgenkit.specs;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** Suggests the closest known name for a misspelt one ("did you mean 'supports'?"). */
public final class DidYouMean {
  private DidYouMean() {}

  /**
   * The candidate closest to {@code input} by edit distance (case-insensitive, a swap of two
   * neighbouring letters counting as one edit), if it is close enough to be a plausible typo. Ties
   * go to the earlier candidate.
   */
  public static Optional<String> suggest(String input, Collection<String> candidates) {
    Objects.requireNonNull(input, "input");
    String needle = input.toLowerCase(Locale.ROOT);
    int allowed = Math.max(1, Math.min(3, needle.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(needle, candidate.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions. */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
