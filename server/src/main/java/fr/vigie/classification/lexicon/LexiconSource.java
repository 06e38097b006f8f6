package fr.vigie.classification.lexicon;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** Where lexicon files come from: the defaults inside the jar, or a folder a supervisor edits. */
public sealed interface LexiconSource {

  /** The file's text, or empty when it does not exist. */
  Optional<String> read(String name);

  /** A value that changes whenever a file changes (0 for the jar, which never does). */
  long version();

  String describe();

  /** The lexicons shipped in the jar under /lexicons. */
  record Classpath() implements LexiconSource {
    @Override
    public Optional<String> read(String name) {
      try (InputStream in = LexiconSource.class.getResourceAsStream("/lexicons/" + name)) {
        return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public long version() {
      return 0;
    }

    @Override
    public String describe() {
      return "lexiques intégrés (classpath:/lexicons)";
    }
  }

  /** A folder with the same layout as /lexicons in the jar. */
  record Folder(Path root) implements LexiconSource {
    @Override
    public Optional<String> read(String name) {
      try {
        return Optional.of(Files.readString(root.resolve(name), StandardCharsets.UTF_8));
      } catch (NoSuchFileException e) {
        return Optional.empty();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public long version() {
      try (Stream<Path> files = Files.walk(root)) {
        return files.filter(Files::isRegularFile).mapToLong(p -> {
          try {
            return Files.getLastModifiedTime(p).toMillis() ^ Files.size(p) ^ p.hashCode();
          } catch (IOException e) {
            return 0;
          }
        }).sum();
      } catch (IOException e) {
        return -1;
      }
    }

    @Override
    public String describe() {
      return root.toAbsolutePath().toString();
    }
  }
}
