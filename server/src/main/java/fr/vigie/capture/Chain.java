package fr.vigie.capture;

import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The hash chain: each capture's manifest names the previous capture's manifest hash. Reading the head and inserting
 * the next link happen in one critical section, so sequences stay contiguous under concurrent uploads; the unique
 * index on capture.sequence is the backstop. One Vigie process owns a data folder.
 */
public final class Chain {

  private final ReentrantLock lock = new ReentrantLock();
  private final CaptureRepository reads;
  private final CaptureWrites writes;
  private final FileStore files;

  public Chain(CaptureRepository reads, CaptureWrites writes, FileStore files) {
    this.reads = reads;
    this.writes = writes;
    this.files = files;
  }

  /** The capture appended, or the one already stored under the same idempotency key (then false). */
  record Appended(Capture capture, boolean created) {}

  /** Appends a new capture: its manifest file is durable before the transaction that makes the capture visible. */
  Appended append(NewCapture capture) {
    lock.lock();
    try {
      Optional<Capture> earlier = reads.byIdempotencyKey(capture.accountId(), capture.idempotencyKey());
      if (earlier.isPresent()) {
        return new Appended(earlier.get(), false);
      }
      CaptureRepository.Head head = reads.head();
      long sequence = head.sequence() + 1;
      byte[] manifest = capture.manifest(sequence, head.manifestSha256()).bytes();
      StoredFile manifestFile = manifestFile(capture.id(), manifest);
      writes.insert(capture, new CaptureWrites.Link(sequence, head.manifestSha256(), manifestFile));
    } finally {
      lock.unlock();
    }
    return new Appended(reads.byId(capture.id()).orElseThrow(), true);
  }

  /** Chains a capture stored before the chain existed, its manifest computed now (start-up backfill). */
  void appendExisting(Capture stored) {
    lock.lock();
    try {
      CaptureRepository.Head head = reads.head();
      long sequence = head.sequence() + 1;
      Capture placed = new Capture(stored.id(), stored.receivedAt(), stored.capturedBy(), stored.risk(),
          stored.metadata(), stored.screenshot(), stored.files(), null, head.manifestSha256(), sequence,
          stored.timestamp(), stored.automatic(), stored.deletedSeenAt(), stored.custody());
      byte[] manifest = Manifest.of(placed).bytes();
      writes.chainExisting(placed, new CaptureWrites.Link(sequence, head.manifestSha256(),
          manifestFile(stored.id(), manifest)));
    } finally {
      lock.unlock();
    }
  }

  private StoredFile manifestFile(String captureId, byte[] manifest) {
    String sha = files.put(manifest);
    return StoredFile.of(captureId, FileRole.MANIFEST, sha, manifest.length, null, null);
  }
}
