package fr.vigie.classification.lexicon;

import java.util.ArrayList;
import java.util.List;

/**
 * Entries of one kind, for one language, indexed by the number of their first word, so that each token of a text
 * only tries the few entries that may start there.
 */
public final class PhraseIndex {

  /** An entry found at tokens [start, end). */
  public record Match(Entry entry, int start, int end) {}

  /** An entry with the step it is indexed by. */
  private record Anchored(Entry entry, int step) {}

  private static final Anchored[] NONE = new Anchored[0];
  private final Anchored[][] byWord;
  private final Anchored[][] byPrefix;

  /**
   * @param entries entries of one language, matched against a text stemmed in that language
   * @param common frequent words (stop words, negations): never chosen as an entry's anchor when avoidable
   */
  public PhraseIndex(List<Entry> entries, Vocabulary vocabulary, java.util.Set<String> common) {
    java.util.Set<Integer> commonIds = new java.util.HashSet<>();
    for (String word : common) {
      int id = vocabulary.idOf(word);
      if (id >= 0) {
        commonIds.add(id);
      }
    }
    List<List<Anchored>> words = lists(vocabulary.wordCount());
    List<List<Anchored>> prefixes = lists(vocabulary.prefixCount());
    for (Entry e : entries) {
      int step = e.phrase().anchor(commonIds, vocabulary);
      Anchored anchored = new Anchored(e, step);
      Phrase.Word anchor = (Phrase.Word) e.phrase().steps().get(step);
      for (int w : anchor.words()) {
        words.get(w).add(anchored);
      }
      for (int w : anchor.exactWords()) {
        words.get(w).add(anchored);
      }
      for (int p : anchor.prefixes()) {
        prefixes.get(p).add(anchored);
      }
    }
    this.byWord = arrays(words);
    this.byPrefix = arrays(prefixes);
  }

  public List<Match> find(Vocabulary.Codes codes) {
    List<Match> out = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      tryAll(codes, i, lookup(byWord, codes.stems()[i]), out);
      if (codes.surfaces()[i] != codes.stems()[i]) {
        tryAll(codes, i, lookup(byWord, codes.surfaces()[i]), out);
      }
      for (int p : codes.prefixes()[i]) {
        tryAll(codes, i, byPrefix[p], out);
      }
    }
    return out;
  }

  private static void tryAll(Vocabulary.Codes codes, int at, Anchored[] candidates, List<Match> out) {
    for (Anchored a : candidates) {
      Phrase phrase = a.entry().phrase();
      if (!((Phrase.Word) phrase.steps().get(a.step())).accepts(codes, at)) {
        continue; // indexed by stem, but an exact-form step may still refuse this token
      }
      int[] span = phrase.matchAround(codes, at, a.step());
      if (span != null && !contains(out, a.entry(), span)) {
        out.add(new Match(a.entry(), span[0], span[1]));
      }
    }
  }

  private static boolean contains(List<Match> found, Entry e, int[] span) {
    for (Match m : found) {
      if (m.entry() == e && m.start() == span[0] && m.end() == span[1]) {
        return true;
      }
    }
    return false;
  }

  private static Anchored[] lookup(Anchored[][] table, int id) {
    return id < 0 || id >= table.length ? NONE : table[id];
  }

  private static List<List<Anchored>> lists(int n) {
    List<List<Anchored>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>(1));
    }
    return out;
  }

  private static Anchored[][] arrays(List<List<Anchored>> lists) {
    Anchored[][] out = new Anchored[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).toArray(NONE);
    }
    return out;
  }
}
