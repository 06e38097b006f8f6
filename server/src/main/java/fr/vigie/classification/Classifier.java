package fr.vigie.classification;

/** Classifies one text. Implementations are pure logic and safe to call from many threads at once. */
public interface Classifier {

  Classification classify(ClassifyRequest.Item item);
}
