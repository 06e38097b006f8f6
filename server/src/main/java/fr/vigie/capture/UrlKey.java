package fr.vigie.capture;

import java.util.Locale;

/**
 * An address without its query and fragment, scheme and host in lower case: X and Facebook add tracking queries
 * ({@code ?s=20}, {@code ?__cft__=…}) to the same post's address, so captures are matched to a page by this key.
 */
final class UrlKey {

  private UrlKey() {}

  static String of(String url) {
    if (url == null) {
      return null;
    }
    int cut = url.length();
    for (char c : new char[] {'?', '#'}) {
      int at = url.indexOf(c);
      if (at >= 0 && at < cut) {
        cut = at;
      }
    }
    String bare = url.substring(0, cut);
    int scheme = bare.indexOf("://");
    if (scheme < 0) {
      return bare;
    }
    int path = bare.indexOf('/', scheme + 3);
    int end = path < 0 ? bare.length() : path;
    return bare.substring(0, end).toLowerCase(Locale.ROOT) + (path < 0 ? "/" : bare.substring(path));
  }
}
