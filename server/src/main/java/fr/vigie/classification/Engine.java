package fr.vigie.classification;

import fr.vigie.classification.detect.PersonalDataDetector;
import fr.vigie.classification.lexicon.Lexicon;
import fr.vigie.classification.lexicon.LexiconLoader;
import fr.vigie.classification.lexicon.PhraseIndex;
import fr.vigie.classification.text.Analysis;
import fr.vigie.classification.text.Cleaner;
import fr.vigie.classification.text.Deobfuscator;
import fr.vigie.classification.text.MappedText;
import fr.vigie.classification.text.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The detection engine: cleans and de-obfuscates the text, analyzes it with Lucene, finds lexicon entries,
 * personal data and questions, sets aside what idioms, negation and context explain, and scores each label.
 * Pure logic; the lexicon can be swapped while it runs ({@link #replace}).
 */
public final class Engine implements Classifier {

  private final Taxonomy taxonomy;
  private final Analysis analysis;
  private final AtomicReference<Compiled> compiled = new AtomicReference<>();

  private record Compiled(Lexicon lexicon, Map<String, PhraseIndex> labels, Map<String, PhraseIndex> neutral,
      Map<String, PhraseIndex> contexts, Deobfuscator deobfuscator, PersonalDataDetector detector,
      Set<String> negations) {}

  public Engine(Taxonomy taxonomy, Analysis analysis, Lexicon lexicon) {
    this.taxonomy = taxonomy;
    this.analysis = analysis;
    replace(lexicon);
  }

  /** Swaps in a new lexicon; classifications under way finish with the old one. */
  public void replace(Lexicon lexicon) {
    Map<String, PhraseIndex> labels = new HashMap<>();
    Map<String, PhraseIndex> neutral = new HashMap<>();
    Map<String, PhraseIndex> contexts = new HashMap<>();
    Set<String> negations = new HashSet<>();
    for (String lang : LexiconLoader.LANGUAGES) {
      labels.put(lang, new PhraseIndex(lexicon.entries(), lang));
      neutral.put(lang, new PhraseIndex(lexicon.neutral(), lang));
      contexts.put(lang, new PhraseIndex(lexicon.contexts(), lang));
      negations.addAll(lexicon.negations().get(lang));
    }
    compiled.set(new Compiled(lexicon, labels, neutral, contexts,
        new Deobfuscator(lexicon.sms(), new Unmasker(lexicon.vocabulary())::unmask),
        new PersonalDataDetector(lexicon.patterns(), lexicon.allowlist()), Set.copyOf(negations)));
  }

  @Override
  public Classification classify(ClassifyRequest.Item item) {
    String original = item.text() == null ? "" : item.text();
    Compiled c = compiled.get();
    MappedText clean = Cleaner.clean(original);
    MappedText lexical = clean.compose(c.deobfuscator().rewrite(clean.text()));
    List<Token> surfaces = analysis.tokens(lexical.text(), null);
    String language = language(item.lang(), surfaces, c.lexicon());
    String say = language.equals("en") ? "en" : "fr";
    Lexicon.Settings settings = c.lexicon().settings();

    Set<Hit> found = new LinkedHashSet<>();
    Set<Hit> neutral = new LinkedHashSet<>();
    Set<Hit> contexts = new LinkedHashSet<>();
    Set<Classification.Neutralized> notes = new LinkedHashSet<>();
    for (String run : language.equals("mixed") ? LexiconLoader.LANGUAGES : List.of(language)) {
      List<Token> tokens = Analysis.stemmed(surfaces, run);
      for (PhraseIndex.Match m : c.labels().get(run).find(tokens)) {
        Hit hit = hit(m, tokens, lexical, say, m.entry().weight());
        int negation = m.entry().noneg() ? -1 : negationBefore(tokens, m.start(), settings.negationWindow(), c.negations());
        if (negation >= 0) {
          Hit negated = hit(new PhraseIndex.Match(m.entry(), negation, m.end()), tokens, lexical, say, 0);
          notes.add(note(hit.label(), negated, original,
              (say.equals("en") ? settings.negationEn() : settings.negationFr())));
          hit = new Hit(hit.label(), hit.weight() * settings.negationFactor(), hit.start(), hit.end(),
              hit.explanation(), hit.strong());
        }
        found.add(hit);
      }
      for (PhraseIndex.Match m : c.neutral().get(run).find(tokens)) {
        neutral.add(hit(m, tokens, lexical, say, 1));
      }
      for (PhraseIndex.Match m : c.contexts().get(run).find(tokens)) {
        contexts.add(hit(m, tokens, lexical, say, 1));
      }
    }
    for (PersonalDataDetector.Found f : c.detector().find(clean.text())) {
      found.add(new Hit(f.pattern().label(), f.pattern().weight(), clean.originalStart(f.start()),
          clean.originalEnd(f.end()), f.pattern().explanation(say), true));
    }
    found.addAll(Questions.find(clean, settings.questionWeight(),
        say.equals("en") ? settings.questionEn() : settings.questionFr()));
    return new Scoring(taxonomy, settings, original).score(item.id(), language, found, neutral, contexts, notes);
  }

  private static Hit hit(PhraseIndex.Match m, List<Token> tokens, MappedText lexical, String say, double weight) {
    int start = lexical.originalStart(tokens.get(m.start()).start());
    int end = lexical.originalEnd(tokens.get(m.end() - 1).end());
    return new Hit(m.entry().label(), weight, start, end, m.entry().explanation(say), m.entry().strong());
  }

  private static Classification.Neutralized note(String label, Hit span, String original, String why) {
    return new Classification.Neutralized(label, span.start(), span.end(), original.substring(span.start(), span.end()), why);
  }

  private static int negationBefore(List<Token> tokens, int start, int window, Set<String> negations) {
    for (int j = start - 1; j >= Math.max(0, start - window); j--) {
      if (negations.contains(tokens.get(j).surface())) {
        return j;
      }
    }
    return -1;
  }

  /** The given language when it is French or English, else a guess from frequent words; "mixed" when both are. */
  static String language(String given, List<Token> tokens, Lexicon lexicon) {
    if (given != null && given.length() >= 2) {
      String code = given.substring(0, 2).toLowerCase(Locale.ROOT);
      if (code.equals("fr") || code.equals("en")) {
        return code;
      }
    }
    int fr = 0;
    int en = 0;
    for (Token t : tokens) {
      fr += lexicon.stopwords().get("fr").contains(t.surface()) ? 1 : 0;
      en += lexicon.stopwords().get("en").contains(t.surface()) ? 1 : 0;
    }
    if (fr >= 2 && en >= 2 && Math.min(fr, en) * 3 >= Math.max(fr, en)) {
      return "mixed";
    }
    return en > fr ? "en" : (fr == 0 && en == 0 && !tokens.isEmpty() ? "mixed" : "fr");
  }
}
