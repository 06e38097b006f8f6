package fr.vigie.classification.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanerTest {

  @Test
  void zero_width_and_bidi_characters_disappear_and_offsets_still_point_at_the_original() {
    String original = "je vais me su\u200Bici\u200Dder \u202Eok\u202C";
    MappedText clean = Cleaner.clean(original);
    assertThat(clean.text()).isEqualTo("je vais me suicider ok");
    int start = clean.text().indexOf("suicider");
    int end = start + "suicider".length();
    assertThat(original.substring(clean.originalStart(start), clean.originalEnd(end))).isEqualTo("su\u200Bici\u200Dder");
  }

  @Test
  void cyrillic_and_greek_look_alikes_become_latin() {
    assertThat(Cleaner.clean("cоnnаrd").text()).isEqualTo("connard"); // о and а are Cyrillic
    assertThat(Cleaner.clean("tuеr").text()).isEqualTo("tuer");
  }

  @Test
  void styled_and_fullwidth_letters_become_plain() {
    assertThat(Cleaner.clean("𝐬𝐮𝐢𝐜𝐢𝐝𝐞").text()).isEqualTo("suicide");
    assertThat(Cleaner.clean("ｋｉｌｌ").text()).isEqualTo("kill");
  }

  @Test
  void lone_surrogates_become_spaces_and_emoji_stay() {
    String original = "a\uD800b 😂";
    MappedText clean = Cleaner.clean(original);
    assertThat(clean.text()).isEqualTo("a b 😂");
    assertThat(clean.originalEnd(clean.length())).isEqualTo(original.length());
  }

  @Test
  void typographic_apostrophes_and_narrow_spaces_are_normalized() {
    assertThat(Cleaner.clean("j’ai\u202F?").text()).isEqualTo("j'ai ?");
  }
}
