package fr.vigie.response;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a template into the text a CM will paste: variables replaced, empty ones leaving a readable sentence,
 * right-to-left names isolated, and the platform's limit kept by dropping optional passages ({@code [[ … ]]})
 * last first, then shortening the quote, and only then cutting at a word with « … ». Pure: no IO.
 */
public final class Renderer {

  /** The variables a template may use. */
  public static final Set<String> VARIABLES = Set.of("author", "first_name", "quote", "brand", "helpline",
      "helpline_other", "emergency", "cm_name", "case_ref");
  private static final Pattern VARIABLE = Pattern.compile("\\{([a-z_]+)}");
  private static final Pattern RTL = Pattern.compile("[\\u0590-\\u08FF\\uFB1D-\\uFDFF\\uFE70-\\uFEFF]");
  private static final Set<String> NAMES = Set.of("author", "first_name", "cm_name");
  private static final int QUOTE_FLOOR = 40;

  /** The text, its length as the platform counts it, the limit, and whether anything was left out to fit. */
  public record Rendered(String text, int length, int limit, boolean shortened) {}

  /** A template's text split into what always stays and what may go. */
  private record Piece(String text, boolean optional) {}

  private Renderer() {}

  /**
   * Checks a template's text before it is saved: balanced, non-nested optional marks and known variables only.
   * @return the problems, in French, empty when the text is fine
   */
  public static List<String> problems(String template) {
    List<String> problems = new ArrayList<>();
    if (template == null || template.isBlank()) {
      problems.add("Le texte du modèle est vide.");
      return problems;
    }
    int depth = 0;
    for (int i = 0; i + 1 < template.length(); i++) {
      if (template.startsWith("[[", i)) {
        depth++;
        i++;
      } else if (template.startsWith("]]", i)) {
        depth--;
        i++;
      }
      if (depth < 0 || depth > 1) {
        problems.add("Les passages facultatifs [[ … ]] doivent être fermés et non imbriqués.");
        return problems;
      }
    }
    if (depth != 0) {
      problems.add("Un passage facultatif « [[ » n’est pas fermé par « ]] ».");
    }
    Matcher m = VARIABLE.matcher(template);
    while (m.find()) {
      if (!VARIABLES.contains(m.group(1))) {
        problems.add("Variable inconnue {" + m.group(1) + "} : variables permises " + String.join(", ",
            VARIABLES.stream().sorted().map(v -> "{" + v + "}").toList()) + ".");
      }
    }
    return problems;
  }

  public static Rendered render(String template, Vars vars, String platform, Kind kind) {
    int limit = Limits.limit(platform, kind);
    List<Piece> pieces = pieces(template);
    Map<String, String> values = vars.byName();
    String quote = values.get("quote");
    boolean shortened = false;
    String text = assemble(pieces, values);
    for (int drop = pieces.size() - 1; Limits.length(platform, text) > limit && drop >= 0; drop--) {
      if (pieces.get(drop).optional()) {
        pieces.remove(drop);
        shortened = true;
        text = assemble(pieces, values);
      }
    }
    while (Limits.length(platform, text) > limit && quote != null && quote.length() > QUOTE_FLOOR
        && template.contains("{quote}")) {
      quote = Quotes.shorten(quote, Math.max(QUOTE_FLOOR, quote.length() / 2));
      values.put("quote", quote);
      text = assemble(pieces, values);
      shortened = true;
    }
    if (Limits.length(platform, text) > limit) {
      text = cut(text, platform, limit);
      shortened = true;
    }
    return new Rendered(text, Limits.length(platform, text), limit == Integer.MAX_VALUE ? 0 : limit, shortened);
  }

  private static List<Piece> pieces(String template) {
    List<Piece> pieces = new ArrayList<>();
    int at = 0;
    while (at < template.length()) {
      int open = template.indexOf("[[", at);
      if (open < 0) {
        pieces.add(new Piece(template.substring(at), false));
        break;
      }
      int close = template.indexOf("]]", open + 2);
      if (close < 0) {
        pieces.add(new Piece(template.substring(at), false));
        break;
      }
      pieces.add(new Piece(template.substring(at, open), false));
      pieces.add(new Piece(template.substring(open + 2, close), true));
      at = close + 2;
    }
    return pieces;
  }

  private static String assemble(List<Piece> pieces, Map<String, String> values) {
    StringBuilder out = new StringBuilder();
    for (Piece piece : pieces) {
      Matcher m = VARIABLE.matcher(piece.text());
      StringBuilder part = new StringBuilder();
      while (m.find()) {
        String value = values.get(m.group(1));
        value = value == null ? "" : value.strip();
        if (NAMES.contains(m.group(1)) && RTL.matcher(value).find()) {
          value = "\u2068" + value + "\u2069"; // first-strong isolate: a right-to-left name does not reorder the sentence
        }
        m.appendReplacement(part, Matcher.quoteReplacement(value));
      }
      m.appendTail(part);
      out.append(part);
    }
    return tidy(out.toString());
  }

  /** What an empty variable leaves behind: empty quotes, a leading comma, doubled spaces, a space before a comma. */
  static String tidy(String text) {
    String t = text.replaceAll("\\s*\\(\\s*«\\s*»\\s*\\)", "").replaceAll("\\s*\\(\\s*“\\s*”\\s*\\)", "")
        .replaceAll(":\\s*«\\s*»\\s*\\.", ".").replaceAll(":\\s*“\\s*”\\s*\\.", ".")
        .replaceAll("[ \\t]+([,.])", "$1")
        .replaceAll("(?m)^[ \\t]*,[ \\t]*", "")
        .replaceAll("[ \\t]{2,}", " ")
        .replaceAll("(?m)[ \\t]+$", "")
        .replaceAll("\\n{3,}", "\n\n")
        .strip();
    if (!t.isEmpty() && Character.isLowerCase(t.codePointAt(0))) {
      t = new StringBuilder().appendCodePoint(Character.toUpperCase(t.codePointAt(0)))
          .append(t.substring(Character.charCount(t.codePointAt(0)))).toString();
    }
    return t;
  }

  /** The last resort: cut at a word boundary so that the text and « … » fit. */
  private static String cut(String text, String platform, int limit) {
    int end = text.length();
    while (end > 0 && Limits.length(platform, text.substring(0, end) + "…") > limit) {
      end = text.lastIndexOf(' ', end - 1);
      if (end < 0) {
        end = 0;
      }
    }
    String kept = text.substring(0, end).replaceAll("[\\s,;:]+$", "");
    return kept + "…";
  }
}
