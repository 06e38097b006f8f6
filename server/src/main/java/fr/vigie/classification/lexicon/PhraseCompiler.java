package fr.vigie.classification.lexicon;

import fr.vigie.classification.text.Analysis;
import fr.vigie.classification.text.Token;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles the pattern part of a lexicon line. Grammar, one space between steps:
 * <pre>
 *   word        the word, compared by stem (so "suicider" also finds "suicide", "suicidaire" needs suicid*)
 *   =word       exactly this form (accents folded), when stemming would confuse it with another word (=pris, =mois)
 *   pré*        any word starting with "pre" (accents folded)
 *   a|b|c       one of these words (each may end with *, start with = for an exact form, or be a @set)
 *   @name       one of the words of a set declared "@name = a|b|c"
 *   _           any one word
 *   ~  ~N       up to 3 (or N) words of anything
 * </pre>
 * A plain word that the analyzer cuts in two ("peut-être") becomes two steps.
 */
final class PhraseCompiler {

  private final Analysis analysis;
  private final Map<String, List<String>> sets;
  private final Vocabulary vocabulary;

  PhraseCompiler(Analysis analysis, Map<String, List<String>> sets, Vocabulary vocabulary) {
    this.analysis = analysis;
    this.sets = sets;
    this.vocabulary = vocabulary;
  }

  Phrase compile(String pattern, String lang, String where) {
    List<Phrase.Step> steps = new ArrayList<>();
    for (String chunk : pattern.trim().split("\\s+")) {
      if (chunk.equals("_")) {
        steps.add(new Phrase.Word(new int[0], new int[0], true, false));
      } else if (chunk.matches("~\\d*")) {
        steps.add(new Phrase.Gap(chunk.length() == 1 ? 3 : Integer.parseInt(chunk.substring(1))));
      } else if (chunk.startsWith("@")) {
        List<String> words = sets.get(chunk.substring(1));
        if (words == null) {
          throw new LexiconException(where, "ensemble inconnu " + chunk + " (déclarez « " + chunk + " = a|b|c »)");
        }
        steps.add(alternatives(words, lang, where));
      } else if (chunk.startsWith("=") && chunk.length() > 1 && !chunk.contains("|")) {
        List<Token> tokens = analysis.tokens(chunk.substring(1), null);
        if (tokens.size() != 1) {
          throw new LexiconException(where, "« " + chunk + " » : =forme exacte s'applique à un seul mot");
        }
        steps.add(new Phrase.Word(new int[] {vocabulary.word(tokens.get(0).surface())}, new int[0], false, true));
      } else if (chunk.contains("|") || chunk.endsWith("*")) {
        steps.add(alternatives(List.of(chunk.split("\\|")), lang, where));
      } else {
        List<Token> tokens = analysis.tokens(chunk, "fr");
        if (tokens.isEmpty()) {
          throw new LexiconException(where, "« " + chunk + " » ne contient aucun mot");
        }
        for (Token t : tokens) {
          steps.add(new Phrase.Word(ids(new LinkedHashSet<>(List.of(Analysis.stem(t.surface(), lang), t.surface()))), new int[0], false, false));
        }
      }
    }
    if (steps.isEmpty() || !(steps.get(0) instanceof Phrase.Word) || ((Phrase.Word) steps.get(0)).any()
        || !(steps.get(steps.size() - 1) instanceof Phrase.Word)) {
      throw new LexiconException(where, "un motif commence et finit par un mot (pas par _ ni ~)");
    }
    return new Phrase(List.copyOf(steps));
  }

  private Phrase.Word alternatives(List<String> words, String lang, String where) {
    Set<String> stems = new LinkedHashSet<>();
    Set<String> exact = new LinkedHashSet<>();
    List<String> prefixes = new ArrayList<>();
    for (String word : expandSets(words, where)) {
      boolean isExact = word.startsWith("=") && word.length() > 1;
      boolean prefix = word.endsWith("*");
      String bare = word.substring(isExact ? 1 : 0, prefix ? word.length() - 1 : word.length());
      List<Token> tokens = analysis.tokens(bare, "fr");
      if (tokens.size() != 1) {
        throw new LexiconException(where, "« " + word + " » : dans a|b|c ou un ensemble, chaque choix est un seul mot");
      }
      String surface = tokens.get(0).surface();
      if (prefix) {
        if (surface.length() < 3) {
          throw new LexiconException(where, "préfixe trop court « " + word + " » (3 lettres au moins)");
        }
        prefixes.add(surface);
      } else if (isExact) {
        exact.add(surface);
      } else {
        stems.add(Analysis.stem(surface, lang));
        stems.add(surface);
      }
    }
    int[] prefixIds = prefixes.stream().mapToInt(vocabulary::prefix).toArray();
    return new Phrase.Word(ids(stems), prefixIds, false, false, ids(exact));
  }

  /** "a|@fr_role|b": a set's words join the other choices. */
  private List<String> expandSets(List<String> words, String where) {
    List<String> out = new ArrayList<>();
    for (String word : words) {
      if (word.startsWith("@")) {
        List<String> set = sets.get(word.substring(1));
        if (set == null) {
          throw new LexiconException(where, "ensemble inconnu " + word);
        }
        out.addAll(set);
      } else {
        out.add(word);
      }
    }
    return out;
  }

  private int[] ids(Set<String> words) {
    return words.stream().mapToInt(vocabulary::word).toArray();
  }
}
