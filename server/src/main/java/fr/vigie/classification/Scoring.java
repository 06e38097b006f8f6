package fr.vigie.classification;

import fr.vigie.classification.lexicon.Lexicon;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns hits into labels: idioms cancel, context weakens, independent hints combine (noisy-or), a threshold decides.
 * Two context kinds act only together: a distress told as past ({@code past}: "il y a dix ans", "years ago") and over
 * ({@code recovery}: "aujourd'hui il va bien", "it does get better") weakens every distress hint, acts included.
 */
final class Scoring {

  /** Context kinds that weaken nothing alone (see {@link #recovered}). */
  static final String PAST = "past";
  static final String RECOVERY = "recovery";

  private static final int MAX_EVIDENCE = 8;
  private final Taxonomy taxonomy;
  private final Lexicon.Settings settings;
  private final String original;

  Scoring(Taxonomy taxonomy, Lexicon.Settings settings, String original) {
    this.taxonomy = taxonomy;
    this.settings = settings;
    this.original = original;
  }

  Classification score(String id, String language, Set<Hit> found, Set<Hit> neutral, Set<Hit> contexts,
      Set<Classification.Neutralized> notes) {
    Map<String, Double> miss = new LinkedHashMap<>();
    Map<String, List<Hit>> kept = new LinkedHashMap<>();
    Hit context = contexts.stream().filter(c -> !c.label().equals(PAST) && !c.label().equals(RECOVERY)).findFirst().orElse(null);
    Hit recovered = recovered(contexts);
    for (Hit hit : strongestOnce(found)) {
      Hit cancel = cancelling(hit, neutral);
      if (cancel != null) {
        notes.add(note(hit.label(), cancel));
        continue;
      }
      double weight = hit.weight();
      if (recovered != null && hit.label().equals("distress")) {
        weight *= settings.contextFactor();
        notes.add(note(hit.label(), recovered));
      } else if (context != null && !hit.strong() && (hit.label().equals("distress") || hit.label().equals("threat"))) {
        weight *= settings.contextFactor();
        notes.add(note(hit.label(), context));
      }
      miss.merge(hit.label(), 1 - weight, (a, b) -> a * b);
      kept.computeIfAbsent(hit.label(), k -> new ArrayList<>()).add(hit);
    }
    List<Classification.LabelResult> labels = new ArrayList<>();
    miss.forEach((label, m) -> {
      double score = Math.round((1 - m) * 1000) / 1000.0;
      if (score >= settings.threshold()) {
        labels.add(new Classification.LabelResult(label, taxonomy.riskOf(label).wire(), score, evidence(kept.get(label))));
      }
    });
    Set<String> given = new java.util.HashSet<>();
    labels.forEach(l -> given.add(l.label()));
    labels.removeIf(l -> given.stream().anyMatch(g -> settings.subsumes().getOrDefault(g, Set.of()).contains(l.label())));
    return Classification.of(id, language, labels, List.copyOf(notes));
  }

  /** The recovery marker when the message also has a past marker: the distress it tells is over; else null. */
  private static Hit recovered(Set<Hit> contexts) {
    boolean past = contexts.stream().anyMatch(c -> c.label().equals(PAST));
    return past ? contexts.stream().filter(c -> c.label().equals(RECOVERY)).findFirst().orElse(null) : null;
  }

  /**
   * Evidence counts once: of hits on the same span for the same label (an emoji listed in both languages), and of
   * repeated matches of the same lexicon line (🔪🔪🔪🔪), only the strongest is kept.
   */
  private static List<Hit> strongestOnce(Set<Hit> hits) {
    List<Hit> out = new ArrayList<>(hits.size());
    for (Hit h : hits) {
      int same = -1;
      for (int i = 0; i < out.size() && same < 0; i++) {
        Hit o = out.get(i);
        boolean sameSpan = o.start() == h.start() && o.end() == h.end();
        if (o.label().equals(h.label()) && (sameSpan || o.source().equals(h.source()))) {
          same = i;
        }
      }
      if (same < 0) {
        out.add(h);
      } else if (h.weight() > out.get(same).weight()) {
        out.set(same, h);
      }
    }
    return out;
  }

  private static Hit cancelling(Hit hit, Set<Hit> neutral) {
    for (Hit n : neutral) {
      if ((n.label().equals("*") || n.label().equals(hit.label())) && n.overlaps(hit)) {
        return n;
      }
    }
    return null;
  }

  private List<Classification.Evidence> evidence(List<Hit> hits) {
    List<Classification.Evidence> out = new ArrayList<>();
    hits.stream().sorted(Comparator.comparingDouble(Hit::weight).reversed().thenComparingInt(Hit::start))
        .forEach(h -> {
          boolean same = out.stream().anyMatch(e -> e.start() == h.start() && e.end() == h.end());
          if (!same && out.size() < MAX_EVIDENCE) {
            out.add(new Classification.Evidence(h.start(), h.end(), original.substring(h.start(), h.end()), h.explanation()));
          }
        });
    out.sort(Comparator.comparingInt(Classification.Evidence::start));
    return out;
  }

  private Classification.Neutralized note(String label, Hit why) {
    return new Classification.Neutralized(label, why.start(), why.end(), original.substring(why.start(), why.end()),
        why.explanation());
  }
}
