package fr.vigie.classification.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A linear model learned from the labelled corpus (one logistic regression per label over the message's stemmed words
 * and word pairs), read from {@code lexicons/model.tsv}. It catches what the hand-written lexicons have no line for —
 * a farewell or a veiled threat in new words — and says which words weighed. The lexicons keep the last word on
 * idioms, negation and context: the engine treats a model hint like a lexicon hint (see Engine). Immutable.
 *
 * <p>File format, one fact per line, tab-separated, {@code #} comments: {@code threshold <label> <p>} (the
 * probability from which the model alone gives the label, chosen by cross-validation), {@code bias <label> <b>}, and
 * {@code <feature> <label> <weight>}.
 */
public final class LearnedModel {

  public static final LearnedModel NONE = new LearnedModel(List.of(), Map.of(), new double[0], new double[0]);

  private final List<String> labels;
  private final Map<String, float[]> weights;
  /** The same weights for looking up without building names: word → weights, word → next word → weights. */
  private final Map<String, float[]> words = new HashMap<>();
  private final Map<String, Map<String, float[]>> pairs = new HashMap<>();
  private final double[] bias;
  private final double[] thresholds;

  LearnedModel(List<String> labels, Map<String, float[]> weights, double[] bias, double[] thresholds) {
    this.labels = List.copyOf(labels);
    this.weights = weights;
    this.bias = bias;
    this.thresholds = thresholds;
    weights.forEach((name, w) -> {
      if (name.startsWith(Features.WORD)) {
        words.put(name.substring(Features.WORD.length()), w);
      } else if (name.startsWith(Features.PAIR)) {
        int space = name.indexOf(' ', Features.PAIR.length());
        if (space > 0) {
          pairs.computeIfAbsent(name.substring(Features.PAIR.length(), space), k -> new HashMap<>())
              .put(name.substring(space + 1), w);
        }
      }
    });
  }

  public List<String> labels() {
    return labels;
  }

  public boolean isEmpty() {
    return labels.isEmpty();
  }

  /** What the model says of one label: its probability and the features that pushed it up, strongest first. */
  public record Verdict(String label, double probability, double threshold, List<Push> pushes) {
    public boolean given() {
      return probability >= threshold;
    }
  }

  /** A feature present in the text and its weight towards the label; {@code token} indexes the first word. */
  public record Push(String feature, int token, int length, double weight) {}

  /**
   * Every label's verdict for a text's stems (Features.stems). One look-up per word and per pair for all labels; the
   * pushes are listed only for the labels the model gives (the others need no explanation).
   */
  public List<Verdict> judge(List<String> stems) {
    double[] sums = bias.clone();
    int n = stems.size();
    // [2i] the word i, [2i + 1] the pair (i, i + 1); null when absent from the model or already counted.
    float[][] present = new float[2 * n][];
    // A feature counts once however often it occurs (as in training): the same feature maps to the same array.
    java.util.Set<float[]> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int i = 0; i < n; i++) {
      present[2 * i] = count(words.get(stems.get(i)), seen, sums);
      if (i + 1 < n) {
        Map<String, float[]> next = pairs.get(stems.get(i));
        present[2 * i + 1] = next == null ? null : count(next.get(stems.get(i + 1)), seen, sums);
      }
    }
    List<Verdict> out = new ArrayList<>(labels.size());
    for (int l = 0; l < labels.size(); l++) {
      double probability = sigmoid(sums[l]);
      List<Push> pushes = List.of();
      if (probability >= thresholds[l]) {
        pushes = new ArrayList<>();
        for (int k = 0; k < present.length; k++) {
          if (present[k] != null && present[k][l] > 0) {
            int token = k / 2;
            boolean pair = k % 2 == 1;
            String name = pair ? Features.PAIR + stems.get(token) + " " + stems.get(token + 1) : Features.WORD + stems.get(token);
            pushes.add(new Push(name, token, pair ? 2 : 1, present[k][l]));
          }
        }
        pushes.sort((x, y) -> Double.compare(y.weight(), x.weight()));
      }
      out.add(new Verdict(labels.get(l), probability, thresholds[l], pushes));
    }
    return out;
  }

  private static float[] count(float[] w, java.util.Set<float[]> seen, double[] sums) {
    if (w == null || !seen.add(w)) {
      return null;
    }
    for (int l = 0; l < sums.length; l++) {
      sums[l] += w[l];
    }
    return w;
  }

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  /** Reads a model file; a malformed line fails with its number, like a lexicon file. */
  public static LearnedModel parse(String text) {
    List<String> labels = new ArrayList<>();
    Map<String, Double> thresholds = new HashMap<>();
    Map<String, Double> biases = new HashMap<>();
    List<String[]> rows = new ArrayList<>();
    String[] lines = text.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      String[] cells = line.split("\t");
      if (cells.length != 3) {
        throw new IllegalArgumentException("model.tsv:" + (i + 1) + " : trois colonnes attendues / three columns expected");
      }
      try {
        switch (cells[0]) {
          case "threshold" -> {
            thresholds.put(cells[1], Double.parseDouble(cells[2]));
            labels.add(cells[1]);
          }
          case "bias" -> biases.put(cells[1], Double.parseDouble(cells[2]));
          default -> {
            Double.parseDouble(cells[2]);
            rows.add(cells);
          }
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("model.tsv:" + (i + 1) + " : nombre illisible / unreadable number", e);
      }
    }
    Map<String, float[]> weights = new HashMap<>();
    for (String[] row : rows) {
      int l = labels.indexOf(row[1]);
      if (l < 0) {
        throw new IllegalArgumentException("model.tsv : label sans seuil / label without threshold: " + row[1]);
      }
      weights.computeIfAbsent(row[0], k -> new float[labels.size()])[l] = Float.parseFloat(row[2]);
    }
    double[] bias = new double[labels.size()];
    double[] threshold = new double[labels.size()];
    for (int l = 0; l < labels.size(); l++) {
      bias[l] = biases.getOrDefault(labels.get(l), 0.0);
      threshold[l] = thresholds.get(labels.get(l));
    }
    return new LearnedModel(labels, weights, bias, threshold);
  }

  /** The model as its file, in a stable order (features sorted), so a retrained model diffs line by line. */
  public String format(String header) {
    StringBuilder out = new StringBuilder(header);
    for (int l = 0; l < labels.size(); l++) {
      out.append("threshold\t").append(labels.get(l)).append('\t').append(number(thresholds[l])).append('\n');
    }
    for (int l = 0; l < labels.size(); l++) {
      out.append("bias\t").append(labels.get(l)).append('\t').append(number(bias[l])).append('\n');
    }
    List<String> names = new ArrayList<>(weights.keySet());
    names.sort(null);
    for (String name : names) {
      float[] w = weights.get(name);
      for (int l = 0; l < labels.size(); l++) {
        if (w[l] != 0) {
          out.append(name).append('\t').append(labels.get(l)).append('\t').append(number(w[l])).append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String number(double v) {
    return String.format(Locale.ROOT, "%.4f", v);
  }

  @Override
  public String toString() {
    return "LearnedModel" + labels + " " + weights.size() + " features, thresholds " + Arrays.toString(thresholds);
  }
}
