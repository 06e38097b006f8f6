package fr.vigie.classification;

import java.util.Comparator;
import java.util.List;

/**
 * The classification of one text (schema classify-response, $defs/classification): its risk, the labels found with
 * the spans that justify them, and the spans that looked risky but were set aside, with why.
 */
public record Classification(String id, String risk, String language, List<LabelResult> labels,
    List<Neutralized> neutralized) {

  public Classification {
    labels = List.copyOf(labels);
    neutralized = List.copyOf(neutralized);
  }

  public static Classification of(String id, String language, List<LabelResult> labels, List<Neutralized> neutralized) {
    List<LabelResult> sorted = labels.stream()
        .sorted(Comparator.comparing((LabelResult l) -> Risk.fromWire(l.risk())).reversed()
            .thenComparing(Comparator.comparingDouble(LabelResult::score).reversed()))
        .toList();
    String risk = sorted.isEmpty() ? Risk.NONE.wire() : sorted.get(0).risk();
    return new Classification(id, risk, language, sorted, neutralized);
  }

  /** One label with its risk, a score in [0, 1] and the spans that justify it. */
  public record LabelResult(String label, String risk, double score, List<Evidence> evidence) {
    public LabelResult {
      if (score < 0 || score > 1) {
        throw new IllegalArgumentException("score hors de [0, 1] : " + score);
      }
      evidence = List.copyOf(evidence);
    }
  }

  /** A span of the text, in UTF-16 offsets like JavaScript's, and why it matters. */
  public record Evidence(int start, int end, String text, String explanation) {
    public Evidence {
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("span invalide " + start + ".." + end);
      }
    }
  }

  /** A span that looked like {@code label} but was set aside: an idiom, a negation, a prevention post… */
  public record Neutralized(String label, int start, int end, String text, String explanation) {}

  /** Answer of POST /api/v1/classify. */
  public record Response(List<Classification> results) {}
}
