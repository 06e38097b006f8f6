package fr.vigie.response;

import java.util.regex.Pattern;

/** What a reply calls the author: the display name, a first name when the display name starts with one. */
public final class Names {

  // A first name: a capital then letters, with an inner hyphen or apostrophe (Jean-Luc, N’Golo), 2 to 20 long.
  private static final Pattern FIRST_NAME = Pattern.compile("\\p{Lu}[\\p{Ll}\\p{M}]+(?:[-’'][\\p{Lu}\\p{Ll}][\\p{Ll}\\p{M}]*)?");
  // Emoji, symbols and decorations people put around their names.
  private static final Pattern DECORATION = Pattern.compile("[\\p{So}\\p{Sk}\\p{Cf}|•·★☆✨]+");

  private Names() {}

  /** Display name, else @handle, else empty. */
  public static String author(String displayName, String handle) {
    String name = clean(displayName);
    if (!name.isEmpty()) {
      return name;
    }
    if (handle != null && !handle.isBlank()) {
      String h = handle.strip();
      return h.startsWith("@") ? h : "@" + h;
    }
    return "";
  }

  /** The first word of the display name when it looks like a first name, else the author as above. */
  public static String firstName(String displayName, String handle) {
    String name = clean(displayName);
    String first = name.split(" ", 2)[0];
    if (first.length() <= 20 && FIRST_NAME.matcher(first).matches()) {
      return first;
    }
    return author(displayName, handle);
  }

  private static String clean(String displayName) {
    if (displayName == null) {
      return "";
    }
    return DECORATION.matcher(displayName).replaceAll(" ").replaceAll("\\s+", " ").strip();
  }
}
