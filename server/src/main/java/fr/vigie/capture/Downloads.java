package fr.vigie.capture;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sends evidence files and export bundles, for the API and the web view alike. */
public final class Downloads {

  private Downloads() {}

  /**
   * Images inline; captured HTML, MHTML and tokens only as downloads, sandboxed and never sniffed: a captured page
   * rendered from Vigie's origin could act with the reviewer's session.
   */
  public static void send(Context ctx, CaptureService.Download d) {
    String name = "vigie-" + d.capture().id() + "-" + d.role().wire() + "." + d.role().extension();
    String type = d.role() == FileRole.HTML ? "text/html; charset=utf-8" : d.file().mediaType();
    ctx.contentType(type)
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "sandbox; default-src 'none'")
        .header("Cache-Control", "private, max-age=3600")
        .header("Content-Disposition", (d.role().attachment() ? "attachment" : "inline") + "; filename=\"" + name
            + "\"")
        .result(d.content());
  }

  /** The ZIP of {@link EvidenceExport}, streamed; refused before any byte when a file is missing. */
  public static void sendExport(Context ctx, EvidenceExport export, Capture capture) {
    export.checkComplete(capture);
    ctx.contentType("application/zip")
        .header("X-Content-Type-Options", "nosniff")
        .header("Cache-Control", "private, no-store")
        .header("Content-Disposition", "attachment; filename=\"vigie-preuve-" + capture.id() + ".zip\"");
    try {
      export.write(capture, ctx.outputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
