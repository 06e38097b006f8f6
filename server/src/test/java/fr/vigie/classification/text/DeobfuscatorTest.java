package fr.vigie.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class DeobfuscatorTest {

  final Deobfuscator d = new Deobfuscator(java.util.Set.of("b1"),
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
  void masks_are_resolved_and_sms_spellings_kept_for_the_token_table() {
    assertThat(rewrite("f**k you")).isEqualTo("fuck you");
    assertThat(rewrite("bande d'encul*")).isEqualTo("bande d'encule");
    assertThat(rewrite("c b1 jvé")).isEqualTo("c b1 jvé");
  }

  @Test
  void mentions_are_left_alone() {
    assertThat(rewrite("@M4isonDurand merci")).isEqualTo("@M4isonDurand merci");
  }

  @Test
  void rewritten_words_keep_their_original_span() {
    String original = "je me s u i c i d e, c0nnard";
    MappedText m = d.rewrite(original);
    int start = m.text().indexOf("suicide");
    assertThat(original.substring(m.originalStart(start), m.originalEnd(start + 7))).isEqualTo("s u i c i d e");
    int c = m.text().indexOf("connard");
    assertThat(original.substring(m.originalStart(c), m.originalEnd(c + 7))).isEqualTo("c0nnard");
  }
}
