package fr.vigie.capture;

import java.io.IOException;
import java.io.InputStream;

/** One part of a multipart upload, as the controller found it; the intake reads it as a stream. */
public interface UploadPart {

  String name();

  /** Size in bytes, as received. */
  long size();

  InputStream open() throws IOException;
}
