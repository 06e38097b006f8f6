package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cases PRODUCT.md names, on the shipped lexicons: what must be critical, and what only looks like it. */
class EngineTest {

  static final Engine ENGINE = Classifiers.standard(new ObjectMapper());

  static Classification classify(String text) {
    return ENGINE.classify(new ClassifyRequest.Item("1", text, null, null));
  }

  static List<String> labels(String text) {
    return classify(text).labels().stream().map(Classification.LabelResult::label).toList();
  }

  @Test
  void distress_without_any_keyword_is_critical() {
    assertThat(classify("j'ai pris toutes mes boîtes de médocs, dites à ma mère que je l'aime").risk()).isEqualTo("critical");
  }

  @Test
  void third_person_worry_is_critical() {
    assertThat(classify("ma sœur parle d'en finir depuis hier, je sais pas quoi faire").risk()).isEqualTo("critical");
  }

  @Test
  void idioms_are_not_distress_and_say_why() {
    Classification c = classify("je suis mort de rire 😂");
    assertThat(c.risk()).isNotEqualTo("critical");
    assertThat(classify("ce prix me tue").risk()).isNotEqualTo("critical");
    assertThat(classify("I'm dying 😂😂").risk()).isNotEqualTo("critical");
  }

  @Test
  void a_past_attempt_told_as_over_is_not_critical_and_says_why() {
    Classification over = classify("Il y a dix ans j'ai fait une TS. Aujourd'hui je vais bien et je cours des marathons.");
    assertThat(over.risk()).isNotEqualTo("critical");
    assertThat(over.neutralized()).anySatisfy(n -> assertThat(n.label()).isEqualTo("distress"));
    assertThat(classify("Years ago I tried to end my life. It does get better, hold on.").risk()).isNotEqualTo("critical");
    assertThat(classify("Back in 2019 I took an overdose. I'm okay now, it gets better.").risk()).isNotEqualTo("critical");
    assertThat(classify("Mon oncle avait fait une TS il y a des années. Il s'en est sorti.").risk()).isNotEqualTo("critical");
  }

  @Test
  void a_past_attempt_without_recovery_or_a_recovery_without_a_past_stays_critical() {
    assertThat(classify("Il y a deux ans j'ai fait une TS et ce soir j'y repense, j'ai les cachets devant moi").risk())
        .isEqualTo("critical");
    assertThat(classify("aujourd'hui je vais mieux, j'ai pris ma décision, j'ai pris toutes mes boîtes de médocs").risk())
        .isEqualTo("critical");
    assertThat(classify("I tried to end my life last night, I'm in the car park of the hospital").risk()).isEqualTo("critical");
    // Each hint is weakened, not the label: many hints of a method still add up to an alert (better a false alarm).
    assertThat(classify("Mon frère avait tenté de se pendre. Il s'en est sorti, il est infirmier.").risk()).isEqualTo("critical");
  }

  @Test
  void sports_banter_is_not_a_threat_but_the_same_words_at_an_agency_are() {
    assertThat(classify("Samedi on va les massacrer au Vélodrome, allez l'OM !").risk()).isNotEqualTo("critical");
    assertThat(classify("on va les tuer ces guichetiers de l'agence de Lille, ils vont payer").risk()).isEqualTo("critical");
  }

  @Test
  void a_cm_reply_quoting_3114_is_not_critical() {
    assertThat(classify("Bonjour, si vous traversez un moment difficile, le 3114 répond 24h/24, gratuitement. "
        + "Vous n'êtes pas seul.").risk()).isNotEqualTo("critical");
  }

  @Test
  void a_distressed_person_mentioning_3114_stays_critical() {
    assertThat(classify("j'ai appelé le 3114 ça sert à rien, ce soir je vais me suicider").risk()).isEqualTo("critical");
  }

  @Test
  void an_order_number_is_not_a_phone_number_and_a_mobile_is() {
    assertThat(labels("ma commande n° 0612345678 n'est jamais arrivée")).doesNotContain("personal_data");
    assertThat(labels("voici le portable de la responsable : 06 12 34 56 78")).contains("personal_data");
  }

  @Test
  void the_brand_s_own_service_number_is_not_personal_data() {
    assertThat(labels("appelez le service client au 09 69 32 10 10")).doesNotContain("personal_data");
  }

  @Test
  void obfuscated_words_are_read_and_the_evidence_shows_what_was_written() {
    String text = "jvé me s u i c i d e ce soir";
    Classification c = classify(text);
    assertThat(c.risk()).isEqualTo("critical");
    assertThat(c.labels().get(0).evidence()).allSatisfy(e -> assertThat(text).contains(e.text()));
  }

  @Test
  void explanations_are_in_the_text_s_language() {
    Classification fr = classify("je vais me suicider");
    Classification en = classify("I'm going to kill myself tonight");
    assertThat(fr.language()).isEqualTo("fr");
    assertThat(en.language()).isEqualTo("en");
    assertThat(en.risk()).isEqualTo("critical");
    assertThat(fr.labels().get(0).evidence().get(0).explanation())
        .isNotEqualTo(en.labels().get(0).evidence().get(0).explanation());
  }

  @Test
  void a_question_is_low_and_a_rhetorical_one_is_not_a_question() {
    assertThat(labels("Bonjour, vous livrez en Belgique ?")).containsExactly("question");
    assertThat(labels("Vous êtes sérieux ?")).doesNotContain("question");
  }
}
