package fr.vigie.classification.lexicon;

import fr.vigie.classification.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Entries of one kind, for one language, indexed by what their first word can be, so that each token of a text
 * only tries the few entries that may start there.
 */
public final class PhraseIndex {

  /** An entry found at tokens [start, end). */
  public record Match(Entry entry, int start, int end) {}

  private final String lang;
  private final Map<String, List<Entry>> byWord = new HashMap<>();
  private final Map<String, List<Entry>> byPrefix = new HashMap<>();

  public PhraseIndex(List<Entry> entries, String lang) {
    this.lang = lang;
    for (Entry e : entries) {
      Phrase.Word first = e.phrase(lang).first();
      for (String stem : first.stems()) {
        add(byWord, stem, e);
      }
      for (String prefix : first.prefixes()) {
        add(byPrefix, prefix.substring(0, 3), e);
      }
    }
  }

  private static void add(Map<String, List<Entry>> map, String key, Entry e) {
    List<Entry> list = map.computeIfAbsent(key, k -> new ArrayList<>(2));
    if (!list.contains(e)) {
      list.add(e);
    }
  }

  public List<Match> find(List<Token> tokens) {
    List<Match> out = new ArrayList<>();
    List<Entry> candidates = new ArrayList<>();
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      candidates.clear();
      addAll(candidates, byWord.get(t.stem()));
      addAll(candidates, byWord.get(t.surface()));
      if (t.surface().length() >= 3) {
        addAll(candidates, byPrefix.get(t.surface().substring(0, 3)));
      }
      for (Entry e : candidates) {
        int end = e.phrase(lang).matchAt(tokens, i);
        if (end > i) {
          out.add(new Match(e, i, end));
        }
      }
    }
    return out;
  }

  private static void addAll(List<Entry> into, List<Entry> from) {
    if (from != null) {
      for (Entry e : from) {
        if (!into.contains(e)) {
          into.add(e);
        }
      }
    }
  }
}
