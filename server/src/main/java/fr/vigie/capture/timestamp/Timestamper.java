package fr.vigie.capture.timestamp;

import java.time.Instant;

/**
 * An RFC 3161 time-stamping authority, seen from the capture service: it stamps a manifest's SHA-256 and later
 * checks the stored token against it. Configured by VIGIE_TSA_URL; absent when that is not set.
 */
public interface Timestamper {

  /** Asks the authority for a token over this SHA-256 digest (32 bytes); the token is the DER TimeStampResponse. */
  Stamp stamp(byte[] sha256Digest) throws TimestampException;

  /** Checks a stored token: its imprint is this digest and its signature verifies with the certificate it carries. */
  Check check(byte[] token, byte[] sha256Digest);

  /** The authority's URL, recorded with each token. */
  String authority();

  /** A token and the time the authority put in it. */
  record Stamp(byte[] token, Instant genTime) {}

  /** The outcome of checking a token; genTime and problem (French) may be null. */
  record Check(boolean valid, Instant genTime, String problem) {}

  /** The authority did not answer, or answered something that is not a granted token over our digest. */
  final class TimestampException extends Exception {
    public TimestampException(String frenchMessage, Throwable cause) {
      super(frenchMessage, cause);
    }
  }
}
