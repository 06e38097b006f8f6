package fr.vigie.capture;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a stored file of a capture is: the closed set of roles of the capture schema, with how each is served. */
public enum FileRole {
  SCREENSHOT("image/png", "png", 20L << 20, true, false),
  VIEWPORT("image/png", "png", 20L << 20, true, false),
  HTML("text/html", "html", 5L << 20, true, true),
  MHTML("multipart/related", "mhtml", 60L << 20, true, true),
  MANIFEST("application/json", "json", 0, false, false),
  TIMESTAMP("application/timestamp-reply", "tsr", 0, false, true);

  private final String mediaType;
  private final String extension;
  private final long maxUploadBytes;
  private final boolean uploaded;
  private final boolean attachment;

  FileRole(String mediaType, String extension, long maxUploadBytes, boolean uploaded, boolean attachment) {
    this.mediaType = mediaType;
    this.extension = extension;
    this.maxUploadBytes = maxUploadBytes;
    this.uploaded = uploaded;
    this.attachment = attachment;
  }

  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<FileRole> fromWire(String value) {
    return Arrays.stream(values()).filter(r -> r.wire().equals(value)).findFirst();
  }

  public String mediaType() {
    return mediaType;
  }

  /** File name extension, without the dot, for downloads and the export ZIP. */
  public String extension() {
    return extension;
  }

  /** Largest accepted multipart part; 0 for files the server makes itself. */
  public long maxUploadBytes() {
    return maxUploadBytes;
  }

  /** Sent by the extension as a multipart part of the same name (the others are made by the server). */
  public boolean uploaded() {
    return uploaded;
  }

  /**
   * Served as a download, never rendered from the server's origin: a captured page's HTML could run there
   * with the reviewer's session.
   */
  public boolean attachment() {
    return attachment;
  }

  /** The metadata field that declares this part's SHA-256 (screenshotSha256 …). */
  public String declaredHashField() {
    return wire() + "Sha256";
  }

  public boolean image() {
    return mediaType.equals("image/png");
  }
}
