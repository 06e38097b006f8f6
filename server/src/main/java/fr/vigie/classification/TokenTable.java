package fr.vigie.classification;

import fr.vigie.classification.lexicon.Vocabulary;
import fr.vigie.classification.text.Analysis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each distinct word of social text means to the lexicon, computed once: its normalized form, its French and
 * English stems as lexicon ids, the prefixes it starts with; and an SMS spelling's expansion ("jvé" → je, vais).
 * Bounded: a flood of never-seen words resets it.
 */
final class TokenTable {

  /** One analyzed word; ids are -1 when the lexicon does not use the form. */
  record Word(String surface, int frStem, int enStem, int surfaceId, int[] prefixes) {}

  private static final int MAX_SIZE = 200_000;
  private final Analysis analysis;
  private final Vocabulary vocabulary;
  private final Map<String, String> sms;
  private final Map<String, Word[]> table = new ConcurrentHashMap<>();

  TokenTable(Analysis analysis, Vocabulary vocabulary, Map<String, String> sms) {
    this.analysis = analysis;
    this.vocabulary = vocabulary;
    this.sms = sms;
  }

  Word[] lookup(String raw) {
    Word[] words = table.get(raw);
    if (words == null) {
      if (table.size() > MAX_SIZE) {
        table.clear();
      }
      words = analyze(raw);
      table.put(raw, words);
    }
    return words;
  }

  private Word[] analyze(String raw) {
    String expansion = sms.get(Analysis.fold(raw));
    if (expansion == null) {
      return new Word[] {word(analysis.normalize(raw))};
    }
    List<Analysis.Raw> parts = analysis.segment(expansion);
    Word[] out = new Word[parts.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = word(analysis.normalize(parts.get(i).term()));
    }
    return out;
  }

  private Word word(String surface) {
    String fr = Analysis.stem(surface, "fr");
    String en = Analysis.stem(surface, "en");
    int surfaceId = vocabulary.idOf(surface);
    return new Word(surface, fr.equals(surface) ? surfaceId : vocabulary.idOf(fr),
        en.equals(surface) ? surfaceId : vocabulary.idOf(en), surfaceId, vocabulary.prefixesOf(surface));
  }
}
