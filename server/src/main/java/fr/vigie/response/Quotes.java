package fr.vigie.response;

/** The original message as a template quotes it: one line, shortened at a word, never mid-character. */
public final class Quotes {

  /** Longest quote before any platform limit applies. */
  public static final int DEFAULT_MAX = 160;

  private Quotes() {}

  public static String shorten(String text, int max) {
    if (text == null) {
      return "";
    }
    String oneLine = text.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "").replaceAll("\\s+", " ").strip();
    if (oneLine.codePointCount(0, oneLine.length()) <= max) {
      return oneLine;
    }
    int end = oneLine.offsetByCodePoints(0, max - 1);
    int space = oneLine.lastIndexOf(' ', end);
    if (space > max / 2) {
      end = space;
    }
    return oneLine.substring(0, end).replaceAll("[\\s,;:.!?-]+$", "") + "…";
  }
}
