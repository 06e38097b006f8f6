package fr.vigie.classification.model;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Learns a {@link LearnedModel} from labelled messages: one L2-regularized logistic regression per label (AdaGrad,
 * fixed seed and order, so the same corpus gives the same file), over features seen in at least two messages. Each
 * label's threshold comes from 5-fold cross-validation: the lowest probability (0.30 to 0.95) at which the model's additions to
 * the lexicons' labels are right at least {@link #MIN_PRECISION} of the time on messages it did not learn from, and,
 * for the critical labels, add at most {@link #MAX_ADDED_FALSE_CRITICAL} false alarms among non-critical messages.
 * Pure logic: the corpus reading and file writing are the caller's.
 */
public final class Trainer {

  static final int EPOCHS = 25;
  static final double RATE = 0.3;
  static final double L2 = 1e-2;
  static final int MIN_DOCS = 2;
  static final int FOLDS = 5;
  static final double MIN_PRECISION = 0.6;
  static final double MAX_ADDED_FALSE_CRITICAL = 0.01;
  static final double NEVER = 1.01;

  /** One message: its features, its true labels, and the labels the lexicons alone give it. */
  public record Doc(List<Features.Feature> features, Set<String> labels, Set<String> ruleLabels) {}

  /** What cross-validation measured for one label at the chosen threshold (for the report). */
  public record LabelReport(String label, double threshold, int added, int addedRight) {}

  public record Result(LearnedModel model, List<LabelReport> report) {}

  private final List<String> labels;
  private final Set<String> critical;

  public Trainer(List<String> labels, Set<String> critical) {
    this.labels = List.copyOf(labels);
    this.critical = Set.copyOf(critical);
  }

  public Result train(List<Doc> docs) {
    double[][] outOfFold = new double[docs.size()][];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Doc> learn = new ArrayList<>();
      List<Integer> held = new ArrayList<>();
      for (int i = 0; i < docs.size(); i++) {
        if (i % FOLDS == fold) {
          held.add(i);
        } else {
          learn.add(docs.get(i));
        }
      }
      Fitted fitted = fit(learn);
      for (int i : held) {
        outOfFold[i] = fitted.probabilities(docs.get(i));
      }
    }
    double[] thresholds = new double[labels.size()];
    List<LabelReport> report = new ArrayList<>();
    int nonCritical = (int) docs.stream().filter(d -> d.labels().stream().noneMatch(critical::contains)).count();
    for (int l = 0; l < labels.size(); l++) {
      String label = labels.get(l);
      thresholds[l] = NEVER;
      LabelReport chosen = new LabelReport(label, NEVER, 0, 0);
      for (int step = 30; step <= 95 && thresholds[l] == NEVER; step++) {
        double t = step / 100.0;
        int added = 0;
        int right = 0;
        int falseCritical = 0;
        for (int i = 0; i < docs.size(); i++) {
          Doc d = docs.get(i);
          if (outOfFold[i][l] >= t && !d.ruleLabels().contains(label)) {
            added++;
            right += d.labels().contains(label) ? 1 : 0;
            boolean wasCritical = d.labels().stream().anyMatch(critical::contains);
            falseCritical += critical.contains(label) && !wasCritical ? 1 : 0;
          }
        }
        boolean precise = right >= MIN_PRECISION * added;
        boolean calm = !critical.contains(label) || falseCritical <= MAX_ADDED_FALSE_CRITICAL * nonCritical;
        if (added > 0 && precise && calm) {
          thresholds[l] = t;
          chosen = new LabelReport(label, t, added, right);
        }
      }
      report.add(chosen);
    }
    Fitted all = fit(docs);
    return new Result(all.model(thresholds), report);
  }

  /** Weights learned on some messages. */
  private record Fitted(List<String> labels, Map<String, double[]> weights, double[] bias) {
    double[] probabilities(Doc d) {
      double[] sums = bias.clone();
      Set<String> seen = new HashSet<>();
      for (Features.Feature f : d.features()) {
        double[] w = weights.get(f.name());
        if (w != null && seen.add(f.name())) {
          for (int l = 0; l < sums.length; l++) {
            sums[l] += w[l];
          }
        }
      }
      for (int l = 0; l < sums.length; l++) {
        sums[l] = LearnedModel.sigmoid(sums[l]);
      }
      return sums;
    }

    LearnedModel model(double[] thresholds) {
      Map<String, float[]> kept = new HashMap<>();
      weights.forEach((name, w) -> {
        float[] f = new float[w.length];
        boolean any = false;
        for (int l = 0; l < w.length; l++) {
          // Four decimals in the file: what would round to zero is left out.
          if (Math.abs(w[l]) >= 0.0005) {
            f[l] = (float) (Math.round(w[l] * 10000) / 10000.0);
            any = true;
          }
        }
        if (any) {
          kept.put(name, f);
        }
      });
      double[] b = new double[bias.length];
      for (int l = 0; l < b.length; l++) {
        b[l] = Math.round(bias[l] * 10000) / 10000.0;
      }
      return new LearnedModel(labels, kept, b, thresholds);
    }
  }

  private Fitted fit(List<Doc> docs) {
    Map<String, Integer> documentFrequency = new HashMap<>();
    List<List<String>> distinct = new ArrayList<>(docs.size());
    for (Doc d : docs) {
      List<String> names = d.features().stream().map(Features.Feature::name).distinct().toList();
      distinct.add(names);
      names.forEach(n -> documentFrequency.merge(n, 1, Integer::sum));
    }
    Map<String, double[]> weights = new HashMap<>();
    Map<String, double[]> squares = new HashMap<>();
    documentFrequency.forEach((name, df) -> {
      if (df >= MIN_DOCS) {
        weights.put(name, new double[labels.size()]);
        squares.put(name, new double[labels.size()]);
      }
    });
    double[] bias = new double[labels.size()];
    double[] biasSquares = new double[labels.size()];
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < docs.size(); i++) {
      order.add(i);
    }
    Random random = new Random(20261121L);
    for (int epoch = 0; epoch < EPOCHS; epoch++) {
      java.util.Collections.shuffle(order, random);
      for (int i : order) {
        List<double[]> w = new ArrayList<>();
        List<double[]> g2 = new ArrayList<>();
        for (String n : distinct.get(i)) {
          double[] v = weights.get(n);
          if (v != null) {
            w.add(v);
            g2.add(squares.get(n));
          }
        }
        Set<String> truth = docs.get(i).labels();
        for (int l = 0; l < labels.size(); l++) {
          double sum = bias[l];
          for (double[] v : w) {
            sum += v[l];
          }
          double error = LearnedModel.sigmoid(sum) - (truth.contains(labels.get(l)) ? 1 : 0);
          biasSquares[l] += error * error;
          bias[l] -= RATE * error / Math.sqrt(biasSquares[l] + 1e-8);
          for (int k = 0; k < w.size(); k++) {
            double[] v = w.get(k);
            double grad = error + L2 * v[l];
            double[] s = g2.get(k);
            s[l] += grad * grad;
            v[l] -= RATE * grad / Math.sqrt(s[l] + 1e-8);
          }
        }
      }
    }
    return new Fitted(labels, weights, bias);
  }
}
