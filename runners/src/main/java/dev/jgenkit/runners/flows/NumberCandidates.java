package dev.jgenkit.runners.flows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Numbers for input synthesis: within the bounds, on the {@code multipleOf} grid, exact. */
final class NumberCandidates {
  private NumberCandidates() {}

  /** One side of a numeric range, with the keyword it came from for messages. */
  record Bound(BigDecimal value, boolean exclusive, String label) {
    static Bound lower(JsonNode s) {
      return pick(s, "minimum", "exclusiveMinimum", true);
    }

    static Bound upper(JsonNode s) {
      return pick(s, "maximum", "exclusiveMaximum", false);
    }

    private static Bound pick(JsonNode s, String inclusiveKey, String exclusiveKey, boolean lower) {
      Bound bound = null;
      JsonNode inclusive = s.get(inclusiveKey);
      JsonNode exclusive = s.get(exclusiveKey);
      if (inclusive != null && inclusive.isNumber()) {
        boolean draft4Exclusive =
            exclusive != null && exclusive.isBoolean() && exclusive.booleanValue();
        bound =
            new Bound(
                inclusive.decimalValue(),
                draft4Exclusive,
                (draft4Exclusive ? exclusiveKey + " " : inclusiveKey + " ") + inclusive.asText());
      }
      if (exclusive != null && exclusive.isNumber()) {
        BigDecimal v = exclusive.decimalValue();
        int cmp = bound == null ? 0 : v.compareTo(bound.value());
        if (bound == null || (lower ? cmp >= 0 : cmp <= 0)) {
          bound = new Bound(v, true, exclusiveKey + " " + exclusive.asText());
        }
      }
      return bound;
    }

    boolean admits(BigDecimal v, boolean lower) {
      int cmp = v.compareTo(value);
      return lower ? (exclusive ? cmp > 0 : cmp >= 0) : (exclusive ? cmp < 0 : cmp <= 0);
    }
  }

  private static final BigDecimal FORTY_TWO = BigDecimal.valueOf(42);
  private static final BigDecimal HALF = new BigDecimal("0.5");

  /** Multiples of {@code step} within the bounds: the lowest (or 42 unbounded), then upwards. */
  static List<BigDecimal> onGrid(Bound lower, Bound upper, BigDecimal step, int want) {
    BigInteger kMin = null;
    if (lower != null) {
      kMin = lower.value().divide(step, 0, RoundingMode.CEILING).toBigInteger();
      if (!lower.admits(new BigDecimal(kMin).multiply(step), true)) {
        kMin = kMin.add(BigInteger.ONE);
      }
    }
    BigInteger kMax = null;
    if (upper != null) {
      kMax = upper.value().divide(step, 0, RoundingMode.FLOOR).toBigInteger();
      if (!upper.admits(new BigDecimal(kMax).multiply(step), false)) {
        kMax = kMax.subtract(BigInteger.ONE);
      }
    }
    if (kMin != null && kMax != null && kMin.compareTo(kMax) > 0) {
      return List.of();
    }
    BigInteger k0;
    if (kMin != null) {
      k0 = kMin;
    } else {
      k0 = FORTY_TWO.divide(step, 0, RoundingMode.CEILING).toBigInteger();
      if (kMax != null && k0.compareTo(kMax) > 0) {
        k0 = kMax;
      }
    }
    List<BigDecimal> out = new ArrayList<>();
    for (BigInteger k = k0;
        out.size() < want && (kMax == null || k.compareTo(kMax) <= 0);
        k = k.add(BigInteger.ONE)) {
      out.add(new BigDecimal(k).multiply(step));
    }
    for (BigInteger k = k0.subtract(BigInteger.ONE);
        out.size() < want && (kMin == null || k.compareTo(kMin) >= 0);
        k = k.subtract(BigInteger.ONE)) {
      out.add(new BigDecimal(k).multiply(step));
    }
    return out;
  }

  /**
   * Any numbers within the bounds: the lower bound (just above it when exclusive), else 42. The
   * second is fractional, for a {@code oneOf} that tells numbers from integers.
   */
  static List<BigDecimal> inRange(Bound lower, Bound upper, int want) {
    List<BigDecimal> proposals = new ArrayList<>();
    if (lower != null) {
      proposals.add(lower.value());
      proposals.add(lower.value().add(HALF));
      proposals.add(lower.value().add(BigDecimal.ONE));
      if (upper != null) {
        BigDecimal width = upper.value().subtract(lower.value());
        for (int i = 1; i <= want; i++) {
          proposals.add(lower.value().add(width.divide(BigDecimal.valueOf(1L << i))));
        }
      }
    } else if (upper != null) {
      proposals.add(FORTY_TWO);
      proposals.add(FORTY_TWO.add(HALF));
      proposals.add(upper.value());
      proposals.add(upper.value().subtract(BigDecimal.ONE));
    } else {
      proposals.add(FORTY_TWO);
      proposals.add(FORTY_TWO.add(HALF));
    }
    BigDecimal last = proposals.get(proposals.size() - 1);
    for (int i = 1; i <= want; i++) {
      proposals.add(proposals.get(0).add(BigDecimal.valueOf(i)));
      proposals.add(last.subtract(BigDecimal.valueOf(i)));
    }
    List<BigDecimal> out = new ArrayList<>();
    for (BigDecimal v : proposals) {
      boolean fits =
          (lower == null || lower.admits(v, true)) && (upper == null || upper.admits(v, false));
      if (fits && out.stream().noneMatch(o -> o.compareTo(v) == 0) && out.size() < want) {
        out.add(v);
      }
    }
    return out;
  }

  /** The step between integers that are multiples of {@code m}: its numerator in lowest terms. */
  static BigDecimal integerStep(BigDecimal m) {
    BigDecimal stripped = m.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      return stripped;
    }
    BigInteger p = stripped.unscaledValue();
    BigInteger q = BigInteger.TEN.pow(stripped.scale());
    return new BigDecimal(p.divide(p.gcd(q)));
  }

  static JsonNode numberNode(BigDecimal v) {
    BigDecimal stripped = v.stripTrailingZeros();
    if (stripped.scale() <= 0) {
      BigInteger i = stripped.toBigIntegerExact();
      if (i.bitLength() < 32) {
        return IntNode.valueOf(i.intValue());
      }
      return i.bitLength() < 64 ? LongNode.valueOf(i.longValue()) : BigIntegerNode.valueOf(i);
    }
    return DecimalNode.valueOf(stripped);
  }
}
