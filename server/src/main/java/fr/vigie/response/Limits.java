package fr.vigie.response;

/**
 * How long a reply may be on each platform, and how each platform counts. X counts "weighted" characters:
 * most Latin, punctuation and general-punctuation code points weigh 1, everything else (CJK, emoji) weighs 2,
 * for 280 in all (https://github.com/twitter/twitter-text, config v3: ranges 0–4351, 8192–8205, 8208–8223,
 * 8242–8247). Other platforms are counted in code points.
 */
public final class Limits {

  private Limits() {}

  /** The longest text the platform accepts for this kind of message; Integer.MAX_VALUE when it has no limit. */
  public static int limit(String platform, Kind kind) {
    if ("x".equals(platform)) {
      return kind == Kind.PRIVATE_MESSAGE ? 10_000 : 280;
    }
    if ("facebook".equals(platform)) {
      return 8_000;
    }
    if ("reddit".equals(platform)) {
      return 10_000; // comments and private messages alike
    }
    return Integer.MAX_VALUE;
  }

  /** Length of the text as the platform counts it. */
  public static int length(String platform, String text) {
    if (!"x".equals(platform)) {
      return text.codePointCount(0, text.length());
    }
    int total = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      boolean light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223)
          || (cp >= 8242 && cp <= 8247);
      total += light ? 1 : 2;
      i += Character.charCount(cp);
    }
    return total;
  }
}
