package fr.vigie.classification.model;

import fr.vigie.classification.text.Analysis;
import java.util.ArrayList;
import java.util.List;

/**
 * What the learned model reads of a text: each analyzed word stemmed in the text's language ({@code w=stem}) and
 * each pair of neighbouring words ({@code b=stem stem}); numbers are one word ({@code <n>}). The words are the
 * engine's, after cleaning, de-obfuscation and SMS expansion, so "jsuis" and "je suis" read the same.
 */
public final class Features {

  static final String WORD = "w=";
  static final String PAIR = "b=";

  private Features() {}

  /** A feature and the words it comes from: {@code length} words from index {@code token}. */
  public record Feature(String name, int token, int length) {}

  /**
   * The stems the model reads, one per analyzed word.
   * @param surfaces the analyzed words, folded (Token.surface)
   * @param language "en" stems in English, anything else in French
   */
  public static List<String> stems(List<String> surfaces, String language) {
    String lang = "en".equals(language) ? "en" : "fr";
    List<String> stems = new ArrayList<>(surfaces.size());
    for (String s : surfaces) {
      stems.add(isNumber(s) ? "<n>" : Analysis.stem(s, lang));
    }
    return stems;
  }

  /** The named features of those stems (training, and the model file's names). */
  public static List<Feature> of(List<String> stems) {
    List<Feature> out = new ArrayList<>(stems.size() * 2);
    for (int i = 0; i < stems.size(); i++) {
      out.add(new Feature(WORD + stems.get(i), i, 1));
      if (i + 1 < stems.size()) {
        out.add(new Feature(PAIR + stems.get(i) + " " + stems.get(i + 1), i, 2));
      }
    }
    return out;
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
