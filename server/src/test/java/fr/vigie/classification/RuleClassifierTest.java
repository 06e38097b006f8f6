package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RuleClassifierTest {

  final RuleClassifier classifier = new RuleClassifier(Taxonomy.load(new ObjectMapper()));

  Classification classify(String text) {
    return classifier.classify(new ClassifyRequest.Item("1", text, null, null));
  }

  @Test
  void first_person_suicidal_intent_is_critical_distress() {
    Classification c = classify("je n'ai plus de tunes,.., je vais me suicider");
    assertThat(c.risk()).isEqualTo("critical");
    assertThat(c.labels().get(0).label()).isEqualTo("distress");
  }

  @Test
  void laughing_idiom_is_not_distress() {
    assertThat(classify("je suis mort de rire 😂").risk()).isEqualTo("none");
    assertThat(classify("I'm dying 😂 this ad is gold").risk()).isEqualTo("none");
  }

  @Test
  void phone_number_is_personal_data_with_its_span() {
    Classification c = classify("Appelez la responsable au 06 12 34 56 78, elle répondra");
    assertThat(c.risk()).isEqualTo("high");
    Classification.Evidence e = c.labels().get(0).evidence().get(0);
    assertThat(e.text()).isEqualTo("06 12 34 56 78");
    assertThat(e.explanation()).isEqualTo("numéro de portable publié");
  }

  @Test
  void explanations_follow_the_text_language() {
    Classification c = classify("I want to die, I can't do this anymore");
    assertThat(c.labels().get(0).evidence().get(0).explanation()).contains("suicidal");
  }

  @Test
  void risk_is_the_highest_label_and_labels_are_sorted() {
    Classification c = classify("Bande de cons, pourquoi mon colis n'est toujours pas reçu ?");
    assertThat(c.risk()).isEqualTo("medium");
    assertThat(c.labels()).extracting(Classification.LabelResult::label).startsWith("insult");
  }

  @Test
  void empty_text_has_no_label() {
    assertThat(classify("").labels()).isEmpty();
  }

  @Test
  void taxonomy_comes_from_the_shared_document() {
    Taxonomy taxonomy = Taxonomy.load(new ObjectMapper());
    assertThat(taxonomy.labels()).hasSize(9);
    assertThat(taxonomy.riskOf("personal_data")).isEqualTo(Risk.HIGH);
    assertThat(taxonomy.frenchName("distress")).isEqualTo("Détresse");
  }
}
