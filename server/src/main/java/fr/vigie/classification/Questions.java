package fr.vigie.classification;

import fr.vigie.classification.text.MappedText;
import java.util.ArrayList;
import java.util.List;

/** Sentences that end with a question mark: a question unless a rhetorical expression (neutral.txt) says otherwise. */
final class Questions {

  private Questions() {}

  static List<Hit> find(MappedText clean, double weight, String explanation) {
    String s = clean.text();
    List<Hit> out = new ArrayList<>();
    int sentence = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '?') {
        int start = sentence;
        while (start < i && !Character.isLetterOrDigit(s.charAt(start))) {
          start++;
        }
        if (letters(s, start, i) >= 2) {
          out.add(new Hit("question", weight, clean.originalStart(start), clean.originalEnd(i + 1), explanation, false, "question mark"));
        }
        while (i + 1 < s.length() && (s.charAt(i + 1) == '?' || s.charAt(i + 1) == '!')) {
          i++;
        }
        sentence = i + 1;
      } else if (c == '.' || c == '!' || c == '\n') {
        sentence = i + 1;
      }
    }
    return out;
  }

  private static int letters(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      n += Character.isLetter(s.charAt(i)) ? 1 : 0;
    }
    return n;
  }
}
