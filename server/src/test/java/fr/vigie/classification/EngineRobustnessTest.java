package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Hostile or odd text never crashes the engine, and every evidence span is a real span of the text. */
class EngineRobustnessTest {

  static final Engine ENGINE = Classifiers.standard(new ObjectMapper());

  static Stream<String> texts() {
    return Stream.of(
        "",
        " ",
        "\u200B\u200B\u200B",
        "\uD800\uDC00\uD800 lone \uDC00 surrogates je vais me suicider \uD83D",
        "\u202Eje vais me suicider\u202C \u200F\u200E",
        "<script>alert('je vais me suicider')</script><img src=x onerror=alert(1)>",
        "je vais me suicider ".repeat(5_000),
        "a".repeat(100_000),
        "🔪".repeat(10_000),
        "? ? ? ?? !!! ...",
        "s u i c i d e s u i c i d e s u i c i d e",
        "*** **** f**k ***** encul*",
        "0612345678".repeat(1_000),
        "\n\n\t\r\u0000\u0007 06 12 34 56 78");
  }

  @ParameterizedTest
  @MethodSource("texts")
  void evidence_spans_are_spans_of_the_original_text(String text) {
    Classification c = ENGINE.classify(new ClassifyRequest.Item("1", text, null, null));
    assertThat(c.risk()).isIn("none", "low", "medium", "high", "critical");
    for (Classification.LabelResult label : c.labels()) {
      assertThat(label.score()).isBetween(0.0, 1.0);
      for (Classification.Evidence e : label.evidence()) {
        assertThat(e.start()).isBetween(0, text.length());
        assertThat(e.end()).isBetween(e.start(), text.length());
        assertThat(text.substring(e.start(), e.end())).isEqualTo(e.text());
      }
    }
    for (Classification.Neutralized n : c.neutralized()) {
      assertThat(text.substring(n.start(), n.end())).isEqualTo(n.text());
    }
  }

  @ParameterizedTest
  @MethodSource("texts")
  void null_language_hint_or_odd_hint_is_fine(String text) {
    assertThat(ENGINE.classify(new ClassifyRequest.Item("1", text, "de", "x")).id()).isEqualTo("1");
  }
}
