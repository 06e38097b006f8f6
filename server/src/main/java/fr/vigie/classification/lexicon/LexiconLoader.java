package fr.vigie.classification.lexicon;

import fr.vigie.classification.text.Analysis;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * Reads and compiles every lexicon file. Layout (see lexicons/README.md): engine.properties,
 * personal_data.patterns, allowlist.txt, and per language fr/ and en/: one file per label, neutral.txt,
 * context.txt, negation.txt, stopwords.txt, sms.txt, sets.txt. A missing or malformed file fails with its name and line.
 */
public final class LexiconLoader {

  public static final List<String> LANGUAGES = List.of("fr", "en");
  private final Analysis analysis;
  private final Set<String> labels;

  public LexiconLoader(Analysis analysis, Set<String> labels) {
    this.analysis = analysis;
    this.labels = labels;
  }

  public Lexicon load(LexiconSource source) {
    Map<String, List<String>> sets = new HashMap<>();
    Vocabulary vocabulary = new Vocabulary();
    for (String lang : LANGUAGES) {
      parseSets(required(source, lang + "/sets.txt"), lang + "/sets.txt", sets);
    }
    PhraseCompiler compiler = new PhraseCompiler(analysis, sets, vocabulary);
    List<Entry> entries = new ArrayList<>();
    List<Entry> neutral = new ArrayList<>();
    List<Entry> contexts = new ArrayList<>();
    Map<String, Set<String>> negations = new LinkedHashMap<>();
    Map<String, Set<String>> stopwords = new LinkedHashMap<>();
    Map<String, String> sms = new HashMap<>();
    for (String lang : LANGUAGES) {
      for (String label : labels) {
        String file = lang + "/" + label + ".txt";
        for (Line line : lines(required(source, file), file)) {
          entries.add(entry(line, label, lang, compiler, true));
        }
      }
      String neutralFile = lang + "/neutral.txt";
      for (Line line : lines(required(source, neutralFile), neutralFile)) {
        String target = line.head();
        if (!target.equals("*") && !labels.contains(target)) {
          throw new LexiconException(line.where(), "étiquette inconnue « " + target + " » (ou * pour toutes)");
        }
        neutral.add(entry(line, target, lang, compiler, false));
      }
      String contextFile = lang + "/context.txt";
      for (Line line : lines(required(source, contextFile), contextFile)) {
        contexts.add(entry(line, line.head(), lang, compiler, false));
      }
      negations.put(lang, words(required(source, lang + "/negation.txt")));
      stopwords.put(lang, words(required(source, lang + "/stopwords.txt")));
      readSms(required(source, lang + "/sms.txt"), lang + "/sms.txt", sms);
    }
    List<DataPattern> patterns = PatternFile.parse(required(source, "personal_data.patterns"), labels);
    Set<String> allowlist = new HashSet<>();
    source.read("allowlist.txt").ifPresent(text -> text.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).forEach(l -> allowlist.add(allowKey(l))));
    return new Lexicon(List.copyOf(entries), List.copyOf(neutral), List.copyOf(contexts), negations, stopwords,
        Map.copyOf(sms), vocabulary, settings(required(source, "engine.properties")), patterns,
        Set.copyOf(allowlist));
  }

  /** Every file of a lexicon folder, in the layout {@link #load} reads. */
  public static List<String> fileNames(Set<String> labels) {
    List<String> names = new ArrayList<>(List.of("README.md", "engine.properties", "personal_data.patterns", "allowlist.txt"));
    for (String lang : LANGUAGES) {
      for (String label : labels) {
        names.add(lang + "/" + label + ".txt");
      }
      for (String file : List.of("neutral", "context", "negation", "stopwords", "sms", "sets")) {
        names.add(lang + "/" + file + ".txt");
      }
    }
    return names;
  }

  /** Writes the lexicons shipped in the jar into an empty folder, so a supervisor can start editing from them. */
  public static void exportDefaults(java.nio.file.Path folder, Set<String> labels) {
    LexiconSource jar = new LexiconSource.Classpath();
    try {
      for (String name : fileNames(labels)) {
        java.nio.file.Path target = folder.resolve(name);
        java.nio.file.Files.createDirectories(target.getParent());
        java.nio.file.Files.writeString(target, jar.read(name).orElseThrow(() -> new IllegalStateException(name)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the default lexicons to " + folder, e);
    }
  }

  /** What the allowlist compares: the digits of a phone number, or the lower-cased text of anything else. */
  public static String allowKey(String value) {
    String digits = value.replaceAll("[^0-9]", "");
    return digits.length() >= 3 && value.replaceAll("[0-9+()./\\s-]", "").isEmpty()
        ? digits : value.toLowerCase(Locale.ROOT).strip();
  }

  /** One meaningful line: "head [flags:] pattern ; explanation fr ; explanation en". */
  private record Line(String where, String head, String flags, String pattern, String fr, String en) {}

  private static List<Line> lines(String text, String file) {
    List<Line> out = new ArrayList<>();
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#") || line.startsWith("@")) {
        continue;
      }
      String where = file + ":" + number;
      String[] parts = line.split("\\s;\\s", -1);
      if (parts.length != 3 || parts[1].isBlank() || parts[2].isBlank()) {
        throw new LexiconException(where, "attendu « tête motif ; explication fr ; explication en »");
      }
      String[] words = parts[0].strip().split("\\s+", 2);
      if (words.length < 2) {
        throw new LexiconException(where, "il manque le motif après « " + words[0] + " »");
      }
      String rest = words[1];
      String flags = "";
      if (rest.matches("[a-z,]+:\\s.*")) {
        flags = rest.substring(0, rest.indexOf(':'));
        rest = rest.substring(rest.indexOf(':') + 1).strip();
      }
      out.add(new Line(where, words[0], flags, rest, parts[1].strip(), parts[2].strip()));
    }
    return out;
  }

  private Entry entry(Line line, String label, String lang, PhraseCompiler compiler, boolean weighted) {
    double weight = 1;
    if (weighted) {
      try {
        weight = Double.parseDouble(line.head());
      } catch (NumberFormatException e) {
        throw new LexiconException(line.where(), "la ligne doit commencer par un poids (0.7), pas « " + line.head() + " »");
      }
      if (weight <= 0 || weight > 1) {
        throw new LexiconException(line.where(), "poids hors de ]0, 1] : " + line.head());
      }
    }
    for (String flag : line.flags().isEmpty() ? new String[0] : line.flags().split(",")) {
      if (!flag.equals("strong") && !flag.equals("noneg")) {
        throw new LexiconException(line.where(), "option inconnue « " + flag + " » (strong, noneg)");
      }
    }
    return new Entry(label, weight, line.flags().contains("strong"), line.flags().contains("noneg"), line.fr(),
        line.en(), line.where(), lang, compiler.compile(line.pattern(), lang, line.where()));
  }

  private static void parseSets(String text, String file, Map<String, List<String>> sets) {
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      if (!line.matches("@[a-z_0-9]+\\s*=\\s*\\S.*")) {
        throw new LexiconException(file + ":" + number, "attendu « @nom = mot|mot|mot »");
      }
      String name = line.substring(1, line.indexOf('=')).strip();
      if (sets.containsKey(name)) {
        throw new LexiconException(file + ":" + number, "ensemble @" + name + " déclaré deux fois");
      }
      sets.put(name, List.of(line.substring(line.indexOf('=') + 1).strip().split("\\s*\\|\\s*")));
    }
  }

  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .forEach(l -> out.add(Analysis.fold(l)));
    return Set.copyOf(out);
  }

  private static void readSms(String text, String file, Map<String, String> sms) {
    int number = 0;
    for (String raw : text.split("\n", -1)) {
      number++;
      String line = raw.strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int eq = line.indexOf(" = ");
      if (eq <= 0) {
        throw new LexiconException(file + ":" + number, "attendu « abréviation = mots »");
      }
      String key = Analysis.fold(line.substring(0, eq).strip());
      String previous = sms.put(key, line.substring(eq + 3).strip());
      if (previous != null && !previous.equals(sms.get(key))) {
        throw new LexiconException(file + ":" + number, "« " + key + " » a déjà une autre expansion : " + previous);
      }
    }
  }

  private static Lexicon.Settings settings(String text) {
    Properties p = new Properties();
    try {
      p.load(new StringReader(text));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new Lexicon.Settings(Double.parseDouble(p.getProperty("threshold")),
          Integer.parseInt(p.getProperty("negation.window")), Double.parseDouble(p.getProperty("negation.factor")),
          Double.parseDouble(p.getProperty("context.factor")), Double.parseDouble(p.getProperty("question.weight")),
          p.getProperty("question.fr").strip(), p.getProperty("question.en").strip(),
          p.getProperty("negation.fr").strip(), p.getProperty("negation.en").strip(), subsumes(p));
    } catch (NullPointerException | NumberFormatException e) {
      throw new LexiconException("engine.properties", "threshold, negation.window, negation.factor, context.factor,"
          + " question.weight (nombres) et question.fr, question.en, negation.fr, negation.en (textes) sont requis");
    }
  }

  /** "subsumes.employee_attack = insult": when the first label is given, the listed ones are dropped. */
  private static Map<String, Set<String>> subsumes(Properties p) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (String key : p.stringPropertyNames()) {
      if (key.startsWith("subsumes.")) {
        Set<String> dropped = new HashSet<>();
        for (String label : p.getProperty(key).split(",")) {
          if (!label.isBlank()) {
            dropped.add(label.strip());
          }
        }
        out.put(key.substring("subsumes.".length()), Set.copyOf(dropped));
      }
    }
    return Map.copyOf(out);
  }

  private static String required(LexiconSource source, String name) {
    return source.read(name).orElseThrow(() -> new LexiconException(name, "fichier manquant dans " + source.describe()));
  }
}
