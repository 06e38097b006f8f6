package fr.vigie.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeobfuscatorTest {

  final Deobfuscator d = new Deobfuscator(Map.of("jvé", "je vais", "g", "j'ai"),
      masked -> masked.equals("f**k") ? "fuck" : masked.equals("encul*") ? "encule" : null);

  String rewrite(String s) {
    return d.rewrite(s).text();
  }

  @Test
  void spaced_letters_are_joined() {
    assertThat(rewrite("je vais me s u i c i d e")).isEqualTo("je vais me suicide");
    assertThat(rewrite("k.i.l.l myself")).isEqualTo("kill myself");
    assertThat(rewrite("il y a un")).isEqualTo("il y a un");
  }

  @Test
  void letter_runs_collapse() {
    assertThat(rewrite("aideeeez moiii")).isEqualTo("aidez moi");
    assertThat(rewrite("helpppp")).isEqualTo("help");
    assertThat(rewrite("cool assez")).isEqualTo("cool assez");
  }

  @Test
  void leetspeak_is_decoded_but_numbers_times_and_ordinals_are_not() {
    assertThat(rewrite("su1c1de c0nnard b1tch")).isEqualTo("suicide connard bitch");
    assertThat(rewrite("rdv à 14h30 au 3ème, 06 12 34 56 78")).isEqualTo("rdv à 14h30 au 3ème, 06 12 34 56 78");
  }

  @Test
  void masks_and_sms_spellings_are_resolved() {
    assertThat(rewrite("f**k you")).isEqualTo("fuck you");
    assertThat(rewrite("bande d'encul*")).isEqualTo("bande d'encule");
    assertThat(rewrite("jvé en finir, g plus envie")).isEqualTo("je vais en finir, j'ai plus envie");
  }

  @Test
  void mentions_are_left_alone() {
    assertThat(rewrite("@M4isonDurand merci")).isEqualTo("@M4isonDurand merci");
  }

  @Test
  void rewritten_words_keep_their_original_span() {
    String original = "jvé me s u i c i d e";
    MappedText m = d.rewrite(original);
    int start = m.text().indexOf("suicide");
    assertThat(original.substring(m.originalStart(start), m.originalEnd(start + 7))).isEqualTo("s u i c i d e");
    int jv = m.text().indexOf("je vais");
    assertThat(original.substring(m.originalStart(jv), m.originalEnd(jv + 7))).isEqualTo("jvé");
  }
}
