package fr.vigie.capture;

import java.util.Optional;

/** Evidence files, addressed by the SHA-256 of their bytes. A filesystem now; an S3-compatible store later. */
public interface FileStore {

  /** Stores the bytes durably (they survive a crash once this returns) and gives their SHA-256, hex. */
  String put(byte[] bytes);

  /** The bytes stored under this hash, if any. */
  Optional<byte[]> get(String sha256);
}
