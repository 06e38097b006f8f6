package fr.vigie.classification.lexicon;

import java.util.List;

/** A lexicon pattern compiled for one language's stemmer: a sequence of word tests and gaps, over coded tokens. */
public record Phrase(List<Step> steps) {

  /** One step of a phrase. */
  public sealed interface Step permits Word, Gap {}

  /**
   * One token whose stem or surface is one of {@code words} (only its surface when {@code exact}), or that starts
   * with one of {@code prefixes}, or any token.
   */
  public record Word(int[] words, int[] prefixes, boolean any, boolean exact, int[] exactWords,
      java.util.BitSet wordSet) implements Step {

    /** Large choices (a set of 40 roles) are tested through a bit set instead of a scan. */
    public Word(int[] words, int[] prefixes, boolean any, boolean exact) {
      this(words, prefixes, any, exact, new int[0]);
    }

    /** @param exactWords choices written "=form": matched on the token's surface only, never its stem */
    public Word(int[] words, int[] prefixes, boolean any, boolean exact, int[] exactWords) {
      this(words, prefixes, any, exact, exactWords, words.length > 8 ? bits(words) : null);
    }

    private static java.util.BitSet bits(int[] words) {
      java.util.BitSet set = new java.util.BitSet();
      for (int w : words) {
        set.set(w);
      }
      return set;
    }

    public boolean accepts(Vocabulary.Codes codes, int i) {
      if (any) {
        return true;
      }
      int surface = codes.surfaces()[i];
      int stem = exact ? surface : codes.stems()[i];
      if (wordSet != null) {
        if ((stem >= 0 && wordSet.get(stem)) || (surface >= 0 && wordSet.get(surface))) {
          return true;
        }
      } else {
        for (int w : words) {
          if (w == stem || w == surface) {
            return true;
          }
        }
      }
      for (int w : exactWords) {
        if (w == surface) {
          return true;
        }
      }
      for (int p : prefixes) {
        for (int q : codes.prefixes()[i]) {
          if (p == q) {
            return true;
          }
        }
      }
      return false;
    }
  }

  /** Up to {@code max} tokens of anything. */
  public record Gap(int max) implements Step {}

  /**
   * The step to index this phrase by: the one least likely to occur in any text — no common word among its
   * choices, and long words rather than short ones — so that a text only tries the phrases whose rarest word it has.
   */
  public int anchor(java.util.Set<Integer> common, Vocabulary vocabulary) {
    int best = 0;
    int bestScore = Integer.MIN_VALUE;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      if (!(s instanceof Word) || ((Word) s).any()) {
        continue;
      }
      Word w = (Word) s;
      int commonChoices = 0;
      for (int id : w.words()) {
        commonChoices += common.contains(id) ? 1 : 0;
      }
      int score = -1000 * commonChoices + vocabulary.shortest(w);
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }

  /**
   * The span [start, end) of a match whose step {@code anchor} is token {@code at}, or null: the steps after the
   * anchor are matched forward from it, the steps before it backward.
   */
  public int[] matchAround(Vocabulary.Codes codes, int at, int anchor) {
    int end = match(codes, at + 1, anchor + 1);
    if (end < 0) {
      return null;
    }
    int start = matchBack(codes, at - 1, anchor - 1);
    return start < 0 ? null : new int[] {start, end};
  }

  private int matchBack(Vocabulary.Codes codes, int at, int step) {
    if (step < 0) {
      return at + 1;
    }
    Step s = steps.get(step);
    if (s instanceof Gap) {
      int max = ((Gap) s).max();
      for (int skip = 0; skip <= max && at - skip >= -1; skip++) {
        int start = matchBack(codes, at - skip, step - 1);
        if (start >= 0) {
          return start;
        }
      }
      return -1;
    }
    if (at < 0 || !((Word) s).accepts(codes, at)) {
      return -1;
    }
    return matchBack(codes, at - 1, step - 1);
  }

  private int match(Vocabulary.Codes codes, int at, int step) {
    if (step == steps.size()) {
      return at;
    }
    Step s = steps.get(step);
    if (s instanceof Gap) {
      int max = ((Gap) s).max();
      for (int skip = 0; skip <= max && at + skip <= codes.size(); skip++) {
        int end = match(codes, at + skip, step + 1);
        if (end >= 0) {
          return end;
        }
      }
      return -1;
    }
    if (at >= codes.size() || !((Word) s).accepts(codes, at)) {
      return -1;
    }
    return match(codes, at + 1, step + 1);
  }
}
