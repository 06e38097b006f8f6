package fr.vigie.capture;

import java.io.InputStream;
import java.util.Optional;

/** Evidence files, addressed by the SHA-256 of their bytes. A filesystem now; an S3-compatible store later. */
public interface FileStore {

  /** Stores the bytes durably (they survive a crash once this returns) and gives their SHA-256, hex. */
  String put(byte[] bytes);

  /**
   * Copies a stream aside, hashing it on the way, durably but not yet under its hash: an upload is checked from
   * there and only {@link #keep kept} once every check passed. Closing the stage drops what was not kept.
   */
  Staged stage(InputStream in);

  /** Puts a staged file in place under its hash (durable once this returns). */
  void keep(Staged staged);

  /** The bytes stored under this hash, streamed, if the file exists. */
  Optional<InputStream> open(String sha256);

  /** A file copied aside by {@link #stage}. */
  interface Staged extends AutoCloseable {
    String sha256();

    long bytes();

    /** Reads the staged bytes again (content checks). */
    InputStream open();

    @Override
    void close();
  }
}
