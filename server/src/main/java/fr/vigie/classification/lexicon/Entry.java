package fr.vigie.classification.lexicon;

/**
 * One lexicon line. {@code label} is a taxonomy label, or for neutral lines the label they cancel ("*" for all),
 * or for context lines the kind of context. {@code strong} entries are not weakened by context (prevention posts,
 * news, titles); {@code noneg} entries are not weakened by a negation before them.
 */
public record Entry(
    String label,
    double weight,
    boolean strong,
    boolean noneg,
    String explanationFr,
    String explanationEn,
    String source,
    Phrase french,
    Phrase english) {

  public Phrase phrase(String lang) {
    return lang.equals("en") ? english : french;
  }

  public String explanation(String lang) {
    return lang.equals("en") ? explanationEn : explanationFr;
  }
}
