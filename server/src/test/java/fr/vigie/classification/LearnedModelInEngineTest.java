package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The shipped model adds what the lexicons have no line for, and says which words weighed. */
class LearnedModelInEngineTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String COUNTING_PILLS = "je compte les cachets depuis une heure. ça devrait suffire";

  @Test
  void a_distress_call_without_a_lexicon_phrase_is_found_by_the_model_with_the_words_that_weighed() {
    Classification lexicons = Classifiers.lexiconsOnly(MAPPER).classify(new ClassifyRequest.Item("1", COUNTING_PILLS, "fr", null));
    assertThat(lexicons.risk()).as("the lexicons alone").isNotEqualTo("critical");

    Classification both = Classifiers.standard(MAPPER).classify(new ClassifyRequest.Item("1", COUNTING_PILLS, "fr", null));
    assertThat(both.risk()).isEqualTo("critical");
    Classification.LabelResult distress = both.labels().get(0);
    assertThat(distress.label()).isEqualTo("distress");
    assertThat(distress.evidence()).anySatisfy(e -> {
      assertThat(e.explanation()).startsWith("appris du corpus annoté : ").endsWith("« Détresse »");
      assertThat(COUNTING_PILLS.substring(e.start(), e.end())).isEqualTo(e.text());
      // The words that weighed are quoted from the message itself (which ones depends on the training corpus).
      java.util.List<String> quoted = java.util.regex.Pattern.compile("« ([^»]+) »").matcher(e.explanation()).results()
          .map(m -> m.group(1)).filter(w -> !w.equals("Détresse")).toList();
      assertThat(quoted).isNotEmpty().allSatisfy(w -> assertThat(COUNTING_PILLS).contains(w));
    });
  }

  @Test
  void an_idiom_still_cancels_what_the_model_would_say() {
    Classification laugh = Classifiers.standard(MAPPER)
        .classify(new ClassifyRequest.Item("1", "mdr je suis mort de rire 😂😂 ce live", "fr", null));
    assertThat(laugh.risk()).isNotEqualTo("critical");
  }
}
