package fr.vigie.classification;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.lexicon.LexiconSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexiconReloadTest {

  @TempDir Path folder;
  final ObjectMapper mapper = new ObjectMapper();

  String risk(Engine engine, String text) {
    return engine.classify(new ClassifyRequest.Item("1", text, null, null)).risk();
  }

  @Test
  void an_empty_folder_receives_the_defaults_and_an_edit_is_picked_up() throws IOException {
    Engine engine = Classifiers.fromFolder(folder, mapper);
    assertThat(folder.resolve("fr").resolve("distress.txt")).exists();
    String text = "le bateau ivre du capitaine haddock";
    assertThat(risk(engine, text)).isEqualTo("none");

    try (LexiconWatcher watcher = new LexiconWatcher(new LexiconSource.Folder(folder), Classifiers.loader(mapper),
        engine, Duration.ofHours(1))) {
      Files.writeString(folder.resolve("fr").resolve("rumor.txt"),
          "\n0.9 capitaine haddock ; test de rechargement ; reload test\n", StandardOpenOption.APPEND);
      assertThat(watcher.poll()).isTrue();
      assertThat(risk(engine, text)).isEqualTo("medium");
    }
  }

  @Test
  void a_broken_file_is_refused_and_the_last_good_lexicon_keeps_working() throws IOException {
    Engine engine = Classifiers.fromFolder(folder, mapper);
    String distress = "je vais me suicider";
    assertThat(risk(engine, distress)).isEqualTo("critical");
    try (LexiconWatcher watcher = new LexiconWatcher(new LexiconSource.Folder(folder), Classifiers.loader(mapper),
        engine, Duration.ofHours(1))) {
      Files.writeString(folder.resolve("fr").resolve("distress.txt"), "\nthis line has no weight ; a ; b\n",
          StandardOpenOption.APPEND);
      assertThat(watcher.poll()).isFalse();
      assertThat(risk(engine, distress)).isEqualTo("critical");
    }
  }
}
