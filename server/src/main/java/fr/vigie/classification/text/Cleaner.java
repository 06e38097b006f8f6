package fr.vigie.classification.text;

import java.text.Normalizer;

/**
 * Stage A: undoes what people use to dodge filters without changing words — invisible and bidi characters,
 * look-alike letters from other scripts, styled Unicode letters, typographic apostrophes and spaces. Digits are left
 * alone, so phone numbers and IBANs are still found in the result.
 */
public final class Cleaner {

  private Cleaner() {}

  public static MappedText clean(String original) {
    if (!needsCleaning(original)) {
      return MappedText.identity(original);
    }
    MappedText.Builder out = new MappedText.Builder(original.length());
    int i = 0;
    while (i < original.length()) {
      char c = original.charAt(i);
      if (Character.isHighSurrogate(c) && i + 1 < original.length() && Character.isLowSurrogate(original.charAt(i + 1))) {
        int cp = original.codePointAt(i);
        if (isStyledLetter(cp)) {
          out.append(Normalizer.normalize(new String(Character.toChars(cp)), Normalizer.Form.NFKC), i, i + 2);
        } else if (!isInvisible(cp)) {
          out.append(c, i, i + 2);
          out.append(original.charAt(i + 1), i, i + 2);
        }
        i += 2;
        continue;
      }
      if (Character.isSurrogate(c)) {
        out.append(' ', i, i + 1); // a lone surrogate is noise, not a letter
      } else if (!isInvisible(c)) {
        char mapped = lookAlike(c);
        if (mapped == 0 && c >= 0xFF01 && c <= 0xFF5E) {
          mapped = (char) (c - 0xFEE0); // fullwidth ASCII
        }
        out.append(mapped == 0 ? c : mapped, i, i + 1);
      }
      i++;
    }
    return out.build();
  }

  /** Most texts: nothing invisible, no look-alike, no styled letter, no typographic variant to undo. */
  private static boolean needsCleaning(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80 && (Character.isSurrogate(c) || isInvisible(c) || lookAlike(c) != 0 || (c >= 0xFF01 && c <= 0xFF5E))) {
        return true;
      }
    }
    return false;
  }

  static boolean isInvisible(int cp) {
    return (cp >= 0x200B && cp <= 0x200F) // zero-width space/joiners, LRM, RLM
        || (cp >= 0x202A && cp <= 0x202E) // bidi embeddings and overrides
        || (cp >= 0x2060 && cp <= 0x2064) // word joiner, invisible operators
        || (cp >= 0x2066 && cp <= 0x2069) // bidi isolates
        || cp == 0xFEFF || cp == 0x00AD || cp == 0x180E || cp == 0x034F
        || (cp >= 0xFE00 && cp <= 0xFE0F) // variation selectors
        || (cp >= 0xE0000 && cp <= 0xE007F); // tag characters
  }

  private static boolean isStyledLetter(int cp) {
    return cp >= 0x1D400 && cp <= 0x1D7FF; // mathematical bold/italic/script letters and digits
  }

  /** Latin letter a Cyrillic or Greek look-alike stands for, typographic variants of ' and space; 0 if none. */
  static char lookAlike(char c) {
    switch (c) {
      case 'а': return 'a';
      case 'е': return 'e';
      case 'о': return 'o';
      case 'р': return 'p';
      case 'с': return 'c';
      case 'у': return 'y';
      case 'х': return 'x';
      case 'і': return 'i';
      case 'ј': return 'j';
      case 'ѕ': return 's';
      case 'ԁ': return 'd';
      case 'ո': return 'n';
      case 'А': return 'A';
      case 'В': return 'B';
      case 'Е': return 'E';
      case 'К': return 'K';
      case 'М': return 'M';
      case 'Н': return 'H';
      case 'О': return 'O';
      case 'Р': return 'P';
      case 'С': return 'C';
      case 'Т': return 'T';
      case 'Х': return 'X';
      case 'ο': return 'o';
      case 'α': return 'a';
      case 'ι': return 'i';
      case 'κ': return 'k';
      case 'ν': return 'v';
      case 'ρ': return 'p';
      case 'τ': return 't';
      case 'Ο': return 'O';
      case '\u2019': case '\u2018': case '\u02BC': case '\u00B4': case '`': return '\'';
      case '\u00A0': case '\u202F': case '\u2007': case '\u2009': case '\u200A': return ' ';
      default: return 0;
    }
  }
}
