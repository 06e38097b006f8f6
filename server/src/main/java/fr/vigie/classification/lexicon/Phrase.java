package fr.vigie.classification.lexicon;

import fr.vigie.classification.text.Token;
import java.util.List;
import java.util.Set;

/** A lexicon pattern compiled for one language's stemmer: a sequence of token tests and gaps. */
public record Phrase(List<Step> steps) {

  /** One step of a phrase. */
  public sealed interface Step permits Word, Gap {}

  /** One token that is one of these stems, or starts with one of these folded prefixes, or is any token. */
  public record Word(Set<String> stems, List<String> prefixes, boolean any) implements Step {
    boolean accepts(Token t) {
      if (any || stems.contains(t.stem()) || stems.contains(t.surface())) {
        return true;
      }
      for (String p : prefixes) {
        if (t.surface().startsWith(p)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Up to {@code max} tokens of anything. */
  public record Gap(int max) implements Step {}

  public Word first() {
    return (Word) steps.get(0);
  }

  /** End (exclusive token index) of a match of this phrase starting at token {@code at}, or -1. */
  public int matchAt(List<Token> tokens, int at) {
    return match(tokens, at, 0);
  }

  private int match(List<Token> tokens, int at, int step) {
    if (step == steps.size()) {
      return at;
    }
    Step s = steps.get(step);
    if (s instanceof Gap) {
      int max = ((Gap) s).max();
      for (int skip = 0; skip <= max && at + skip <= tokens.size(); skip++) {
        int end = match(tokens, at + skip, step + 1);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (at >= tokens.size() || !((Word) s).accepts(tokens.get(at))) {
      return -1;
    }
    return match(tokens, at + 1, step + 1);
  }
}
