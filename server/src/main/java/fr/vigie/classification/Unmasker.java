package fr.vigie.classification;

import fr.vigie.classification.text.Analysis;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Finds the lexicon word a masked one hides: "f**k" → "fuck", "encul*" → "encule", "s**cide" → "suicide". */
final class Unmasker {

  private final List<String> vocabulary;

  Unmasker(Set<String> vocabulary) {
    this.vocabulary = vocabulary.stream().filter(w -> w.length() >= 3)
        .sorted(Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder())).toList();
  }

  /** The shortest vocabulary word the mask fits, or null. A star stands for one letter, a final star for up to four. */
  String unmask(String masked) {
    String folded = Analysis.fold(masked);
    int letters = folded.replace("*", "").length();
    if (letters < 2) {
      return null;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      if (c == '*') {
        regex.append(i == folded.length() - 1 ? "\\p{L}{0,4}" : "\\p{L}");
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    Pattern pattern = Pattern.compile(regex.toString());
    for (String word : vocabulary) {
      if (pattern.matcher(word).matches()) {
        return word;
      }
    }
    return null;
  }
}
