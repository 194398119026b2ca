package dev.jgenkit.runners.flows;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Makes strings that match simple JSON Schema {@code pattern}s, for input synthesis.
 *
 * <p>Supported: literal characters and escaped punctuation; {@code .}; character classes ({@code
 * [A-Z]}, {@code [a-z0-9_-]}, negated {@code [^@]}); {@code \d \w \s \D \W \S}; {@code \n \r \t \f
 * \v \0 \xHH \\uHHHH}; the quantifiers {@code * + ? {n} {n,} {n,m}} (lazy forms too); groups {@code
 * (...)}, {@code (?:...)}, {@code (?<name>...)} with alternation {@code |}; anchors {@code ^} and
 * {@code $}. Anything else (lookaround, backreferences, {@code \b}, {@code \p{...}}, inline flags,
 * nested classes) is refused with the construct named. Every string returned has been checked with
 * {@link java.util.regex.Pattern#matcher find()}, which is how JSON Schema applies a pattern
 * (unanchored unless the pattern says otherwise), and against the length bounds.
 */
final class PatternStrings {
  static final long UNBOUNDED = Long.MAX_VALUE / 4;
  private static final int LENGTHS_TRIED = 12;
  private static final int MAX_REPEAT = 10_000;

  private PatternStrings() {}

  /** Matching strings (distinct, best first), or why there are none. */
  record Result(List<String> values, String problem) {
    Result {
      values = List.copyOf(values);
    }

    static Result failed(String problem) {
      return new Result(List.of(), problem);
    }
  }

  /**
   * Up to {@code want} distinct strings that every pattern finds a match in, each with a length in
   * {@code [minLength, maxLength]} ({@link #UNBOUNDED} for no maximum).
   */
  static Result generate(List<String> patterns, long minLength, long maxLength, int want) {
    List<Pattern> compiled = new ArrayList<>();
    List<Node> trees = new ArrayList<>();
    for (String pattern : patterns) {
      try {
        compiled.add(Pattern.compile(pattern));
      } catch (PatternSyntaxException e) {
        return Result.failed(
            "pattern "
                + quote(pattern)
                + " is not a valid regular expression: "
                + e.getDescription());
      }
      try {
        trees.add(new Parser(pattern).parse());
      } catch (Unsupported e) {
        return Result.failed(
            "pattern "
                + quote(pattern)
                + " cannot be satisfied: "
                + e.getMessage()
                + ", which input synthesis does not support");
      }
    }
    Set<String> found = new LinkedHashSet<>();
    for (int variant = 0; variant < want + 2 && found.size() < want; variant++) {
      for (Node tree : trees) {
        for (String s : fromTree(tree, minLength, maxLength, variant)) {
          accept(s, compiled, minLength, maxLength, found);
        }
      }
      if (trees.size() > 1) {
        accept(
            combined(patterns, trees, minLength, variant), compiled, minLength, maxLength, found);
      }
    }
    if (!found.isEmpty()) {
      return new Result(new ArrayList<>(found).subList(0, Math.min(want, found.size())), "");
    }
    return Result.failed(whyNot(patterns, trees, minLength, maxLength));
  }

  private static void accept(
      String s, List<Pattern> compiled, long minLength, long maxLength, Set<String> found) {
    if (s == null) {
      return;
    }
    long length = s.codePointCount(0, s.length());
    if (length < minLength || length > maxLength) {
      return;
    }
    for (Pattern pattern : compiled) {
      if (!pattern.matcher(s).find()) {
        return;
      }
    }
    found.add(s);
  }

  /** Candidates from one pattern: exact-length strings, then padded ones for unanchored ends. */
  private static List<String> fromTree(Node tree, long minLength, long maxLength, int variant) {
    List<String> out = new ArrayList<>();
    long lo = Math.max(minLength, minLen(tree));
    long hi = Math.min(maxLength, maxLen(tree));
    for (long length = lo, tries = 0; length <= hi && tries < LENGTHS_TRIED; length++, tries++) {
      String s = gen(tree, length, variant);
      if (s != null) {
        out.add(s);
      }
    }
    // Too short for minLength: pad outside the match, which an unanchored pattern still finds.
    long shortest = minLen(tree);
    if (shortest < minLength && shortest <= maxLength) {
      String s = gen(tree, Math.min(maxLen(tree), minLength), variant);
      if (s == null) {
        s = gen(tree, shortest, variant);
      }
      if (s != null && s.length() < minLength) {
        String pad = "x".repeat((int) Math.min(minLength - s.length(), MAX_REPEAT));
        out.add(s + pad);
        out.add(pad + s);
      }
    }
    return out;
  }

  /** For several patterns (zod's startsWith/includes/endsWith): start-anchored pieces first. */
  private static String combined(List<String> patterns, List<Node> trees, long minLength, int v) {
    StringBuilder head = new StringBuilder();
    StringBuilder middle = new StringBuilder();
    StringBuilder tail = new StringBuilder();
    for (int i = 0; i < trees.size(); i++) {
      String piece = gen(trees.get(i), minLen(trees.get(i)), v);
      if (piece == null) {
        return null;
      }
      String pattern = patterns.get(i);
      if (pattern.startsWith("^")) {
        head.append(piece);
      } else if (pattern.endsWith("$") && !pattern.endsWith("\\$")) {
        tail.insert(0, piece);
      } else {
        middle.append(piece);
      }
    }
    long length = (long) head.length() + middle.length() + tail.length();
    if (length < minLength) {
      middle.append("x".repeat((int) Math.min(minLength - length, MAX_REPEAT)));
    }
    return head.append(middle).append(tail).toString();
  }

  private static String whyNot(
      List<String> patterns, List<Node> trees, long minLength, long maxLength) {
    if (trees.size() == 1) {
      String p = quote(patterns.get(0));
      long shortest = minLen(trees.get(0));
      long longest = maxLen(trees.get(0));
      if (shortest > maxLength) {
        return "pattern "
            + p
            + " needs at least "
            + shortest
            + " characters but maxLength is "
            + maxLength;
      }
      if (longest < minLength && longest < UNBOUNDED) {
        return "pattern "
            + p
            + " matches at most "
            + longest
            + " characters but minLength is "
            + minLength
            + " (and the pattern is anchored)";
      }
      return "pattern " + p + " cannot be satisfied: no generated string matches it";
    }
    List<String> quoted = new ArrayList<>();
    patterns.forEach(p -> quoted.add(quote(p)));
    return "patterns "
        + String.join(", ", quoted)
        + " cannot be satisfied together: no generated string matches all of them";
  }

  static String quote(String pattern) {
    return "'" + pattern + "'";
  }

  // ---- the tree

  private sealed interface Node permits Lit, Cls, Anchor, Seq, Alt, Rep {}

  private record Lit(char c) implements Node {}

  /** A character class; its first members in a readable order, computed once. */
  private static final class Cls implements Node {
    private static final String PREFERRED =
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 -_.@:/";
    private static final int MEMBERS = 64;
    final List<Character> members;

    Cls(IntPredicate member) {
      LinkedHashSet<Character> chosen = new LinkedHashSet<>();
      for (char c : PREFERRED.toCharArray()) {
        add(chosen, member, c);
      }
      for (int c = 0x21; c < 0x7f && chosen.size() < MEMBERS; c++) {
        add(chosen, member, c);
      }
      for (int c = 0xa0; c <= 0xffff && chosen.size() < MEMBERS; c++) {
        if (c < Character.MIN_SURROGATE || c > Character.MAX_SURROGATE) {
          add(chosen, member, c);
        }
      }
      for (int c = 0; c < 0x20 && chosen.size() < MEMBERS; c++) {
        add(chosen, member, c);
      }
      add(chosen, member, 0x7f);
      members = List.copyOf(chosen);
    }

    private static void add(Set<Character> chosen, IntPredicate member, int c) {
      if (chosen.size() < MEMBERS && member.test(c)) {
        chosen.add((char) c);
      }
    }
  }

  private record Anchor(boolean start) implements Node {}

  private record Seq(List<Node> items) implements Node {}

  private record Alt(List<Node> options) implements Node {}

  /** {@code max} is -1 when unbounded. */
  private record Rep(Node node, int min, int max) implements Node {}

  private static long minLen(Node node) {
    if (node instanceof Lit || node instanceof Cls) {
      return 1;
    }
    if (node instanceof Seq seq) {
      long sum = 0;
      for (Node item : seq.items()) {
        sum = cap(sum + minLen(item));
      }
      return sum;
    }
    if (node instanceof Alt alt) {
      long min = UNBOUNDED;
      for (Node option : alt.options()) {
        min = Math.min(min, minLen(option));
      }
      return min;
    }
    if (node instanceof Rep rep) {
      return cap(rep.min() * minLen(rep.node()));
    }
    return 0;
  }

  private static long maxLen(Node node) {
    if (node instanceof Lit || node instanceof Cls) {
      return 1;
    }
    if (node instanceof Seq seq) {
      long sum = 0;
      for (Node item : seq.items()) {
        sum = cap(sum + maxLen(item));
      }
      return sum;
    }
    if (node instanceof Alt alt) {
      long max = 0;
      for (Node option : alt.options()) {
        max = Math.max(max, maxLen(option));
      }
      return max;
    }
    if (node instanceof Rep rep) {
      long inner = maxLen(rep.node());
      if (inner == 0) {
        return 0;
      }
      return rep.max() < 0 || inner >= UNBOUNDED ? UNBOUNDED : cap(rep.max() * inner);
    }
    return 0;
  }

  private static long cap(long n) {
    return Math.min(n, UNBOUNDED);
  }

  /** A string of exactly {@code target} characters the node matches, or null. */
  private static String gen(Node node, long target, int variant) {
    if (target < minLen(node) || target > maxLen(node) || target > MAX_REPEAT * 10L) {
      return null;
    }
    StringBuilder out = new StringBuilder();
    return gen(node, (int) target, variant, out) ? out.toString() : null;
  }

  private static boolean gen(Node node, int target, int variant, StringBuilder out) {
    if (node instanceof Lit lit) {
      if (target != 1) {
        return false;
      }
      out.append(lit.c());
      return true;
    }
    if (node instanceof Cls cls) {
      if (target != 1 || cls.members.isEmpty()) {
        return false;
      }
      out.append(cls.members.get(variant % cls.members.size()));
      return true;
    }
    if (node instanceof Anchor) {
      return target == 0;
    }
    if (node instanceof Seq seq) {
      return genSeq(seq.items(), target, variant, out);
    }
    if (node instanceof Alt alt) {
      int n = alt.options().size();
      for (int i = 0; i < n; i++) {
        Node option = alt.options().get((i + variant) % n);
        if (target >= minLen(option) && target <= maxLen(option)) {
          int mark = out.length();
          if (gen(option, target, variant, out)) {
            return true;
          }
          out.setLength(mark);
        }
      }
      return false;
    }
    Rep rep = (Rep) node;
    long innerMin = minLen(rep.node());
    long innerMax = maxLen(rep.node());
    long maxCount = rep.max() < 0 ? Math.max(rep.min(), target) : rep.max();
    for (long count = rep.min(); count <= maxCount; count++) {
      if (count * innerMin <= target && (innerMax >= UNBOUNDED || count * innerMax >= target)) {
        int mark = out.length();
        if (genSeq(Collections.nCopies((int) count, rep.node()), target, variant, out)) {
          return true;
        }
        out.setLength(mark);
      }
      if (innerMin > 0 && count * innerMin > target) {
        break;
      }
    }
    return false;
  }

  /** Gives each item its minimum length, then the rest to the earliest items that can grow. */
  private static boolean genSeq(List<Node> items, int target, int variant, StringBuilder out) {
    long[] lengths = new long[items.size()];
    long remaining = target;
    for (int i = 0; i < items.size(); i++) {
      lengths[i] = minLen(items.get(i));
      remaining -= lengths[i];
    }
    if (remaining < 0) {
      return false;
    }
    for (int i = 0; i < items.size() && remaining > 0; i++) {
      long extra = Math.min(remaining, maxLen(items.get(i)) - lengths[i]);
      lengths[i] += extra;
      remaining -= extra;
    }
    if (remaining > 0) {
      return false;
    }
    for (int i = 0; i < items.size(); i++) {
      if (!gen(items.get(i), (int) lengths[i], variant, out)) {
        return false;
      }
    }
    return true;
  }

  // ---- the parser (ECMAScript syntax, the subset above)

  private static final class Unsupported extends Exception {
    Unsupported(String message) {
      super(message, null, false, false);
    }
  }

  private static final IntPredicate DIGIT = c -> c >= '0' && c <= '9';
  private static final IntPredicate WORD =
      c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || DIGIT.test(c) || c == '_';
  private static final IntPredicate SPACE =
      c ->
          c == ' '
              || (c >= '\t' && c <= '\r')
              || c == 0xa0
              || c == 0x1680
              || (c >= 0x2000 && c <= 0x200a)
              || c == 0x2028
              || c == 0x2029
              || c == 0x202f
              || c == 0x205f
              || c == 0x3000
              || c == 0xfeff;
  private static final IntPredicate DOT = c -> c != '\n' && c != '\r' && c != 0x2028 && c != 0x2029;

  private static final class Parser {
    private final String p;
    private int i;

    Parser(String pattern) {
      this.p = pattern;
    }

    Node parse() throws Unsupported {
      Node node = alternation();
      if (i < p.length()) {
        throw new Unsupported("unbalanced ')' at " + i);
      }
      return node;
    }

    private Node alternation() throws Unsupported {
      List<Node> options = new ArrayList<>();
      options.add(sequence());
      while (i < p.length() && p.charAt(i) == '|') {
        i++;
        options.add(sequence());
      }
      return options.size() == 1 ? options.get(0) : new Alt(options);
    }

    private Node sequence() throws Unsupported {
      List<Node> items = new ArrayList<>();
      while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
        items.add(quantified(atom()));
      }
      return items.size() == 1 ? items.get(0) : new Seq(items);
    }

    private Node atom() throws Unsupported {
      char c = p.charAt(i++);
      switch (c) {
        case '(':
          return group();
        case '[':
          return charClass();
        case '.':
          return new Cls(DOT);
        case '^':
          return new Anchor(true);
        case '$':
          return new Anchor(false);
        case '\\':
          return escape();
        case '*':
        case '+':
        case '?':
          throw new Unsupported("quantifier '" + c + "' with nothing to repeat at " + (i - 1));
        default:
          return new Lit(c);
      }
    }

    private Node group() throws Unsupported {
      int start = i - 1;
      if (p.startsWith("?:", i)) {
        i += 2;
      } else if (p.startsWith("?=", i) || p.startsWith("?!", i)) {
        throw new Unsupported("lookahead '(" + p.substring(i, i + 2) + "'");
      } else if (p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
        throw new Unsupported("lookbehind '(" + p.substring(i, i + 3) + "'");
      } else if (p.startsWith("?<", i) || p.startsWith("?P<", i)) {
        int close = p.indexOf('>', i);
        if (close < 0) {
          throw new Unsupported("unterminated group name at " + start);
        }
        i = close + 1;
      } else if (p.startsWith("?", i)) {
        throw new Unsupported("group syntax '(?' at " + start + " (inline flags or similar)");
      }
      Node inner = alternation();
      if (i >= p.length() || p.charAt(i) != ')') {
        throw new Unsupported("unterminated group at " + start);
      }
      i++;
      return inner;
    }

    private Node quantified(Node atom) throws Unsupported {
      if (i >= p.length()) {
        return atom;
      }
      int min;
      int max;
      char c = p.charAt(i);
      if (c == '*') {
        min = 0;
        max = -1;
        i++;
      } else if (c == '+') {
        min = 1;
        max = -1;
        i++;
      } else if (c == '?') {
        min = 0;
        max = 1;
        i++;
      } else if (c == '{' && p.indexOf('}', i) > i) {
        String body = p.substring(i + 1, p.indexOf('}', i));
        if (!body.matches("\\d+(,\\d*)?")) {
          return atom; // ECMAScript reads a '{' that starts no quantifier as a literal
        }
        i = p.indexOf('}', i) + 1;
        String[] parts = body.split(",", -1);
        min = bounded(parts[0]);
        max = parts.length == 1 ? min : parts[1].isEmpty() ? -1 : bounded(parts[1]);
        if (max >= 0 && min > max) {
          throw new Unsupported("quantifier {" + body + "} with its minimum above its maximum");
        }
      } else {
        return atom;
      }
      if (i < p.length() && p.charAt(i) == '?') {
        i++; // lazy: matches the same strings
      } else if (i < p.length() && (p.charAt(i) == '+' || p.charAt(i) == '*')) {
        throw new Unsupported("a quantifier repeated at " + i);
      }
      return new Rep(atom, min, max);
    }

    private int bounded(String digits) throws Unsupported {
      if (digits.length() > 6 || Integer.parseInt(digits) > MAX_REPEAT) {
        throw new Unsupported("a repetition count above " + MAX_REPEAT);
      }
      return Integer.parseInt(digits);
    }

    private Node escape() throws Unsupported {
      Object e = escapeIn(false);
      return e instanceof IntPredicate predicate ? new Cls(predicate) : new Lit((Character) e);
    }

    /** A character, or a predicate for \d \w \s and their negations. */
    private Object escapeIn(boolean inClass) throws Unsupported {
      if (i >= p.length()) {
        throw new Unsupported("a trailing '\\'");
      }
      char e = p.charAt(i++);
      switch (e) {
        case 'd':
          return DIGIT;
        case 'D':
          return DIGIT.negate();
        case 'w':
          return WORD;
        case 'W':
          return WORD.negate();
        case 's':
          return SPACE;
        case 'S':
          return SPACE.negate();
        case 'n':
          return '\n';
        case 'r':
          return '\r';
        case 't':
          return '\t';
        case 'f':
          return '\f';
        case 'v':
          return '\u000b';
        case 'x':
          return hex(2);
        case 'u':
          if (i < p.length() && p.charAt(i) == '{') {
            throw new Unsupported("code point escape '\\u{'");
          }
          return hex(4);
        case '0':
          if (i < p.length() && Character.isDigit(p.charAt(i))) {
            throw new Unsupported("octal escape '\\0" + p.charAt(i) + "'");
          }
          return '\0';
        case 'b':
          if (inClass) {
            return '\b';
          }
          throw new Unsupported("word boundary '\\b'");
        case 'B':
          throw new Unsupported("word boundary '\\B'");
        case 'p':
        case 'P':
          throw new Unsupported("unicode property '\\" + e + "'");
        case 'k':
          throw new Unsupported("named backreference '\\k'");
        case 'c':
          throw new Unsupported("control escape '\\c'");
        default:
          if (e >= '1' && e <= '9') {
            throw new Unsupported("backreference '\\" + e + "'");
          }
          if (Character.isLetterOrDigit(e)) {
            throw new Unsupported("escape '\\" + e + "'");
          }
          return e;
      }
    }

    private char hex(int digits) throws Unsupported {
      if (i + digits > p.length()
          || !p.substring(i, i + digits).matches("[0-9a-fA-F]{" + digits + "}")) {
        throw new Unsupported("a malformed hex escape at " + (i - 2));
      }
      char c = (char) Integer.parseInt(p.substring(i, i + digits), 16);
      i += digits;
      return c;
    }

    private Node charClass() throws Unsupported {
      int start = i - 1;
      boolean negated = i < p.length() && p.charAt(i) == '^';
      if (negated) {
        i++;
      }
      if (i < p.length() && p.charAt(i) == ']') {
        throw new Unsupported("empty class '" + (negated ? "[^]" : "[]") + "'");
      }
      List<IntPredicate> parts = new ArrayList<>();
      while (true) {
        if (i >= p.length()) {
          throw new Unsupported("unterminated character class at " + start);
        }
        char c = p.charAt(i);
        if (c == ']') {
          i++;
          break;
        }
        if (c == '[' || p.startsWith("&&", i)) {
          throw new Unsupported("'" + (c == '[' ? "[" : "&&") + "' inside a character class");
        }
        Object low = classAtom();
        if (i + 1 < p.length() && p.charAt(i) == '-' && p.charAt(i + 1) != ']') {
          i++;
          Object high = classAtom();
          if (!(low instanceof Character) || !(high instanceof Character)) {
            throw new Unsupported("a range with a class shorthand at " + start);
          }
          char from = (Character) low;
          char to = (Character) high;
          if (from > to) {
            throw new Unsupported("an out-of-order range at " + start);
          }
          parts.add(ch -> ch >= from && ch <= to);
        } else if (low instanceof IntPredicate predicate) {
          parts.add(predicate);
        } else {
          char only = (Character) low;
          parts.add(ch -> ch == only);
        }
      }
      IntPredicate any = ch -> parts.stream().anyMatch(part -> part.test(ch));
      return new Cls(negated ? any.negate() : any);
    }

    private Object classAtom() throws Unsupported {
      char c = p.charAt(i++);
      return c == '\\' ? escapeIn(true) : (Object) c;
    }
  }
}
