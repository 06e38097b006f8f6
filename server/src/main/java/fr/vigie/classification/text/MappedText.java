package fr.vigie.classification.text;

/**
 * A rewritten text that remembers, for each of its chars, the span of the original text it came from, so that a
 * match found in the rewritten text is shown to the CM on the words they actually read.
 */
public final class MappedText {

  private final String text;
  private final int[] starts;
  private final int[] ends;
  private final boolean identity;

  MappedText(String text, int[] starts, int[] ends) {
    this.text = text;
    this.starts = starts;
    this.ends = ends;
    this.identity = false;
  }

  private MappedText(String text) {
    this.text = text;
    this.starts = null;
    this.ends = null;
    this.identity = true;
  }

  /** The text unchanged: each char maps to itself (no arrays needed). */
  public static MappedText identity(String text) {
    return new MappedText(text);
  }

  public String text() {
    return text;
  }

  public int length() {
    return text.length();
  }

  /** Original start of the span [start, end) of this text. */
  public int originalStart(int start) {
    if (identity) {
      return Math.min(start, text.length());
    }
    return start < starts.length ? starts[start] : (ends.length == 0 ? 0 : ends[ends.length - 1]);
  }

  /** Original end (exclusive) of the span [start, end) of this text. */
  public int originalEnd(int end) {
    if (identity) {
      return end;
    }
    return end == 0 ? (starts.length == 0 ? 0 : starts[0]) : ends[end - 1];
  }

  /** Builds a mapped text char by char, each char pointing at an original span. */
  static final class Builder {
    private final StringBuilder text;
    private int[] starts;
    private int[] ends;

    Builder(int capacity) {
      text = new StringBuilder(capacity);
      starts = new int[Math.max(16, capacity)];
      ends = new int[Math.max(16, capacity)];
    }

    void append(char c, int originalStart, int originalEnd) {
      int i = text.length();
      if (i == starts.length) {
        starts = java.util.Arrays.copyOf(starts, i * 2);
        ends = java.util.Arrays.copyOf(ends, i * 2);
      }
      text.append(c);
      starts[i] = originalStart;
      ends[i] = originalEnd;
    }

    void append(CharSequence s, int originalStart, int originalEnd) {
      for (int i = 0; i < s.length(); i++) {
        append(s.charAt(i), originalStart, originalEnd);
      }
    }

    int length() {
      return text.length();
    }

    char charAt(int i) {
      return text.charAt(i);
    }

    MappedText build() {
      int n = text.length();
      return new MappedText(text.toString(), java.util.Arrays.copyOf(starts, n), java.util.Arrays.copyOf(ends, n));
    }
  }

  /** Composes two mappings: {@code outer} was computed from this text; the result maps to this text's original. */
  public MappedText compose(MappedText outer) {
    if (outer.identity) {
      return this;
    }
    if (identity) {
      return outer;
    }
    int n = outer.length();
    int[] s = new int[n];
    int[] e = new int[n];
    for (int i = 0; i < n; i++) {
      s[i] = originalStart(outer.starts[i]);
      e[i] = originalEnd(outer.ends[i]);
    }
    return new MappedText(outer.text, s, e);
  }
}
