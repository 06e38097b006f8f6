package fr.vigie.classification.detect;

import fr.vigie.classification.lexicon.DataPattern;
import fr.vigie.classification.lexicon.LexiconLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/** Runs the personal-data patterns over cleaned text, with their validators, exclusions and the brand's allowlist. */
public final class PersonalDataDetector {

  /** A detector's match on the cleaned text, [start, end). */
  public record Found(DataPattern pattern, int start, int end) {}

  private static final int LOOK_BEHIND = 40;
  private final List<DataPattern> patterns;
  private final Set<String> allowlist;

  public PersonalDataDetector(List<DataPattern> patterns, Set<String> allowlist) {
    this.patterns = patterns;
    this.allowlist = allowlist;
  }

  public List<Found> find(String text) {
    List<Found> out = new ArrayList<>();
    String lower = null;
    int digits = 0;
    int run = 0;
    int longestRun = 0;
    for (int i = 0; i < text.length(); i++) {
      if (Character.isDigit(text.charAt(i))) {
        digits++;
        longestRun = Math.max(longestRun, ++run);
      } else {
        run = 0;
      }
    }
    for (DataPattern p : patterns) {
      if (digits < p.requires().digits() || longestRun < p.requires().run()) {
        continue;
      }
      if (lower == null) {
        lower = text.toLowerCase(java.util.Locale.ROOT);
      }
      if (!p.requires().metBy(lower, digits, longestRun)) {
        continue;
      }
      Matcher m = p.regex().matcher(text);
      while (m.find()) {
        if (m.end() > m.start() && keep(p, text, m.start(), m.end())) {
          out.add(new Found(p, m.start(), m.end()));
        }
      }
    }
    return out;
  }

  private boolean keep(DataPattern p, String text, int start, int end) {
    String match = text.substring(start, end);
    if (allowlist.contains(LexiconLoader.allowKey(match)) || !Validators.check(p.validator(), match)) {
      return false;
    }
    if (p.unlessBefore() != null) {
      String before = text.substring(Math.max(0, start - LOOK_BEHIND), start);
      return !p.unlessBefore().matcher(before).find();
    }
    return true;
  }
}
