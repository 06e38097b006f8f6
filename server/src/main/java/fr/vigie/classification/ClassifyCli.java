package fr.vigie.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fr.vigie.classification.lexicon.LexiconSource;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * For whoever edits lexicons: classifies each argument (or each line of standard input) and prints the result.
 * {@code java -cp server/target/vigie-server.jar fr.vigie.classification.ClassifyCli "je vais me foutre en l'air"};
 * with VIGIE_LEXICON_DIR set, the lexicons are read from that folder.
 */
public final class ClassifyCli {

  private ClassifyCli() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    String dir = System.getenv("VIGIE_LEXICON_DIR");
    Engine engine = dir == null || dir.isBlank()
        ? Classifiers.standard(mapper) : Classifiers.from(new LexiconSource.Folder(Path.of(dir)), mapper);
    if (args.length > 0) {
      for (int i = 0; i < args.length; i++) {
        System.out.println(mapper.writeValueAsString(engine.classify(new ClassifyRequest.Item(String.valueOf(i + 1), args[i], null, null))));
      }
      return;
    }
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = in.readLine()) != null) {
      Classification c = engine.classify(new ClassifyRequest.Item(String.valueOf(++n), line, null, null));
      System.out.println(c.risk() + "\t" + c.labels().stream().map(Classification.LabelResult::label).toList() + "\t" + line);
    }
  }
}
