package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * JSON written as RFC 8785 (JSON Canonicalization Scheme) prescribes, so that any JCS library reproduces the same
 * bytes from the same value: object members sorted by name (UTF-16 code units), no whitespace, strings with only
 * the mandatory escapes (quote, backslash, b f n r t; other controls as a lower-case 4-digit u-escape), every other
 * character as UTF-8, numbers as ECMAScript's {@code Number.prototype.toString} prints the double.
 */
final class CanonicalJson {

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private CanonicalJson() {}

  /** The canonical UTF-8 bytes; IllegalArgumentException for a string holding half a surrogate pair (not I-JSON). */
  static byte[] bytes(JsonNode value) {
    StringBuilder out = new StringBuilder(1024);
    write(value, out);
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue());
    } else if (node.isNumber()) {
      out.append(number(node));
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        out.append(i == 0 ? "" : ",");
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isObject()) {
      List<String> names = new ArrayList<>(node.size());
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        names.add(it.next());
      }
      names.sort(String::compareTo);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        out.append(i == 0 ? "" : ",");
        string(names.get(i), out);
        out.append(':');
        write(node.get(names.get(i)), out);
      }
      out.append('}');
    } else {
      throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
    }
  }

  private static void string(String s, StringBuilder out) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
            out.append(c).append(s.charAt(++i));
          } else if (Character.isSurrogate(c)) {
            throw new IllegalArgumentException("unpaired surrogate U+" + Integer.toHexString(c).toUpperCase());
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static String number(JsonNode node) {
    if (node.isIntegralNumber() && node.canConvertToLong() && Math.abs(node.longValue()) <= MAX_SAFE_INTEGER) {
      return Long.toString(node.longValue());
    }
    return ecmaScript(node.doubleValue());
  }

  /** ECMAScript Number::toString: the shortest digits that read back as the same double, then its layout rules. */
  static String ecmaScript(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new IllegalArgumentException("JSON has no " + d);
    }
    if (d == 0) {
      return "0";
    }
    BigDecimal shortest = shortest(Math.abs(d));
    String digits = shortest.unscaledValue().toString();
    int k = digits.length();
    int n = k - shortest.scale();
    String sign = d < 0 ? "-" : "";
    if (k <= n && n <= 21) {
      return sign + digits + "0".repeat(n - k);
    }
    if (0 < n && n <= 21) {
      return sign + digits.substring(0, n) + "." + digits.substring(n);
    }
    if (-6 < n && n <= 0) {
      return sign + "0." + "0".repeat(-n) + digits;
    }
    int e = n - 1;
    String exponent = "e" + (e < 0 ? "-" : "+") + Math.abs(e);
    return sign + (k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1)) + exponent;
  }

  private static BigDecimal shortest(double positive) {
    BigDecimal exact = new BigDecimal(positive);
    for (int precision = 1; precision <= 17; precision++) {
      BigDecimal rounded = exact.round(new MathContext(precision, RoundingMode.HALF_EVEN));
      BigDecimal step = BigDecimal.ONE.scaleByPowerOfTen(-rounded.scale());
      BigDecimal best = null;
      // The nearest candidate first; its neighbours matter only where the double's interval is lopsided (powers of 2).
      for (BigDecimal candidate : new BigDecimal[] {rounded, rounded.subtract(step), rounded.add(step)}) {
        if (candidate.signum() > 0 && Double.parseDouble(candidate.toString()) == positive
            && (best == null || candidate.subtract(exact).abs().compareTo(best.subtract(exact).abs()) < 0)) {
          best = candidate;
        }
      }
      if (best != null) {
        return best.stripTrailingZeros();
      }
    }
    throw new IllegalStateException("17 significant digits always identify a double");
  }
}
