package fr.vigie.classification.lexicon;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything the engine knows about language, compiled from data files: entries per label, expressions that
 * cancel a label (idioms, hyperbole, titles), contexts that weaken distress and threat (prevention, news),
 * negation words, stop words for guessing the language, SMS spellings, words a mask may hide, tuning values.
 */
public record Lexicon(
    List<Entry> entries,
    List<Entry> neutral,
    List<Entry> contexts,
    Map<String, Set<String>> negations,
    Map<String, Set<String>> stopwords,
    Map<String, String> sms,
    Vocabulary vocabulary,
    Settings settings,
    List<DataPattern> patterns,
    Set<String> allowlist) {

  /** Tuning values from engine.properties. */
  public record Settings(double threshold, int negationWindow, double negationFactor, double contextFactor,
      double questionWeight, String questionFr, String questionEn, String negationFr, String negationEn,
      Map<String, Set<String>> subsumes) {}
}
