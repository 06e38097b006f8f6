package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.model.LearnedModel;
import fr.vigie.classification.model.Trainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The learned model shipped in lexicons/model.tsv is the one the corpus in the repo trains, exactly: this test trains
 * it again and compares. After a change to the corpus or the lexicons, write the new file with
 * {@code mvn -pl server test -Dtest=ModelTrainingTest -Dvigie.train=write} and commit it with the change.
 * Training reads the development corpus and the first blind check set (both seen by the team now); never a
 * held-out corpus.
 */
class ModelTrainingTest {

  static final Path MODEL = Path.of("src", "main", "resources", "lexicons", Classifiers.MODEL);
  static final List<Path> TRAINING = List.of(Path.of("src", "test", "resources", "corpus"),
      Path.of("src", "test", "resources", "check"));

  @Test
  void the_shipped_model_is_the_one_the_corpus_trains() throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    Taxonomy taxonomy = Taxonomy.load(mapper);
    List<Corpus.Message> messages = new ArrayList<>();
    for (Path path : TRAINING) {
      messages.addAll(Corpus.read(path).messages());
    }
    List<Trainer.Doc> docs = docs(Classifiers.lexiconsOnly(mapper), messages);
    Trainer.Result result = trainer(taxonomy).train(docs);
    String header = "# Modèle appris du corpus annoté (" + docs.size() + " messages) : ne pas éditer à la main.\n"
        + "# Learned from the labelled corpus (" + docs.size() + " messages): do not edit by hand.\n"
        + "# mvn -pl server test -Dtest=ModelTrainingTest -Dvigie.train=write\n";
    String trained = result.model().format(header);
    System.out.println("Learned model, 5-fold cross-validation, additions to the lexicons' labels at each threshold:");
    result.report().forEach(r -> System.out.printf(java.util.Locale.ROOT, "  %-16s threshold %.2f  added %3d  right %3d%n",
        r.label(), r.threshold(), r.added(), r.addedRight()));
    if ("write".equals(System.getProperty("vigie.train"))) {
      Files.writeString(MODEL, trained);
    }
    assertThat(Files.readString(MODEL)).as("lexicons/model.tsv is stale: retrain with -Dvigie.train=write")
        .isEqualTo(trained);
    assertThat(LearnedModel.parse(trained).labels()).containsExactlyElementsOf(learned(taxonomy))
        .doesNotContain("personal_data");
  }

  /** What the trainer learns from: each message's features and labels, and what the lexicons alone already say. */
  static List<Trainer.Doc> docs(Engine lexicons, List<Corpus.Message> messages) {
    List<Trainer.Doc> docs = new ArrayList<>();
    for (Corpus.Message m : messages) {
      String lang = m.lang().isBlank() ? null : m.lang();
      Set<String> rules = lexicons.classify(new ClassifyRequest.Item(m.id(), m.text(), lang, null))
          .labels().stream().map(Classification.LabelResult::label).collect(Collectors.toSet());
      docs.add(new Trainer.Doc(lexicons.features(m.text(), lang), m.labels(), rules));
    }
    return docs;
  }

  static Trainer trainer(Taxonomy taxonomy) {
    Set<String> critical = taxonomy.labels().stream().filter(l -> taxonomy.riskOf(l) == Risk.CRITICAL)
        .collect(Collectors.toSet());
    return new Trainer(learned(taxonomy), critical);
  }

  /**
   * Every label but personal data, which is found by patterns with checksums (a phone number is a phone number
   * whatever the words around it), never by word statistics.
   */
  static List<String> learned(Taxonomy taxonomy) {
    return taxonomy.labels().stream().filter(l -> !l.equals("personal_data")).toList();
  }
}
