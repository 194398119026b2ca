package dev.jgenkit.cli.picker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * fzf's fuzzy matcher (its "v2" algorithm): the query's characters must appear in order, and among
 * all the ways they can, the best-scoring one wins. Matches score 16 each; a match at a word
 * boundary (after a space, a delimiter {@code / , : ; |}, other punctuation, a lower-to-upper case
 * change or a letter-to-digit change) earns a bonus, doubled for the query's first character;
 * consecutive matches earn a bonus; gaps cost 3 to open and 1 per further character.
 *
 * <p>The query is split on whitespace into terms that must all match (their scores add up).
 * Matching ignores case unless the term has an upper-case letter (smart case). {@link #rank} sorts
 * by score, ties in the given order.
 */
public final class FuzzyMatcher {
  static final int SCORE_MATCH = 16;
  static final int SCORE_GAP_START = -3;
  static final int SCORE_GAP_EXTENSION = -1;
  static final int BONUS_BOUNDARY = SCORE_MATCH / 2;
  static final int BONUS_NON_WORD = SCORE_MATCH / 2;
  static final int BONUS_CAMEL_123 = BONUS_BOUNDARY + SCORE_GAP_EXTENSION;
  static final int BONUS_CONSECUTIVE = -(SCORE_GAP_START + SCORE_GAP_EXTENSION);
  static final int BONUS_FIRST_CHAR_MULTIPLIER = 2;
  static final int BONUS_BOUNDARY_WHITE = BONUS_BOUNDARY + 2;
  static final int BONUS_BOUNDARY_DELIMITER = BONUS_BOUNDARY + 1;

  // Character classes, ordered as fzf orders them: a class above NON_WORD is a word character.
  private static final int WHITE = 0;
  private static final int NON_WORD = 1;
  private static final int DELIMITER = 2;
  private static final int LOWER = 3;
  private static final int UPPER = 4;
  private static final int LETTER = 5;
  private static final int NUMBER = 6;

  /**
   * A text the query matches.
   *
   * @param score higher is better
   * @param positions the matched characters' indexes in the text, ascending
   */
  public record Match(int score, List<Integer> positions) {
    public Match {
      positions = List.copyOf(positions);
    }
  }

  /**
   * One ranked text.
   *
   * @param index the text's position in the list given to {@link #rank}
   */
  public record Hit(int index, Match match) {}

  private FuzzyMatcher() {}

  /** The best match of {@code query} in {@code text}, empty when some term does not match. */
  public static Optional<Match> match(String query, String text) {
    String[] terms = query.strip().split("\\s+");
    int score = 0;
    TreeSet<Integer> positions = new TreeSet<>();
    for (String term : terms) {
      if (term.isEmpty()) {
        continue;
      }
      Optional<Match> m = matchTerm(term, text);
      if (m.isEmpty()) {
        return Optional.empty();
      }
      score += m.get().score();
      positions.addAll(m.get().positions());
    }
    return Optional.of(new Match(score, new ArrayList<>(positions)));
  }

  /**
   * The texts {@code query} matches, best first; equal scores keep the texts' order. A blank query
   * matches every text with score 0.
   */
  public static List<Hit> rank(String query, List<String> texts) {
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      int index = i;
      match(query, texts.get(i)).ifPresent(m -> hits.add(new Hit(index, m)));
    }
    // List.sort is stable: ties stay in plan order.
    hits.sort(Comparator.comparingInt((Hit h) -> h.match().score()).reversed());
    return List.copyOf(hits);
  }

  /** One whitespace-free term: fzf v2, a Smith-Waterman-style table and a backtrace. */
  static Optional<Match> matchTerm(String term, String text) {
    boolean caseSensitive = !term.equals(term.toLowerCase(java.util.Locale.ROOT));
    int[] p = term.codePoints().map(c -> caseSensitive ? c : Character.toLowerCase(c)).toArray();
    int[] raw = text.codePoints().toArray();
    int[] t = new int[raw.length];
    for (int j = 0; j < raw.length; j++) {
      t[j] = caseSensitive ? raw[j] : Character.toLowerCase(raw[j]);
    }
    int m = p.length;
    int n = t.length;
    if (m == 0) {
      return Optional.of(new Match(0, List.of()));
    }
    // F[i]: the leftmost position term[i] can take (greedy scan); last: the rightmost end.
    int[] first = new int[m];
    int j0 = 0;
    for (int i = 0; i < m; i++) {
      while (j0 < n && t[j0] != p[i]) {
        j0++;
      }
      if (j0 == n) {
        return Optional.empty();
      }
      first[i] = j0++;
    }
    int last = n - 1;
    while (t[last] != p[m - 1]) {
      last--;
    }
    int[] bonus = new int[n];
    int prevClass = WHITE;
    for (int j = 0; j < n; j++) {
      int cls = charClass(raw[j]);
      bonus[j] = bonusFor(prevClass, cls);
      prevClass = cls;
    }
    int[][] h = new int[m][n];
    int[][] c = new int[m][n];
    int maxScore = 0;
    int maxPos = -1;
    // Row 0: where the first character matches, with its doubled bonus.
    boolean inGap = false;
    int prevH = 0;
    for (int j = first[0]; j <= last; j++) {
      if (t[j] == p[0]) {
        h[0][j] = SCORE_MATCH + bonus[j] * BONUS_FIRST_CHAR_MULTIPLIER;
        c[0][j] = 1;
        if (m == 1 && h[0][j] > maxScore) {
          maxScore = h[0][j];
          maxPos = j;
        }
        inGap = false;
      } else {
        h[0][j] = Math.max(prevH + (inGap ? SCORE_GAP_EXTENSION : SCORE_GAP_START), 0);
        c[0][j] = 0;
        inGap = true;
      }
      prevH = h[0][j];
    }
    for (int i = 1; i < m; i++) {
      inGap = false;
      for (int j = first[i]; j <= last; j++) {
        int left = j > first[i] ? h[i][j - 1] : 0;
        int s2 = left + (inGap ? SCORE_GAP_EXTENSION : SCORE_GAP_START);
        int s1 = 0;
        int consecutive = 0;
        if (t[j] == p[i]) {
          s1 = h[i - 1][j - 1] + SCORE_MATCH;
          int b = bonus[j];
          consecutive = c[i - 1][j - 1] + 1;
          if (consecutive > 1) {
            int fb = bonus[j - consecutive + 1];
            if (b >= BONUS_BOUNDARY && b > fb) {
              consecutive = 1;
            } else {
              b = Math.max(b, Math.max(BONUS_CONSECUTIVE, fb));
            }
          }
          if (s1 + b < s2) {
            s1 += bonus[j];
            consecutive = 0;
          } else {
            s1 += b;
          }
        }
        c[i][j] = consecutive;
        inGap = s1 < s2;
        int score = Math.max(Math.max(s1, s2), 0);
        if (i == m - 1 && score > maxScore) {
          maxScore = score;
          maxPos = j;
        }
        h[i][j] = score;
      }
    }
    if (maxPos < 0) {
      return Optional.empty();
    }
    // Backtrace from the best end, preferring matches (and runs of them) over gaps.
    int[] positions = new int[m];
    int i = m - 1;
    int j = maxPos;
    boolean preferMatch = true;
    while (true) {
      int row = i;
      int s = h[i][j];
      int s1 = i > 0 && j >= first[i] && j > 0 ? h[i - 1][j - 1] : 0;
      int s2 = j > first[i] ? h[i][j - 1] : 0;
      if (t[j] == p[i] && s > s1 && (s > s2 || (s == s2 && preferMatch))) {
        positions[i] = j;
        if (i == 0) {
          break;
        }
        i--;
      }
      preferMatch = c[row][j] > 1 || (row + 1 < m && j + 1 < n && c[row + 1][j + 1] > 0);
      j--;
    }
    // Positions are code point indexes; turn them into char indexes for the caller.
    List<Integer> charPositions = new ArrayList<>(m);
    for (int pos : positions) {
      charPositions.add(text.offsetByCodePoints(0, pos));
    }
    return Optional.of(new Match(maxScore, charPositions));
  }

  private static int charClass(int cp) {
    if (Character.isWhitespace(cp)) {
      return WHITE;
    }
    if (cp == '/' || cp == ',' || cp == ':' || cp == ';' || cp == '|') {
      return DELIMITER;
    }
    if (Character.isLowerCase(cp)) {
      return LOWER;
    }
    if (Character.isUpperCase(cp)) {
      return UPPER;
    }
    if (Character.isDigit(cp)) {
      return NUMBER;
    }
    if (Character.isLetter(cp)) {
      return LETTER;
    }
    return NON_WORD;
  }

  private static int bonusFor(int prevClass, int cls) {
    if (cls > NON_WORD) {
      if (prevClass == WHITE) {
        return BONUS_BOUNDARY_WHITE;
      }
      if (prevClass == DELIMITER) {
        return BONUS_BOUNDARY_DELIMITER;
      }
      if (prevClass == NON_WORD) {
        return BONUS_BOUNDARY;
      }
    }
    if ((prevClass == LOWER && cls == UPPER) || (prevClass != NUMBER && cls == NUMBER)) {
      return BONUS_CAMEL_123;
    }
    if (cls == NON_WORD || cls == DELIMITER) {
      return BONUS_NON_WORD;
    }
    if (cls == WHITE) {
      return BONUS_BOUNDARY_WHITE;
    }
    return 0;
  }
}
