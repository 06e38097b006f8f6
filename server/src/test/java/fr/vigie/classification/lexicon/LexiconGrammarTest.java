package fr.vigie.classification.lexicon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.Classifiers;
import fr.vigie.classification.ClassifyRequest;
import fr.vigie.classification.Engine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The line grammar of lexicon files, on a copy of the shipped lexicons with one test entry added. */
class LexiconGrammarTest {

  @TempDir Path folder;
  final ObjectMapper mapper = new ObjectMapper();

  Engine withRumor(String line) throws IOException {
    Classifiers.fromFolder(folder, mapper);
    Files.writeString(folder.resolve("fr").resolve("rumor.txt"), "\n" + line + "\n", StandardOpenOption.APPEND);
    return Classifiers.from(new LexiconSource.Folder(folder), mapper);
  }

  boolean rumor(Engine engine, String text) {
    return engine.classify(new ClassifyRequest.Item("1", text, "fr", null)).labels().stream()
        .anyMatch(l -> l.label().equals("rumor"));
  }

  @Test
  void an_exact_form_inside_a_choice_matches_that_form_only() throws IOException {
    Engine engine = withRumor("0.9 capitaine =pris|zorglub ; test ; test");
    assertThat(rumor(engine, "le capitaine pris au piège")).isTrue();
    assertThat(rumor(engine, "le capitaine zorglubs arrive")).isTrue();
    assertThat(rumor(engine, "le capitaine prise au piège")).isFalse();
  }

  @Test
  void a_set_inside_a_choice_adds_its_words() throws IOException {
    Files.createDirectories(folder);
    Engine engine = withRumor("0.9 mousquetaire zorglub|@fr_proche ; test ; test");
    assertThat(rumor(engine, "le mousquetaire zorglub")).isTrue();
    assertThat(rumor(engine, "le mousquetaire soeur")).isTrue();
  }

  @Test
  void gaps_allow_words_in_between() throws IOException {
    Engine engine = withRumor("0.9 moulinsart ~2 fermer ; test ; test");
    assertThat(rumor(engine, "moulinsart va bientôt fermer")).isTrue();
    assertThat(rumor(engine, "moulinsart va sans doute très bientôt fermer")).isFalse();
  }

  @Test
  void a_line_without_weight_names_its_file_and_line() throws IOException {
    assertThatThrownBy(() -> withRumor("rumeur sans poids ; a ; b"))
        .isInstanceOf(LexiconException.class).hasMessageContaining("fr/rumor.txt:");
  }

  @Test
  void an_unknown_set_is_refused() throws IOException {
    assertThatThrownBy(() -> withRumor("0.5 @fr_inconnu truc ; a ; b"))
        .isInstanceOf(LexiconException.class).hasMessageContaining("@fr_inconnu");
  }
}
