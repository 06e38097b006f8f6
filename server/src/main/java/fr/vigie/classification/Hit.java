package fr.vigie.classification;

/** Something found in a text, in original offsets, before scoring; {@code source} is the lexicon line or rule. */
record Hit(String label, double weight, int start, int end, String explanation, boolean strong, String source) {

  Hit weighted(double newWeight) {
    return new Hit(label, newWeight, start, end, explanation, strong, source);
  }

  boolean overlaps(Hit other) {
    return start < other.end && other.start < end;
  }
}
