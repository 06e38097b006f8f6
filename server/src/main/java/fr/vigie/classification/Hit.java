package fr.vigie.classification;

/** Something found in a text, in original offsets, before scoring. */
record Hit(String label, double weight, int start, int end, String explanation, boolean strong) {

  boolean overlaps(Hit other) {
    return start < other.end && other.start < end;
  }
}
