package fr.vigie.classification;

import fr.vigie.classification.detect.PersonalDataDetector;
import fr.vigie.classification.lexicon.Entry;
import fr.vigie.classification.lexicon.Lexicon;
import fr.vigie.classification.lexicon.LexiconLoader;
import fr.vigie.classification.lexicon.PhraseIndex;
import fr.vigie.classification.lexicon.Vocabulary;
import fr.vigie.classification.model.Features;
import fr.vigie.classification.model.LearnedModel;
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
 * personal data and questions, asks the learned model (lexicons/model.tsv) what the lexicons have no line for, sets
 * aside what idioms, negation and context explain, and scores each label.
 * The language found (or given) only chooses the language of the explanations. Pure logic; the lexicon can be swapped while it runs ({@link #replace}).
 */
public final class Engine implements Classifier {

  private final Taxonomy taxonomy;
  private final Analysis analysis;
  private final LearnedModel model;
  private final AtomicReference<Compiled> compiled = new AtomicReference<>();

  private record Compiled(Lexicon lexicon, Map<String, PhraseIndex> labels, Map<String, PhraseIndex> neutral,
      Map<String, PhraseIndex> contexts, Deobfuscator deobfuscator, PersonalDataDetector detector, TokenTable words) {}

  public Engine(Taxonomy taxonomy, Analysis analysis, Lexicon lexicon, LearnedModel model) {
    this.taxonomy = taxonomy;
    this.analysis = analysis;
    this.model = model;
    replace(lexicon);
  }

  /** Swaps in a new lexicon; classifications under way finish with the old one. */
  public void replace(Lexicon lexicon) {
    Map<String, PhraseIndex> labels = new HashMap<>();
    Map<String, PhraseIndex> neutral = new HashMap<>();
    Map<String, PhraseIndex> contexts = new HashMap<>();
    Set<String> common = new HashSet<>();
    for (String lang : LexiconLoader.LANGUAGES) {
      common.addAll(lexicon.negations().get(lang));
      common.addAll(lexicon.stopwords().get(lang));
    }
    for (String lang : LexiconLoader.LANGUAGES) {
      labels.put(lang, new PhraseIndex(ofLanguage(lexicon.entries(), lang), lexicon.vocabulary(), common));
      neutral.put(lang, new PhraseIndex(ofLanguage(lexicon.neutral(), lang), lexicon.vocabulary(), common));
      contexts.put(lang, new PhraseIndex(ofLanguage(lexicon.contexts(), lang), lexicon.vocabulary(), common));
    }
    compiled.set(new Compiled(lexicon, labels, neutral, contexts,
        new Deobfuscator(lexicon.sms().keySet(), new Unmasker(lexicon.vocabulary().words())::unmask),
        new PersonalDataDetector(lexicon.patterns(), lexicon.allowlist()),
        new TokenTable(analysis, lexicon.vocabulary(), lexicon.sms())));
  }

  private static List<Entry> ofLanguage(List<Entry> entries, String lang) {
    return entries.stream().filter(e -> e.lang().equals(lang)).toList();
  }

  @Override
  public Classification classify(ClassifyRequest.Item item) {
    String original = item.text() == null ? "" : item.text();
    Compiled c = compiled.get();
    Read read = read(original, c);
    MappedText clean = read.clean();
    MappedText lexical = read.lexical();
    Text text = read.text();
    String language = language(item.lang(), text.tokens(), c.lexicon());
    String say = language.equals("en") ? "en" : "fr";
    Lexicon.Settings settings = c.lexicon().settings();

    Set<Hit> found = new LinkedHashSet<>();
    Set<Hit> neutral = new LinkedHashSet<>();
    Set<Hit> contexts = new LinkedHashSet<>();
    Set<Classification.Neutralized> notes = new LinkedHashSet<>();
    // Each language's entries meet the text stemmed in that language: "unaliving" finds "unalive" in any text.
    for (String lang : LexiconLoader.LANGUAGES) {
      List<Token> tokens = text.tokens();
      Vocabulary.Codes codes = lang.equals("en") ? text.english() : text.french();
      Set<String> negations = c.lexicon().negations().get(lang);
      for (PhraseIndex.Match m : c.labels().get(lang).find(codes)) {
        Hit hit = hit(m, tokens, lexical, say, m.entry().weight());
        int negation = m.entry().noneg() ? -1 : negationBefore(tokens, lexical.text(), m.start(), settings.negationWindow(), negations);
        if (negation >= 0) {
          Hit negated = hit(new PhraseIndex.Match(m.entry(), negation, m.end()), tokens, lexical, say, 0);
          notes.add(note(hit.label(), negated, original,
              (say.equals("en") ? settings.negationEn() : settings.negationFr())));
          hit = hit.weighted(hit.weight() * settings.negationFactor());
        }
        found.add(hit);
      }
      for (PhraseIndex.Match m : c.neutral().get(lang).find(codes)) {
        neutral.add(hit(m, tokens, lexical, say, 1));
      }
      for (PhraseIndex.Match m : c.contexts().get(lang).find(codes)) {
        contexts.add(hit(m, tokens, lexical, say, 1));
      }
    }
    for (PersonalDataDetector.Found f : c.detector().find(clean.text())) {
      found.add(new Hit(f.pattern().label(), f.pattern().weight(), clean.originalStart(f.start()),
          clean.originalEnd(f.end()), f.pattern().explanation(say), true, "personal_data.patterns[" + f.pattern().name() + "]"));
    }
    found.addAll(Questions.find(clean, settings.questionWeight(),
        say.equals("en") ? settings.questionEn() : settings.questionFr()));
    if (!model.isEmpty()) {
      for (LearnedModel.Verdict v : model.judge(Features.stems(surfaces(text.tokens()), language))) {
        if (v.given() && !v.pushes().isEmpty()) {
          found.add(modelHit(v, text.tokens(), lexical, original, say));
        }
      }
    }
    return new Scoring(taxonomy, settings, original).score(item.id(), language, found, neutral, contexts, notes);
  }

  /**
   * The learned model's features of a text, as the engine reads it (for training: see ModelTrainingTest).
   * @param lang the language given with the text, or null to guess it
   */
  public List<Features.Feature> features(String text, String lang) {
    Compiled c = compiled.get();
    List<Token> tokens = read(text == null ? "" : text, c).text().tokens();
    return Features.of(Features.stems(surfaces(tokens), language(lang, tokens, c.lexicon())));
  }

  /** A text as the engine reads it: cleaned, de-obfuscated (offsets mapped back to the original), analyzed. */
  private record Read(MappedText clean, MappedText lexical, Text text) {}

  private Read read(String original, Compiled c) {
    MappedText clean = Cleaner.clean(original);
    MappedText lexical = clean.compose(c.deobfuscator().rewrite(clean.text()));
    return new Read(clean, lexical, analyze(lexical.text(), c));
  }

  private static List<String> surfaces(List<Token> tokens) {
    List<String> out = new ArrayList<>(tokens.size());
    for (Token t : tokens) {
      out.add(t.surface());
    }
    return out;
  }

  /**
   * A model verdict as a hint like a lexicon line's: its span is the word (or pair) that weighed most, so an idiom
   * there cancels it; it is not "strong", so a prevention post or news weakens it; its weight grows from 0.5 at the
   * label's threshold, enough alone, up to 0.95. The explanation names the words that weighed.
   */
  private Hit modelHit(LearnedModel.Verdict v, List<Token> tokens, MappedText lexical, String original, String say) {
    LearnedModel.Push top = v.pushes().get(0);
    int start = lexical.originalStart(tokens.get(top.token()).start());
    int end = lexical.originalEnd(tokens.get(top.token() + top.length() - 1).end());
    List<String> words = new ArrayList<>();
    for (LearnedModel.Push p : v.pushes()) {
      String word = "« " + original.substring(lexical.originalStart(tokens.get(p.token()).start()),
          lexical.originalEnd(tokens.get(p.token() + p.length() - 1).end())) + " »";
      if (!words.contains(word)) {
        words.add(word);
      }
      if (words.size() == 3) {
        break;
      }
    }
    double weight = 0.5 + 0.45 * Math.min(1, (v.probability() - v.threshold()) / Math.max(1e-6, 1 - v.threshold()));
    String name = say.equals("en") ? v.label().replace('_', ' ') : taxonomy.frenchName(v.label());
    String explanation = say.equals("en")
        ? "learned from the labelled corpus: " + String.join(", ", words) + " weigh towards " + name
        : "appris du corpus annoté : " + String.join(", ", words) + " pèsent vers « " + name + " »";
    return new Hit(v.label(), weight, start, end, explanation, false, "model.tsv[" + v.label() + "]");
  }

  /** A text's words with their lexicon ids in both languages. */
  private record Text(List<Token> tokens, Vocabulary.Codes french, Vocabulary.Codes english) {}

  private Text analyze(String lexical, Compiled c) {
    List<Analysis.Raw> raws = analysis.segment(lexical);
    List<Token> tokens = new ArrayList<>(raws.size() + 4);
    IntList frStems = new IntList(raws.size());
    IntList enStems = new IntList(raws.size());
    IntList surfaces = new IntList(raws.size());
    List<int[]> prefixes = new ArrayList<>(raws.size() + 4);
    for (Analysis.Raw raw : raws) {
      for (TokenTable.Word w : c.words().lookup(raw.term())) {
        tokens.add(new Token(w.surface(), w.surface(), raw.start(), raw.end()));
        frStems.add(w.frStem());
        enStems.add(w.enStem());
        surfaces.add(w.surfaceId());
        prefixes.add(w.prefixes());
      }
    }
    int[][] starts = prefixes.toArray(new int[0][]);
    int[] surfaceIds = surfaces.toArray();
    return new Text(tokens, new Vocabulary.Codes(frStems.toArray(), surfaceIds, starts),
        new Vocabulary.Codes(enStems.toArray(), surfaceIds, starts));
  }

  /** A growable int array, to avoid boxing on the hot path. */
  private static final class IntList {
    private int[] values;
    private int size;

    IntList(int capacity) {
      values = new int[Math.max(4, capacity)];
    }

    void add(int v) {
      if (size == values.length) {
        values = java.util.Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    int[] toArray() {
      return java.util.Arrays.copyOf(values, size);
    }
  }

  private static Hit hit(PhraseIndex.Match m, List<Token> tokens, MappedText lexical, String say, double weight) {
    int start = lexical.originalStart(tokens.get(m.start()).start());
    int end = lexical.originalEnd(tokens.get(m.end() - 1).end());
    return new Hit(m.entry().label(), weight, start, end, m.entry().explanation(say), m.entry().strong(), m.entry().source());
  }

  private static Classification.Neutralized note(String label, Hit span, String original, String why) {
    return new Classification.Neutralized(label, span.start(), span.end(), original.substring(span.start(), span.end()), why);
  }

  /** The index of a negation word at most {@code window} words before the match, in the same sentence; or -1. */
  private static int negationBefore(List<Token> tokens, String text, int start, int window, Set<String> negations) {
    for (int j = start - 1; j >= Math.max(0, start - window); j--) {
      if (crossesSentence(text, tokens.get(j).end(), tokens.get(j + 1).start())) {
        return -1;
      }
      if (negations.contains(tokens.get(j).surface())) {
        return j;
      }
    }
    return -1;
  }

  private static boolean crossesSentence(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c == '.' || c == '!' || c == '?' || c == ';' || c == '\n' || c == ',') {
        return true;
      }
    }
    return false;
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
    return en > fr ? "en" : "fr";
  }
}
