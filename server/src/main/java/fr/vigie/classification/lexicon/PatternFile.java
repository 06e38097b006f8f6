package fr.vigie.classification.lexicon;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Parses personal_data.patterns: blocks "[name]" followed by "key = value" lines (label, weight, regex, validate,
 * unless_before, fr, en). Regular expressions are Java's, matched case-insensitively on the cleaned text.
 */
final class PatternFile {

  private static final Set<String> VALIDATORS = Set.of("none", "luhn", "iban", "nir", "phone");

  private PatternFile() {}

  static List<DataPattern> parse(String text, Set<String> labels) {
    List<DataPattern> out = new ArrayList<>();
    String name = null;
    int start = 0;
    Map<String, String> fields = new LinkedHashMap<>();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i].strip() : "[]";
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (line.startsWith("[") && line.endsWith("]")) {
        if (name != null) {
          out.add(build(name, "personal_data.patterns:" + start, fields, labels));
        }
        name = line.substring(1, line.length() - 1);
        start = i + 1;
        fields = new LinkedHashMap<>();
        continue;
      }
      int eq = line.indexOf('=');
      if (name == null || eq <= 0) {
        throw new LexiconException("personal_data.patterns:" + (i + 1), "attendu « [nom] » puis « clé = valeur »");
      }
      fields.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
    }
    return List.copyOf(out);
  }

  /** "digits:7 char:@ any:rue|avenue", parts in any order, all optional. */
  private static DataPattern.Requirement requirement(String spec, String name, String where) {
    int digits = 0;
    int run = 0;
    char character = 0;
    List<String> any = List.of();
    for (String part : spec.isBlank() ? new String[0] : spec.trim().split("\\s+")) {
      if (part.startsWith("digits:")) {
        digits = Integer.parseInt(part.substring(7));
      } else if (part.startsWith("run:")) {
        run = Integer.parseInt(part.substring(4));
      } else if (part.startsWith("char:") && part.length() == 6) {
        character = part.charAt(5);
      } else if (part.startsWith("any:")) {
        any = List.of(part.substring(4).toLowerCase(java.util.Locale.ROOT).split("\\|"));
      } else {
        throw new LexiconException(where, "[" + name + "] : requires attend digits:N, run:N, char:X ou any:a|b, pas « " + part + " »");
      }
    }
    return new DataPattern.Requirement(digits, run, character, any);
  }

  private static DataPattern build(String name, String where, Map<String, String> f, Set<String> labels) {
    for (String key : List.of("label", "weight", "regex", "fr", "en")) {
      if (!f.containsKey(key)) {
        throw new LexiconException(where, "[" + name + "] : « " + key + " = … » manque");
      }
    }
    if (!labels.contains(f.get("label"))) {
      throw new LexiconException(where, "[" + name + "] : étiquette inconnue " + f.get("label"));
    }
    String validator = f.getOrDefault("validate", "none");
    if (!VALIDATORS.contains(validator)) {
      throw new LexiconException(where, "[" + name + "] : validate doit être l'un de " + VALIDATORS);
    }
    try {
      // Unicode case folding is slow; only patterns that spell non-ASCII letters (allée, résidence) need it.
      int flags = Pattern.CASE_INSENSITIVE | (f.get("regex").chars().anyMatch(c -> c > 127) ? Pattern.UNICODE_CASE : 0);
      return new DataPattern(name, f.get("label"), Double.parseDouble(f.get("weight")), Pattern.compile(f.get("regex"), flags),
          validator, f.containsKey("unless_before") ? Pattern.compile(f.get("unless_before"), flags) : null,
          requirement(f.getOrDefault("requires", ""), name, where), f.get("fr"), f.get("en"));
    } catch (PatternSyntaxException | NumberFormatException e) {
      throw new LexiconException(where, "[" + name + "] : " + e.getMessage());
    }
  }
}
