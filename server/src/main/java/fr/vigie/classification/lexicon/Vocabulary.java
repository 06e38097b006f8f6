package fr.vigie.classification.lexicon;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every word and prefix the lexicon uses, numbered once at load; a text's tokens are numbered once too, so that
 * matching compares small integers instead of hashing strings again and again.
 */
public final class Vocabulary {

  /** Tokens of one text as numbers: -1 where a word is not in the lexicon; the prefixes each token starts with. */
  public record Codes(int[] stems, int[] surfaces, int[][] prefixes) {
    public int size() {
      return stems.length;
    }
  }

  private static final int[] NO_PREFIXES = new int[0];
  private final Map<String, Integer> words = new HashMap<>();
  private final Map<String, Integer> prefixes = new HashMap<>();
  private final java.util.Set<String> prefixStarts = new java.util.HashSet<>();
  private int longestPrefix;

  /** The id of a word the lexicon uses, or -1. */
  public int idOf(String w) {
    return words.getOrDefault(w, -1);
  }

  int word(String w) {
    return words.computeIfAbsent(w, k -> words.size());
  }

  int prefix(String p) {
    longestPrefix = Math.max(longestPrefix, p.length());
    prefixStarts.add(p.substring(0, 3));
    return prefixes.computeIfAbsent(p, k -> prefixes.size());
  }

  /** Length of the shortest choice of a step: longer words are rarer. */
  int shortest(Phrase.Word w) {
    if (lengths == null) {
      lengths = new int[words.size()];
      words.forEach((word, id) -> lengths[id] = word.length());
      prefixLengths = new int[prefixes.size()];
      prefixes.forEach((p, id) -> prefixLengths[id] = p.length());
    }
    int min = Integer.MAX_VALUE;
    for (int id : w.words()) {
      min = Math.min(min, lengths[id]);
    }
    for (int id : w.exactWords()) {
      min = Math.min(min, lengths[id]);
    }
    for (int id : w.prefixes()) {
      min = Math.min(min, prefixLengths[id]);
    }
    return min == Integer.MAX_VALUE ? 0 : min;
  }

  private int[] lengths;
  private int[] prefixLengths;

  public int wordCount() {
    return words.size();
  }

  public int prefixCount() {
    return prefixes.size();
  }

  /** The surface words of the lexicon (for unmasking "f**k"). */
  public Set<String> words() {
    return words.keySet();
  }

  /** Ids of the lexicon prefixes the word starts with. */
  public int[] prefixesOf(String surface) {
    if (surface.length() < 3 || !prefixStarts.contains(surface.substring(0, 3))) {
      return NO_PREFIXES;
    }
    int max = Math.min(surface.length(), longestPrefix);
    int[] found = null;
    int count = 0;
    for (int length = 3; length <= max; length++) {
      Integer id = prefixes.get(surface.substring(0, length));
      if (id != null) {
        if (found == null) {
          found = new int[max - 2];
        }
        found[count++] = id;
      }
    }
    return found == null ? NO_PREFIXES : java.util.Arrays.copyOf(found, count);
  }
}
