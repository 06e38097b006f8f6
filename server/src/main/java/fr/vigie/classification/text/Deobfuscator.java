package fr.vigie.classification.text;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * Stage B: rewrites how social-media text spells words — s u i c i d e, aideeeez, su1c1de, encul* — into the
 * words themselves, word by word, keeping each word's original span. (SMS spellings such as "jvé" are expanded
 * later, word by word, by the engine's token table.) Lexicon matching runs on the result.
 */
public final class Deobfuscator {

  private final java.util.Set<String> keep;
  private final Function<String, String> unmask;

  /**
   * @param keep words to leave as written (SMS spellings such as "b1", "2m1", expanded later word by word)
   * @param unmask the word a masked one stands for ("f**k" → "fuck"), or null when none fits
   */
  public Deobfuscator(java.util.Set<String> keep, Function<String, String> unmask) {
    this.keep = java.util.Set.copyOf(keep);
    this.unmask = unmask;
  }

  /** The rewritten text, each char mapped to its span in {@code clean}. */
  public MappedText rewrite(String clean) {
    MappedText joined = joinSpacedLetters(clean);
    return joined.compose(words(joined.text()));
  }

  /** "s u i c i d e", "k.i.l.l": four or more single letters separated by one space, dot or dash become one word. */
  static MappedText joinSpacedLetters(String s) {
    int first = -1;
    for (int i = 0; i < s.length() && first < 0; i++) {
      if (spacedRunEnd(s, i) > 0) {
        first = i;
      }
    }
    if (first < 0) {
      return MappedText.identity(s);
    }
    MappedText.Builder out = new MappedText.Builder(s.length());
    for (int i = 0; i < first; i++) {
      out.append(s.charAt(i), i, i + 1);
    }
    int i = first;
    while (i < s.length()) {
      int end = spacedRunEnd(s, i);
      if (end > 0) {
        for (int j = i; j < end; j += 2) {
          out.append(s.charAt(j), i, end);
        }
        i = end;
      } else {
        out.append(s.charAt(i), i, i + 1);
        i++;
      }
    }
    return out.build();
  }

  private static int spacedRunEnd(String s, int i) {
    if ((i > 0 && Character.isLetterOrDigit(s.charAt(i - 1))) || !Character.isLetter(s.charAt(i))) {
      return -1;
    }
    int letters = 1;
    int j = i + 1;
    while (j + 1 < s.length() && isSpacer(s.charAt(j)) && Character.isLetter(s.charAt(j + 1))
        && (j + 2 >= s.length() || !Character.isLetterOrDigit(s.charAt(j + 2)))) {
      letters++;
      j += 2;
    }
    return letters >= 4 ? j : -1;
  }

  private static boolean isSpacer(char c) {
    return c == ' ' || c == '.' || c == '-' || c == '_';
  }

  private MappedText words(String s) {
    MappedText.Builder out = null;
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (!isWordChar(c)) {
        if (out != null) {
          out.append(c, i, i + 1);
        }
        i++;
        continue;
      }
      int end = i;
      while (end < s.length() && isWordChar(s.charAt(end))) {
        end++;
      }
      if (isPlain(s, i, end)) {
        // Most words: letters without a run of three: nothing to rewrite, nothing to allocate.
        if (out != null) {
          for (int j = i; j < end; j++) {
            out.append(s.charAt(j), j, j + 1);
          }
        }
        i = end;
        continue;
      }
      String word = s.substring(i, end);
      String rewritten = rewriteWord(word);
      if (out == null && !rewritten.equals(word)) {
        out = new MappedText.Builder(s.length() + 16);
        for (int j = 0; j < i; j++) {
          out.append(s.charAt(j), j, j + 1);
        }
      }
      if (out != null) {
        if (rewritten.equals(word)) {
          for (int j = i; j < end; j++) {
            out.append(s.charAt(j), j, j + 1);
          }
        } else {
          out.append(rewritten, i, end);
        }
      }
      i = end;
    }
    return out == null ? MappedText.identity(s) : out.build();
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '*' || c == '$' || c == '@' || c == '\'' || c == '!';
  }

  String rewriteWord(String word) {
    if (isPlain(word) || word.startsWith("@") || keep.contains(word.toLowerCase(Locale.ROOT))) {
      return word;
    }
    int apostrophe = word.lastIndexOf('\'');
    if (apostrophe >= 0) {
      // "d'encul*", "j'vé": the elided article stays, the word after it is read on its own.
      return word.substring(0, apostrophe + 1) + rewriteWord(word.substring(apostrophe + 1));
    }
    String w = trimTrailingBang(collapseRepeats(word));
    if (hasLeet(w)) {
      w = unleet(w);
    }
    if (w.indexOf('*') >= 0) {
      String found = unmask.apply(w.toLowerCase(Locale.ROOT));
      w = found != null ? found : w.replace("*", "");
    }
    return w;
  }

  /** Letters with no run of three: nothing to rewrite (the common case). */
  private static boolean isPlain(String word) {
    return isPlain(word, 0, word.length());
  }

  private static boolean isPlain(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (!Character.isLetter(c) || (i >= from + 2 && c == s.charAt(i - 1) && c == s.charAt(i - 2))) {
        return false;
      }
    }
    return true;
  }


  /** Three or more of the same letter in a row count as one: "aideeeez" → "aidez", "helppp" → "help". */
  static String collapseRepeats(String w) {
    StringBuilder out = new StringBuilder(w.length());
    int i = 0;
    while (i < w.length()) {
      char c = w.charAt(i);
      int j = i;
      while (j < w.length() && Character.toLowerCase(w.charAt(j)) == Character.toLowerCase(c)) {
        j++;
      }
      int run = j - i;
      out.append(w, i, Character.isLetter(c) && run >= 3 ? i + 1 : j);
      i = j;
    }
    return out.toString();
  }

  private static String trimTrailingBang(String w) {
    int end = w.length();
    while (end > 0 && w.charAt(end - 1) == '!') {
      end--;
    }
    return end == 0 ? w : w.substring(0, end);
  }

  /** Digits and symbols inside a word that is mostly letters: "su1c1de", "b1tch", "c0nnard" — not "14h30", "3ème". */
  static boolean hasLeet(String w) {
    int letters = 0;
    int leet = 0;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      if (Character.isLetter(c)) {
        letters++;
      } else if ("0134578".indexOf(c) >= 0 || (i > 0 && "@$!".indexOf(c) >= 0)) {
        leet++;
      } else if (Character.isDigit(c)) {
        return false;
      }
    }
    return leet > 0 && letters >= 2 && letters >= leet && w.length() >= 3
        && !w.toLowerCase(Locale.ROOT).matches("\\d+(e|er|ere|eme|ème|nd|st|rd|th|h|x|k|g|p|s|min|km|kg)");
  }

  static String unleet(String w) {
    StringBuilder out = new StringBuilder(w.length());
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      switch (c) {
        case '0': out.append('o'); break;
        case '1': case '!': out.append('i'); break;
        case '3': out.append('e'); break;
        case '4': case '@': out.append('a'); break;
        case '5': case '$': out.append('s'); break;
        case '7': out.append('t'); break;
        case '8': out.append('b'); break;
        default: out.append(c);
      }
    }
    return out.toString();
  }
}
