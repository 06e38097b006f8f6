package fr.vigie.capture;

import fr.vigie.web.ApiAuth;
import fr.vigie.web.ApiException;
import fr.vigie.web.Principal;
import io.javalin.http.Context;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** /api/v1/captures: multipart upload, list, one capture, its files. */
public final class CaptureController {

  private final CaptureIntake intake;
  private final CaptureService captures;

  public CaptureController(CaptureIntake intake, CaptureService captures) {
    this.intake = intake;
    this.captures = captures;
  }

  public void create(Context ctx) {
    String contentType = ctx.contentType();
    if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      throw new ApiException.UnsupportedMediaType("unsupported_media_type",
          "Une capture s'envoie en multipart/form-data (parties metadata et screenshot), reçu : "
              + (contentType == null ? "aucun type" : contentType) + ".",
          "A capture is sent as multipart/form-data (parts metadata and screenshot).");
    }
    Principal principal = ApiAuth.principal(ctx);
    String key = ctx.header("Idempotency-Key");
    // A retry of an upload already stored is answered without reading its parts again.
    Optional<Capture> earlier = intake.replay(principal, key);
    if (earlier.isPresent()) {
      ctx.status(200).json(earlier.get());
      return;
    }
    CaptureIntake.Stored stored = intake.store(principal, key, ctx.req().getRemoteAddr(), parts(ctx));
    ctx.status(stored.created() ? 201 : 200).json(stored.capture());
  }

  public void list(Context ctx) {
    int limit = intParam(ctx, "limit", 50);
    int offset = intParam(ctx, "offset", 0);
    ctx.json(new Capture.Page(captures.newestFirst(ApiAuth.principal(ctx), limit, offset)));
  }

  public void get(Context ctx) {
    ctx.json(captures.get(ApiAuth.principal(ctx), ctx.pathParam("id")));
  }

  public void screenshot(Context ctx) {
    Downloads.send(ctx, captures.file(ApiAuth.principal(ctx), ctx.pathParam("id"), FileRole.SCREENSHOT.wire()));
  }

  public void file(Context ctx) {
    Downloads.send(ctx, captures.file(ApiAuth.principal(ctx), ctx.pathParam("id"), ctx.pathParam("role")));
  }

  private static List<UploadPart> parts(Context ctx) {
    List<UploadPart> out = new ArrayList<>();
    try {
      ctx.uploadedFiles(); // lets Javalin install its multipart limits on the request before the parts are read
      for (Part part : ctx.req().getParts()) {
        out.add(new UploadPart() {
          @Override
          public String name() {
            return part.getName();
          }

          @Override
          public long size() {
            return part.getSize();
          }

          @Override
          public InputStream open() throws IOException {
            return part.getInputStream();
          }
        });
      }
    } catch (Exception e) {
      // Jetty reports a part over the limits, or a broken body, while parsing (a ServletException through Kotlin).
      throw unreadable(e);
    }
    return out;
  }

  private static ApiException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("max file size") || message.contains("max request size") || message.contains("max length")) {
        return new ApiException.TooLarge("La requête multipart dépasse la taille permise (mhtml : "
            + mib(FileRole.MHTML) + " Mio, screenshot et viewport : " + mib(FileRole.SCREENSHOT) + " Mio, html : "
            + mib(FileRole.HTML) + " Mio au plus).", "The multipart request is larger than allowed (mhtml: "
            + mib(FileRole.MHTML) + " MiB, screenshot and viewport: " + mib(FileRole.SCREENSHOT) + " MiB, html: "
            + mib(FileRole.HTML) + " MiB at most).");
      }
    }
    return new ApiException.BadRequest("invalid_multipart", "La requête multipart est mal formée.",
        "The multipart request is malformed.");
  }

  private static long mib(FileRole role) {
    return role.maxUploadBytes() >> 20;
  }

  private static int intParam(Context ctx, String name, int fallback) {
    String value = ctx.queryParam(name);
    if (value == null) {
      return fallback;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new ApiException.BadRequest("invalid_parameter", "Le paramètre " + name + " doit être un entier.",
          "Parameter " + name + " must be an integer.");
    }
  }
}
