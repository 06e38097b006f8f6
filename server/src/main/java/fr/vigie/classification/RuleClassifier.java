package fr.vigie.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

/** Classifies one text with rules and neutralizing expressions; pure logic, no IO. */
public final class RuleClassifier implements Classifier {

  private static final Set<String> FRENCH_WORDS = Set.of("je", "tu", "le", "la", "les", "de", "des", "est", "pas",
      "vous", "un", "une", "et", "que", "qui", "mon", "ma", "mes", "ça", "avec", "pour", "plus", "suis", "il", "elle");
  private static final Set<String> ENGLISH_WORDS = Set.of("the", "i", "you", "is", "not", "and", "to", "a", "my",
      "it", "of", "that", "this", "with", "for", "are", "was", "me", "your", "have", "im", "i'm");

  private final Taxonomy taxonomy;
  private final List<Rule> rules;
  private final List<Rule> neutralizers;

  public RuleClassifier(Taxonomy taxonomy) {
    this(taxonomy, FirstRules.RULES, FirstRules.NEUTRALIZERS);
  }

  RuleClassifier(Taxonomy taxonomy, List<Rule> rules, List<Rule> neutralizers) {
    for (Rule rule : rules) {
      taxonomy.riskOf(rule.label());
    }
    this.taxonomy = taxonomy;
    this.rules = List.copyOf(rules);
    this.neutralizers = List.copyOf(neutralizers);
  }

  @Override
  public Classification classify(ClassifyRequest.Item item) {
    String text = item.text();
    String lang = language(item.lang(), text);
    List<int[]> neutralized = spans(neutralizers, text);
    Map<String, List<Classification.Evidence>> evidence = new LinkedHashMap<>();
    Map<String, Double> miss = new LinkedHashMap<>();
    for (Rule rule : rules) {
      if (!applies(rule, lang)) {
        continue;
      }
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        if (m.end() == m.start() || inside(neutralized, m.start(), m.end())) {
          continue;
        }
        evidence.computeIfAbsent(rule.label(), k -> new ArrayList<>())
            .add(new Classification.Evidence(m.start(), m.end(), m.group(), rule.explanation(lang)));
        // Noisy-or: several independent hints make a label more certain than any one of them.
        miss.merge(rule.label(), 1 - rule.score(), (a, b) -> a * b);
      }
    }
    List<Classification.LabelResult> labels = new ArrayList<>();
    evidence.forEach((label, spans) -> labels.add(new Classification.LabelResult(label,
        taxonomy.riskOf(label).wire(), round(1 - miss.get(label)), spans)));
    return Classification.of(item.id(), labels);
  }

  /** The given language when there is one, else a guess from common words; French by default. */
  static String language(String given, String text) {
    if (given != null && !given.isBlank()) {
      return given.substring(0, 2).toLowerCase(java.util.Locale.ROOT);
    }
    int fr = 0;
    int en = 0;
    for (String word : text.toLowerCase(java.util.Locale.ROOT).split("[^\\p{L}']+")) {
      fr += FRENCH_WORDS.contains(word) ? 1 : 0;
      en += ENGLISH_WORDS.contains(word) ? 1 : 0;
    }
    return en > fr ? "en" : "fr";
  }

  private static boolean applies(Rule rule, String lang) {
    return rule.lang().equals("*") || rule.lang().equals(lang) || !(lang.equals("fr") || lang.equals("en"));
  }

  private static List<int[]> spans(List<Rule> patterns, String text) {
    List<int[]> out = new ArrayList<>();
    for (Rule rule : patterns) {
      Matcher m = rule.pattern().matcher(text);
      while (m.find()) {
        out.add(new int[] {m.start(), m.end()});
      }
    }
    return out;
  }

  private static boolean inside(List<int[]> spans, int start, int end) {
    for (int[] s : spans) {
      if (start < s[1] && end > s[0]) {
        return true;
      }
    }
    return false;
  }

  private static double round(double score) {
    return Math.round(score * 1000) / 1000.0;
  }
}
