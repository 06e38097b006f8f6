package fr.vigie.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class RendererTest {

  static final Vars FULL = new Vars("Léa Martin", "Léa", "Ça fait trois semaines que j’attends ma commande", "Maison Dupont",
      "le 3114 (numéro national de prévention du suicide, gratuit, 24 h/24)", "Vous pouvez aussi joindre SOS Amitié au 09 72 39 40 50.",
      "le 15 ou le 112", "Camille", "VG-1234ABCD");

  @Test
  void variables_are_replaced_and_optional_passages_kept_when_there_is_room() {
    Renderer.Rendered r = Renderer.render("Bonjour {first_name}, merci.[[ Dossier {case_ref}.]] {cm_name}, équipe {brand}",
        FULL, "facebook", Kind.PUBLIC_REPLY);
    assertThat(r.text()).isEqualTo("Bonjour Léa, merci. Dossier VG-1234ABCD. Camille, équipe Maison Dupont");
    assertThat(r.shortened()).isFalse();
    assertThat(r.limit()).isEqualTo(8000);
  }

  @Test
  void a_missing_first_name_leaves_a_readable_sentence_not_a_brace_or_a_dangling_comma() {
    Vars none = new Vars("", "", "", "Maison Dupont", "le 3114", "", "le 15", "Camille", "VG-1");
    assertThat(Renderer.render("{first_name}, nous avons lu votre message.", none, "x", Kind.PUBLIC_REPLY).text())
        .isEqualTo("Nous avons lu votre message.");
    assertThat(Renderer.render("Bonjour {first_name},\n\nMerci pour votre question (« {quote} »). À bientôt.", none, "x",
        Kind.PRIVATE_MESSAGE).text()).isEqualTo("Bonjour,\n\nMerci pour votre question. À bientôt.");
    assertThat(Renderer.render("J’ai bien noté : « {quote} ».", none, "x", Kind.PRIVATE_MESSAGE).text())
        .isEqualTo("J’ai bien noté.");
  }

  @Test
  void html_and_script_in_an_author_name_stay_text() {
    Vars evil = new Vars("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "", "B", "h", "", "e", "C", "R");
    String text = Renderer.render("Bonjour {first_name} ({author})", evil, "forum", Kind.PUBLIC_REPLY).text();
    assertThat(text).isEqualTo("Bonjour <img src=x onerror=alert(1)> (<script>alert(1)</script>)");
  }

  @Test
  void a_right_to_left_name_is_isolated_so_it_does_not_reorder_the_sentence() {
    Vars rtl = new Vars("مريم", "مريم", "", "B", "h", "", "e", "C", "R");
    String text = Renderer.render("Bonjour {first_name}, merci.", rtl, "x", Kind.PUBLIC_REPLY).text();
    assertThat(text).isEqualTo("Bonjour \u2068مريم\u2069, merci.");
    assertThat(Renderer.render("Bonjour {first_name}, merci.", FULL, "x", Kind.PUBLIC_REPLY).text()).doesNotContain("\u2068");
  }

  @Test
  void on_x_optional_passages_go_first_last_one_first_and_the_required_text_stays_whole() {
    String template = "{first_name}, nous sommes là.[[ Un.]] Appelez {helpline}. Urgence : {emergency}.[[ "
        + "x".repeat(150) + ".]]";
    Renderer.Rendered r = Renderer.render(template, FULL, "x", Kind.PUBLIC_REPLY);
    assertThat(r.text()).isEqualTo("Léa, nous sommes là. Un. Appelez " + FULL.helpline() + ". Urgence : le 15 ou le 112.");
    assertThat(r.shortened()).isTrue();
    assertThat(r.length()).isLessThanOrEqualTo(280);
  }

  @Test
  void a_long_quote_is_shortened_at_a_word_before_the_text_is_cut() {
    Vars longQuote = new Vars("Léa", "Léa", "mot ".repeat(200).strip(), "B", "h", "", "e", "C", "R");
    Renderer.Rendered r = Renderer.render("Vous avez écrit « {quote} ». Nous revenons vers vous.", longQuote, "x", Kind.PUBLIC_REPLY);
    assertThat(r.length()).isLessThanOrEqualTo(280);
    assertThat(r.text()).endsWith("… ». Nous revenons vers vous.");
    assertThat(r.text()).doesNotContain("mo …").doesNotContain("m…");
  }

  @Test
  void x_counts_emoji_and_cjk_twice() {
    assertThat(Limits.length("x", "abc")).isEqualTo(3);
    assertThat(Limits.length("x", "😀")).isEqualTo(2);
    assertThat(Limits.length("x", "日本")).isEqualTo(4);
    assertThat(Limits.length("facebook", "😀")).isEqualTo(1);
    String emoji = "😀".repeat(200);
    Renderer.Rendered r = Renderer.render(emoji, FULL, "x", Kind.PUBLIC_REPLY);
    assertThat(r.length()).isLessThanOrEqualTo(280);
    assertThat(r.text()).endsWith("…");
  }

  @Test
  void unknown_variables_and_unbalanced_optional_marks_are_refused_with_the_reason() {
    assertThat(Renderer.problems("Bonjour {prenom}")).singleElement().asString().contains("{prenom}");
    assertThat(Renderer.problems("Bonjour [[ ouvert")).singleElement().asString().contains("n’est pas fermé");
    assertThat(Renderer.problems("[[ a [[ b ]] ]]")).singleElement().asString().contains("non imbriqués");
    assertThat(Renderer.problems("")).isNotEmpty();
    assertThat(Renderer.problems("Bonjour {first_name}[[ !]]")).isEmpty();
  }

  @Test
  void every_shipped_template_fits_x_with_the_longest_helplines_and_keeps_them_whole() {
    Library library = new Library(new ObjectMapper());
    for (String country : library.countries()) {
      for (Library.DefaultTemplate t : library.templates()) {
        Library.Helpline lines = library.helpline(country, t.lang());
        Vars vars = new Vars("Marie-Hélène Dupont-Laurent", "Marie-Hélène", "mot ".repeat(60).strip(),
            "Maison Dupont et Fils", lines.helpline(), lines.other(), lines.emergency(), "Camille Lefèvre", "01JD2X8A0B1C");
        Renderer.Rendered r = Renderer.render(t.text(), vars, "x", t.kind());
        assertThat(r.length()).as(t + " in " + country).isLessThanOrEqualTo(r.limit());
        assertThat(r.text()).as(t + " in " + country).doesNotContain("{").doesNotContain("[[").doesNotContain("…");
        if (t.label().equals("distress") && t.kind() != Kind.PRIVATE_MESSAGE) {
          assertThat(r.text()).as("distress reply in " + country).contains(lines.helpline()).contains(lines.emergency());
        }
      }
    }
  }

  @Test
  void first_names_come_from_display_names_that_start_with_one() {
    assertThat(Names.firstName("Léa Martin", "lea_m")).isEqualTo("Léa");
    assertThat(Names.firstName("🌸 Jean-Luc 🌸", null)).isEqualTo("Jean-Luc");
    assertThat(Names.firstName("SAV_Fan_75", "savfan")).isEqualTo("SAV_Fan_75");
    assertThat(Names.firstName("", "lea_m")).isEqualTo("@lea_m");
    assertThat(Names.author(null, null)).isEmpty();
  }
}
