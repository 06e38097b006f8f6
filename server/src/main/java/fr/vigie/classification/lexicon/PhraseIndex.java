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

  private static final Entry[] NONE = new Entry[0];
  private final Entry[][] byWord;
  private final Entry[][] byPrefix;

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
    List<List<Entry>> words = lists(vocabulary.wordCount());
    List<List<Entry>> prefixes = lists(vocabulary.prefixCount());
    for (Entry e : entries) {
      Phrase.Word anchor = e.phrase().anchor(commonIds, vocabulary);
      for (int w : anchor.words()) {
        addOnce(words.get(w), e);
      }
      for (int p : anchor.prefixes()) {
        addOnce(prefixes.get(p), e);
      }
    }
    this.byWord = arrays(words);
    this.byPrefix = arrays(prefixes);
  }

  public List<Match> find(Vocabulary.Codes codes) {
    List<Entry> candidates = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      collect(lookup(byWord, codes.stems()[i]), candidates);
      if (codes.surfaces()[i] != codes.stems()[i]) {
        collect(lookup(byWord, codes.surfaces()[i]), candidates);
      }
      for (int p : codes.prefixes()[i]) {
        collect(byPrefix[p], candidates);
      }
    }
    List<Match> out = new ArrayList<>();
    for (Entry e : candidates) {
      Phrase phrase = e.phrase();
      for (int i = 0; i < codes.size(); i++) {
        if (phrase.first().accepts(codes, i)) {
          int end = phrase.matchAt(codes, i);
          if (end > i) {
            out.add(new Match(e, i, end));
          }
        }
      }
    }
    return out;
  }

  private static void collect(Entry[] found, List<Entry> into) {
    for (Entry e : found) {
      if (!containsSame(into, e)) {
        into.add(e);
      }
    }
  }

  private static Entry[] lookup(Entry[][] table, int id) {
    return id < 0 || id >= table.length ? NONE : table[id];
  }

  private static boolean containsSame(List<Entry> list, Entry e) {
    for (int i = 0; i < list.size(); i++) {
      if (list.get(i) == e) {
        return true;
      }
    }
    return false;
  }

  private static void addOnce(List<Entry> list, Entry e) {
    if (!containsSame(list, e)) {
      list.add(e);
    }
  }

  private static List<List<Entry>> lists(int n) {
    List<List<Entry>> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>(1));
    }
    return out;
  }

  private static Entry[][] arrays(List<List<Entry>> lists) {
    Entry[][] out = new Entry[lists.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = lists.get(i).isEmpty() ? NONE : lists.get(i).toArray(NONE);
    }
    return out;
  }
}
