package fr.vigie.classification.lexicon;

import java.util.regex.Pattern;

/**
 * A regular-expression detector from personal_data.patterns: phone numbers, e-mails, IBANs… {@code validator}
 * names a check the match must also pass (luhn, iban, nir, none); {@code unlessBefore} is a pattern that, found just
 * before the match, means it is not personal data (an order number, a tracking number).
 */
public record DataPattern(String name, String label, double weight, Pattern regex, String validator,
    Pattern unlessBefore, Requirement requires, String explanationFr, String explanationEn) {

  /**
   * A cheap test a text must pass before the regular expression runs on it: most posts have no phone number, and
   * skipping the scan keeps the engine fast. From "requires = digits:7" (digits in all), "run:3" (consecutive digits), "char:@" or "any:rue|avenue" (whole words).
   */
  public record Requirement(int digits, int run, char character, java.util.List<String> anyOf) {
    public static final Requirement NONE = new Requirement(0, 0, (char) 0, java.util.List.of());

    /** @param longestRun the longest run of consecutive digits in the text */
    public boolean metBy(String lowerText, int digitCount, int longestRun) {
      if (digitCount < digits || longestRun < run || (character != 0 && lowerText.indexOf(character) < 0)) {
        return false;
      }
      if (anyOf.isEmpty()) {
        return true;
      }
      for (String word : anyOf) {
        if (containsWord(lowerText, word)) {
          return true;
        }
      }
      return false;
    }

    /** The word occurs as a whole word ("st" in "12 st james", not in "c'est"). */
    private static boolean containsWord(String text, String word) {
      for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
        boolean startsWord = at == 0 || !Character.isLetter(text.charAt(at - 1));
        int end = at + word.length();
        boolean endsWord = end == text.length() || !Character.isLetter(text.charAt(end));
        if (startsWord && endsWord) {
          return true;
        }
      }
      return false;
    }
  }

  public String explanation(String lang) {
    return lang.equals("en") ? explanationEn : explanationFr;
  }
}
