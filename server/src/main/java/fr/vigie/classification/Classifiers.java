package fr.vigie.classification;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds the classifier the server uses, so the app, the benchmarks and the corpus tests all measure the same one. */
public final class Classifiers {

  private Classifiers() {}

  public static Classifier standard(ObjectMapper mapper) {
    return new RuleClassifier(Taxonomy.load(mapper));
  }
}
