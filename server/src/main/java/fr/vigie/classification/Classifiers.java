package fr.vigie.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.lexicon.LexiconLoader;
import fr.vigie.classification.lexicon.LexiconSource;
import fr.vigie.classification.text.Analysis;

/** Builds the engine the server uses, so the app, the benchmarks and the corpus tests all measure the same one. */
public final class Classifiers {

  private Classifiers() {}

  /** The engine with the lexicons shipped in the jar. */
  public static Engine standard(ObjectMapper mapper) {
    return from(new LexiconSource.Classpath(), mapper);
  }

  public static Engine from(LexiconSource source, ObjectMapper mapper) {
    Taxonomy taxonomy = Taxonomy.load(mapper);
    Analysis analysis = new Analysis();
    return new Engine(taxonomy, analysis, new LexiconLoader(analysis, taxonomy.labels()).load(source));
  }

  /** The engine reading a folder; an absent or empty folder first receives the lexicons shipped in the jar. */
  public static Engine fromFolder(java.nio.file.Path folder, ObjectMapper mapper) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.exists(folder)
        ? java.nio.file.Files.list(folder) : java.util.stream.Stream.empty()) {
      if (files.findAny().isEmpty()) {
        LexiconLoader.exportDefaults(folder, Taxonomy.load(mapper).labels());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return from(new LexiconSource.Folder(folder), mapper);
  }

  public static LexiconLoader loader(ObjectMapper mapper) {
    return new LexiconLoader(new Analysis(), Taxonomy.load(mapper).labels());
  }
}
