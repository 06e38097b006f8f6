package fr.vigie.classification.text;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.core.KeywordTokenizer;
import org.apache.lucene.analysis.fr.FrenchLightStemmer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.util.ElisionFilter;
import org.tartarus.snowball.ext.EnglishStemmer;

/**
 * Lucene's analysis for social text: Unicode word segmentation (emoji stay tokens), then per word lower case,
 * French elision (j', l', qu' …), ASCII folding, and a stem — French light stemming or English Snowball (Porter2).
 * Normalizing word by word lets the engine do it once per distinct word (see TokenTable). Thread-safe: Lucene
 * reuses its token streams per thread, stemmers are per call or per thread.
 */
public final class Analysis {

  /** Elided articles and pronouns: Lucene's French list plus the pronouns social text elides. */
  private static final CharArraySet ELIDED = new CharArraySet(Arrays.asList(
      "l", "m", "t", "qu", "n", "s", "j", "d", "c", "jusqu", "quoiqu", "lorsqu", "puisqu"), true);

  private static final ThreadLocal<EnglishStemmer> ENGLISH = ThreadLocal.withInitial(EnglishStemmer::new);

  /** Unicode word segmentation only (UAX #29; emoji stay tokens). */
  private final Analyzer segmenter = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      return new TokenStreamComponents(new StandardTokenizer());
    }
  };

  /** The normalizing chain, applied to one word at a time: lower case, elision, ASCII folding. */
  private final Analyzer normalizer = new Analyzer() {
    @Override
    protected TokenStreamComponents createComponents(String field) {
      Tokenizer source = new KeywordTokenizer();
      TokenStream stream = new LowerCaseFilter(source);
      stream = new ElisionFilter(stream, ELIDED);
      stream = new ASCIIFoldingFilter(stream);
      return new TokenStreamComponents(source, stream);
    }
  };

  /** A word as the segmenter cut it, with its span in the text. */
  public record Raw(String term, int start, int end) {}

  /** The words of {@code text}, not yet normalized. */
  public List<Raw> segment(String text) {
    List<Raw> out = new ArrayList<>(Math.max(8, text.length() / 5));
    try (TokenStream stream = segmenter.tokenStream("t", text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
      stream.reset();
      while (stream.incrementToken()) {
        out.add(new Raw(term.toString(), offset.startOffset(), offset.endOffset()));
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
    return out;
  }

  /** One word normalized by the Lucene chain: "J'ai" → "ai", "Été" → "ete". */
  public String normalize(String word) {
    try (TokenStream stream = normalizer.tokenStream("w", word)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      String out = stream.incrementToken() ? term.toString() : "";
      stream.end();
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException("reading a string cannot fail", e);
    }
  }

  /** Tokens of {@code text}, stemmed for {@code lang} ("fr" or "en"); {@code null} leaves the stems unset. */
  public List<Token> tokens(String text, String lang) {
    List<Token> out = new ArrayList<>();
    for (Raw raw : segment(text)) {
      String surface = normalize(raw.term());
      out.add(new Token(surface, lang == null ? surface : stem(surface, lang), raw.start(), raw.end()));
    }
    return out;
  }

  /** Lower case without accents, as the analyzer leaves words: "Ça" → "ca". */
  public static String fold(String word) {
    return java.text.Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}+", "");
  }

  /** The stem of one folded word, the same way text is stemmed, so lexicon words and text words meet. */
  public static String stem(String surface, String lang) {
    if (surface.isEmpty() || !Character.isLetter(surface.charAt(0)) || surface.length() < 3) {
      return surface;
    }
    java.util.Map<String, String> cache = lang.equals("en") ? ENGLISH_STEMS : FRENCH_STEMS;
    String cached = cache.get(surface);
    if (cached != null) {
      return cached;
    }
    if (cache.size() > STEM_CACHE_SIZE) {
      cache.clear(); // bounded: social text repeats the same few thousand words; a flood of odd ones resets it
    }
    String stem = computeStem(surface, lang);
    cache.put(surface, stem);
    return stem;
  }

  private static final int STEM_CACHE_SIZE = 200_000;
  private static final java.util.Map<String, String> FRENCH_STEMS = new java.util.concurrent.ConcurrentHashMap<>();
  private static final java.util.Map<String, String> ENGLISH_STEMS = new java.util.concurrent.ConcurrentHashMap<>();

  private static String computeStem(String surface, String lang) {
    if (lang.equals("en")) {
      EnglishStemmer stemmer = ENGLISH.get();
      stemmer.setCurrent(surface);
      stemmer.stem();
      return stemmer.getCurrent();
    }
    char[] chars = surface.toCharArray();
    int length = new FrenchLightStemmer().stem(chars, chars.length);
    return new String(chars, 0, length);
  }

  /** Folded surface forms of a phrase, as the analyzer cuts it (used to compile lexicon entries). */
  public List<String> surfaces(String phrase) {
    List<String> out = new ArrayList<>();
    for (Token t : tokens(phrase, "fr")) {
      out.add(t.surface());
    }
    return out;
  }
}
