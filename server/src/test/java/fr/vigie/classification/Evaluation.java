package fr.vigie.classification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Per-label precision, recall and F1, and the risk confusion matrix, of a classifier over a corpus. */
final class Evaluation {

  record Counts(int tp, int fp, int fn) {
    double precision() {
      return tp + fp == 0 ? 1 : tp / (double) (tp + fp);
    }

    double recall() {
      return tp + fn == 0 ? 1 : tp / (double) (tp + fn);
    }

    double f1() {
      double p = precision();
      double r = recall();
      return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }
  }

  /** One message the classifier got wrong at the risk level, for the report. */
  record Miss(Corpus.Message message, String expectedRisk, String predictedRisk, Set<String> predicted) {}

  final Map<String, Counts> perLabel = new LinkedHashMap<>();
  final int[][] confusion = new int[5][5];
  final List<Miss> misses = new ArrayList<>();
  int hardTotal;
  int hardRiskRight;

  Evaluation(Corpus corpus, Classifier classifier, Taxonomy taxonomy) {
    for (String label : taxonomy.labels()) {
      perLabel.put(label, new Counts(0, 0, 0));
    }
    for (Corpus.Message m : corpus.messages()) {
      Classification c = classifier.classify(new ClassifyRequest.Item(m.id(), m.text(), null, null));
      Set<String> predicted = new TreeSet<>();
      c.labels().forEach(l -> predicted.add(l.label()));
      for (String label : taxonomy.labels()) {
        Counts k = perLabel.get(label);
        boolean want = m.labels().contains(label);
        boolean got = predicted.contains(label);
        perLabel.put(label, new Counts(k.tp() + (want && got ? 1 : 0), k.fp() + (!want && got ? 1 : 0),
            k.fn() + (want && !got ? 1 : 0)));
      }
      Risk expected = m.labels().stream().map(taxonomy::riskOf).max(Enum::compareTo).orElse(Risk.NONE);
      Risk got = Risk.fromWire(c.risk());
      confusion[expected.ordinal()][got.ordinal()]++;
      if (m.hard()) {
        hardTotal++;
        hardRiskRight += expected == got ? 1 : 0;
      }
      if (expected != got) {
        misses.add(new Miss(m, expected.wire(), got.wire(), predicted));
      }
    }
  }

  double macroF1() {
    return perLabel.values().stream().mapToDouble(Counts::f1).average().orElse(0);
  }

  double criticalRecall() {
    int[] row = confusion[Risk.CRITICAL.ordinal()];
    int total = 0;
    for (int n : row) {
      total += n;
    }
    return total == 0 ? 1 : row[Risk.CRITICAL.ordinal()] / (double) total;
  }

  /** Share of messages that are not critical but were badged critical. */
  double falseCriticalRate() {
    int notCritical = 0;
    int badged = 0;
    for (int expected = 0; expected < Risk.CRITICAL.ordinal(); expected++) {
      for (int got = 0; got < 5; got++) {
        notCritical += confusion[expected][got];
      }
      badged += confusion[expected][Risk.CRITICAL.ordinal()];
    }
    return notCritical == 0 ? 0 : badged / (double) notCritical;
  }

  String report(String title, int messages) {
    StringBuilder out = new StringBuilder();
    out.append(String.format(Locale.ROOT, "%n== %s: %d messages (%d hard) ==%n", title, messages, hardTotal));
    out.append(String.format(Locale.ROOT, "%-16s %5s %5s %5s %9s %7s %6s%n", "label", "tp", "fp", "fn", "precision", "recall", "f1"));
    perLabel.forEach((label, k) -> out.append(String.format(Locale.ROOT, "%-16s %5d %5d %5d %9.3f %7.3f %6.3f%n",
        label, k.tp(), k.fp(), k.fn(), k.precision(), k.recall(), k.f1())));
    out.append(String.format(Locale.ROOT, "macro-F1 %.3f | critical recall %.3f | false-critical rate %.2f%% | hard cases at the right risk %.3f%n",
        macroF1(), criticalRecall(), 100 * falseCriticalRate(), hardTotal == 0 ? 1 : hardRiskRight / (double) hardTotal));
    out.append("risk confusion (rows expected, columns predicted):\n");
    out.append(String.format(Locale.ROOT, "%-10s", ""));
    for (Risk r : Risk.values()) {
      out.append(String.format(Locale.ROOT, "%9s", r.wire()));
    }
    out.append('\n');
    for (Risk r : Risk.values()) {
      out.append(String.format(Locale.ROOT, "%-10s", r.wire()));
      for (int n : confusion[r.ordinal()]) {
        out.append(String.format(Locale.ROOT, "%9d", n));
      }
      out.append('\n');
    }
    return out.toString();
  }
}
