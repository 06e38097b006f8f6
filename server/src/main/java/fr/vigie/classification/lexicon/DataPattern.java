package fr.vigie.classification.lexicon;

import java.util.regex.Pattern;

/**
 * A regular-expression detector from personal_data.patterns: phone numbers, e-mails, IBANs… {@code validator}
 * names a check the match must also pass (luhn, iban, nir, none); {@code unlessBefore} is a pattern that, found just
 * before the match, means it is not personal data (an order number, a tracking number).
 */
public record DataPattern(String name, String label, double weight, Pattern regex, String validator,
    Pattern unlessBefore, String explanationFr, String explanationEn) {

  public String explanation(String lang) {
    return lang.equals("en") ? explanationEn : explanationFr;
  }
}
