package fr.vigie.classification.lexicon;

/** A lexicon file that cannot be understood, with the file and line to fix. */
public final class LexiconException extends RuntimeException {

  public LexiconException(String where, String problem) {
    super(where + " : " + problem);
  }
}
