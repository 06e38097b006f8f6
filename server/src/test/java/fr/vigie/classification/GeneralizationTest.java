package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.model.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * How the engine does on wording it was not built from: each blind set (written by people who saw neither the engine
 * nor the corpus) is left out in turn, the learned model is trained on everything else, and the set is classified.
 * The lexicons never read these sets. A measurement more than a gate (it only checks that the model adds critical
 * recall to the lexicons on each set): it prints and writes
 * {@code target/generalization.txt}, and runs only when asked, as it trains once per set (about three minutes):
 * {@code mvn -pl server test -Dtest=GeneralizationTest -Dvigie.generalization=true}.
 */
class GeneralizationTest {

  static final Path CORPUS = Path.of("src", "test", "resources", "corpus");
  /**
   * The blind sets the lexicons were never tuned on: D (France), E (English and mixed), F (regional French), G (French,
   * critical and near misses), H (English, critical and near misses), I and J (French and English short replies), K
   * (French, near misses), L (English, near misses), M (French and English forum posts).
   */
  static final List<String> LEFT_OUT = List.of("dev-fr-4.jsonl", "dev-en-4.jsonl", "dev-fr-5.jsonl", "dev-fr-6.jsonl",
      "dev-en-5.jsonl", "dev-fr-7.jsonl", "dev-en-6.jsonl", "dev-fr-8.jsonl", "dev-en-7.jsonl", "dev-fr-9.jsonl");

  @Test
  void each_blind_set_classified_by_a_model_trained_without_it() throws IOException {
    assumeTrue(Boolean.getBoolean("vigie.generalization"), "-Dvigie.generalization=true runs it");
    ObjectMapper mapper = new ObjectMapper();
    Taxonomy taxonomy = Taxonomy.load(mapper);
    Engine lexicons = Classifiers.lexiconsOnly(mapper);
    StringBuilder out = new StringBuilder("Leave-one-set-out: model trained without the set, lexicons as shipped\n");
    for (String left : LEFT_OUT) {
      List<Corpus.Message> training = new ArrayList<>();
      try (var files = Files.list(CORPUS)) {
        for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
          if (!file.getFileName().toString().equals(left)) {
            training.addAll(Corpus.read(file).messages());
          }
        }
      }
      for (Path extra : ModelTrainingTest.TRAINING.subList(1, ModelTrainingTest.TRAINING.size())) {
        training.addAll(Corpus.read(extra).messages());
      }
      Trainer.Result trained = ModelTrainingTest.trainer(taxonomy).train(ModelTrainingTest.docs(lexicons, training));
      Corpus set = Corpus.read(CORPUS.resolve(left));
      Evaluation alone = new Evaluation(set, lexicons, taxonomy);
      Evaluation both = new Evaluation(set, Classifiers.withModel(mapper, trained.model()), taxonomy);
      out.append(String.format(Locale.ROOT, "%-16s %4d msgs | lexicons alone: critical recall %.3f, false-critical %.2f %%,"
          + " macro-F1 %.3f | with a model trained on the other %d: %.3f, %.2f %%, %.3f%n", left,
          set.messages().size(), alone.criticalRecall(), 100 * alone.falseCriticalRate(), alone.macroF1(),
          training.size(), both.criticalRecall(), 100 * both.falseCriticalRate(), both.macroF1()));
      assertThat(both.criticalRecall()).as("the model adds recall on unseen wording (%s)", left)
          .isGreaterThan(alone.criticalRecall());
    }
    System.out.println(out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "generalization.txt"), out.toString());
  }
}
