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
    String lang,
    Phrase phrase) {

  /** Each line is its own entry: identity, not the deep comparison of compiled phrases a record would do. */
  @Override
  public boolean equals(Object other) {
    return this == other;
  }

  @Override
  public int hashCode() {
    return System.identityHashCode(this);
  }


  public String explanation(String lang) {
    return lang.equals("en") ? explanationEn : explanationFr;
  }
}
