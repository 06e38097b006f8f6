package fr.vigie.classification;

import java.util.regex.Pattern;

/**
 * One pattern that points to a label, with what to tell the CM when it matches. {@code lang} is "fr", "en" or "*"
 * when the pattern holds in both languages.
 */
public record Rule(String label, String lang, Pattern pattern, double score, String explanationFr, String explanationEn) {

  public Rule {
    if (score <= 0 || score > 1) {
      throw new IllegalArgumentException("score hors de ]0, 1] pour " + pattern);
    }
  }

  public static Rule of(String label, String lang, String regex, double score, String fr, String en) {
    return new Rule(label, lang,
        Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS),
        score, fr, en);
  }

  public String explanation(String textLang) {
    return textLang.equals("en") ? explanationEn : explanationFr;
  }
}
