package fr.vigie.classification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/** A labelled corpus: JSON lines {id, lang, text, labels, hard, reason}. */
record Corpus(List<Message> messages) {

  record Message(String id, String lang, String text, Set<String> labels, boolean hard, String reason) {}

  /** Every *.jsonl under the folder, or the one file. */
  static Corpus read(Path path) {
    try (Stream<Path> files = Files.isDirectory(path) ? Files.list(path) : Stream.of(path)) {
      List<Message> out = new ArrayList<>();
      ObjectMapper json = new ObjectMapper();
      for (Path file : files.filter(p -> p.toString().endsWith(".jsonl")).sorted().toList()) {
        int number = 0;
        for (String line : Files.readAllLines(file)) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode n = json.readTree(line);
          Set<String> labels = new TreeSet<>();
          n.path("labels").forEach(l -> labels.add(l.asText()));
          if (!n.hasNonNull("text")) {
            throw new IllegalArgumentException(file + ":" + number + " has no text");
          }
          out.add(new Message(n.path("id").asText(file.getFileName() + ":" + number), n.path("lang").asText(""),
              n.get("text").asText(), labels, n.path("hard").asBoolean(false), n.path("reason").asText("")));
        }
      }
      return new Corpus(List.copyOf(out));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
