package fr.vigie.classification.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LearnedModelTest {

  private static final String FILE = """
      # a comment
      threshold\tdistress\t0.7000
      threshold\tquestion\t1.0100
      bias\tdistress\t-2.0000
      bias\tquestion\t-1.0000
      w=cachet\tdistress\t1.5000
      w=suffir\tdistress\t1.0000
      b=cachet suffir\tdistress\t0.5000
      w=bonjour\tquestion\t0.2000
      """;

  @Test
  void a_label_is_given_from_its_threshold_and_names_the_words_that_weighed_strongest_first() {
    LearnedModel model = LearnedModel.parse(FILE);
    List<LearnedModel.Verdict> verdicts = model.judge(List.of("cachet", "suffir"));
    LearnedModel.Verdict distress = verdicts.get(0);
    // -2 + 1.5 + 1 + 0.5 = 1 → sigmoid 0.731 ≥ 0.70
    assertThat(distress.probability()).isCloseTo(0.731, org.assertj.core.data.Offset.offset(0.001));
    assertThat(distress.given()).isTrue();
    assertThat(distress.pushes()).extracting(LearnedModel.Push::feature)
        .containsExactly("w=cachet", "w=suffir", "b=cachet suffir");
    assertThat(distress.pushes().get(2).length()).isEqualTo(2);
    assertThat(verdicts.get(1).given()).as("a threshold above 1 never gives the label").isFalse();
    assertThat(verdicts.get(1).pushes()).as("no explanation is built for a label not given").isEmpty();
  }

  @Test
  void a_word_counts_once_however_often_it_occurs_as_in_training() {
    LearnedModel model = LearnedModel.parse(FILE);
    double once = model.judge(List.of("cachet")).get(0).probability();
    double thrice = model.judge(List.of("cachet", "x", "cachet", "y", "cachet")).get(0).probability();
    assertThat(thrice).isEqualTo(once);
    assertThat(once).isLessThan(0.7);
  }

  @Test
  void the_file_reads_back_to_the_same_text_and_a_bad_line_is_named() {
    LearnedModel model = LearnedModel.parse(FILE);
    String written = model.format("# header\n");
    assertThat(LearnedModel.parse(written).format("# header\n")).isEqualTo(written);
    assertThatThrownBy(() -> LearnedModel.parse("threshold\tdistress\n"))
        .hasMessageContaining("model.tsv:1");
    assertThatThrownBy(() -> LearnedModel.parse("threshold\tdistress\tbeaucoup\n"))
        .hasMessageContaining("model.tsv:1");
    assertThatThrownBy(() -> LearnedModel.parse("w=x\tthreat\t0.5\n")).hasMessageContaining("threat");
  }

  @Test
  void the_trainer_learns_a_word_it_sees_with_a_label_and_is_deterministic() {
    List<Trainer.Doc> docs = new java.util.ArrayList<>();
    for (int i = 0; i < 60; i++) {
      boolean pills = i % 3 == 0;
      List<String> stems = pills ? List.of("tout", "mes", "cachet", "w" + i) : List.of("prix", "trop", "cher", "w" + i);
      docs.add(new Trainer.Doc(Features.of(stems), pills ? Set.of("distress") : Set.of("complaint"), Set.of()));
    }
    Trainer trainer = new Trainer(List.of("distress", "complaint"), Set.of("distress"));
    Trainer.Result first = trainer.train(docs);
    Trainer.Result second = trainer.train(docs);
    assertThat(first.model().format("")).isEqualTo(second.model().format(""));
    LearnedModel.Verdict verdict = first.model().judge(List.of("mes", "cachet")).get(0);
    assertThat(verdict.given()).isTrue();
    assertThat(verdict.pushes().get(0).feature()).isIn("w=cachet", "w=mes", "b=mes cachet");
    assertThat(first.model().format("")).doesNotContain("w=w1\t", "w=w2\t"); // seen in one message only: left out
  }
}
