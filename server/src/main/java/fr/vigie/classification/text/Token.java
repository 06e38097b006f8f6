package fr.vigie.classification.text;

/**
 * One analyzed word: its folded surface form ("suicidaire"), its stem in the text's language ("suicidair"), and
 * its span in the analyzed text. Emoji are tokens too.
 */
public record Token(String surface, String stem, int start, int end) {}
