package fr.vigie.classification;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.classification.lexicon.LexiconLoader;
import fr.vigie.classification.lexicon.LexiconSource;
import fr.vigie.classification.model.LearnedModel;
import fr.vigie.classification.text.Analysis;

/** Builds the engine the server uses, so the app, the benchmarks and the corpus tests all measure the same one. */
public final class Classifiers {

  /** The learned model's file, beside the lexicons (read at start; see LearnedModel). */
  public static final String MODEL = "model.tsv";

  private Classifiers() {}

  /** The engine with the lexicons shipped in the jar. */
  public static Engine standard(ObjectMapper mapper) {
    return from(new LexiconSource.Classpath(), mapper);
  }

  public static Engine from(LexiconSource source, ObjectMapper mapper) {
    return from(source, mapper, source.read(MODEL).map(LearnedModel::parse).orElse(LearnedModel.NONE));
  }

  /** The engine with the jar's lexicons and no learned model: what the lexicons alone say (model training). */
  public static Engine lexiconsOnly(ObjectMapper mapper) {
    return from(new LexiconSource.Classpath(), mapper, LearnedModel.NONE);
  }

  /** The engine with the jar's lexicons and another learned model (generalization tests train their own). */
  public static Engine withModel(ObjectMapper mapper, LearnedModel model) {
    return from(new LexiconSource.Classpath(), mapper, model);
  }

  private static Engine from(LexiconSource source, ObjectMapper mapper, LearnedModel model) {
    Taxonomy taxonomy = Taxonomy.load(mapper);
    Analysis analysis = new Analysis();
    return new Engine(taxonomy, analysis, new LexiconLoader(analysis, taxonomy.labels()).load(source), model);
  }

  /** The engine reading a folder; an absent or empty folder first receives the lexicons shipped in the jar. */
  public static Engine fromFolder(java.nio.file.Path folder, ObjectMapper mapper) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.exists(folder)
        ? java.nio.file.Files.list(folder) : java.util.stream.Stream.empty()) {
      if (files.findAny().isEmpty()) {
        LexiconLoader.exportDefaults(folder, Taxonomy.load(mapper).labels());
      }
      // A folder written before the learned model existed gets the jar's model beside its lexicons.
      java.nio.file.Path model = folder.resolve(MODEL);
      if (!java.nio.file.Files.exists(model)) {
        java.util.Optional<String> shipped = new LexiconSource.Classpath().read(MODEL);
        if (shipped.isPresent()) {
          java.nio.file.Files.writeString(model, shipped.get());
        }
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
