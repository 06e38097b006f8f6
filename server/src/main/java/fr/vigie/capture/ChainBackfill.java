package fr.vigie.capture;

import java.util.List;

/**
 * Captures stored before the chain existed (before migration V003) join it at start-up, in the order they were
 * received: their screenshot becomes a file row and their manifest is computed then. Nothing is lost or rewritten.
 */
public final class ChainBackfill {

  private static final int PAGE = 100;
  private final CaptureRepository reads;
  private final Chain chain;

  public ChainBackfill(CaptureRepository reads, Chain chain) {
    this.reads = reads;
    this.chain = chain;
  }

  /** How many captures were chained. */
  public int run() {
    int chained = 0;
    for (List<Capture> page = reads.unchained(PAGE); !page.isEmpty(); page = reads.unchained(PAGE)) {
      for (Capture old : page) {
        Capture.Screenshot s = old.screenshot();
        chain.appendExisting(withFiles(old, List.of(
            StoredFile.of(old.id(), FileRole.SCREENSHOT, s.sha256(), s.bytes(), s.width(), s.height()))));
        chained++;
      }
    }
    return chained;
  }

  private static Capture withFiles(Capture c, List<StoredFile> files) {
    return new Capture(c.id(), c.receivedAt(), c.capturedBy(), c.risk(), c.metadata(), c.screenshot(), files,
        c.manifestSha256(), c.previousManifestSha256(), c.sequence(), c.timestamp(), c.automatic(), c.deletedSeenAt(),
        c.custody());
  }
}
