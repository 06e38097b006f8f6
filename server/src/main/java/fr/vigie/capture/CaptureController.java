package fr.vigie.capture;

import fr.vigie.web.ApiAuth;
import fr.vigie.web.ApiException;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;

/** /api/v1/captures: multipart upload, list, one capture, its screenshot bytes. */
public final class CaptureController {

  static final long MAX_SCREENSHOT_BYTES = 20L * 1024 * 1024;
  static final long MAX_METADATA_BYTES = 1024L * 1024;
  private final CaptureService captures;

  public CaptureController(CaptureService captures) {
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
    byte[] metadata = part(ctx, "metadata", MAX_METADATA_BYTES);
    byte[] screenshot = part(ctx, "screenshot", MAX_SCREENSHOT_BYTES);
    CaptureService.Stored stored = captures.store(ApiAuth.principal(ctx), ctx.header("Idempotency-Key"), metadata, screenshot);
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
    ctx.contentType("image/png").result(captures.screenshot(ApiAuth.principal(ctx), ctx.pathParam("id")));
  }

  private static byte[] part(Context ctx, String name, long maxBytes) {
    UploadedFile file;
    String field;
    try {
      file = ctx.uploadedFile(name);
      field = file == null ? ctx.formParam(name) : null;
    } catch (Exception e) {
      // Jetty reports a part over the limits, or a broken body, while parsing (a ServletException thrown through Kotlin).
      throw unreadable(e);
    }
    if (file == null && field == null) {
      throw new ApiException.BadRequest("missing_part", "Partie « " + name + " » manquante dans la requête multipart.",
          "Missing multipart part \"" + name + "\".");
    }
    if (file == null) {
      return field.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    if (file.size() > maxBytes) {
      throw new ApiException.TooLarge("La partie « " + name + " » dépasse " + (maxBytes / 1024) + " Kio.",
          "Part \"" + name + "\" is larger than " + (maxBytes / 1024) + " KiB.");
    }
    try (InputStream in = file.content()) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static ApiException unreadable(Exception e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (message.contains("max file size") || message.contains("max request size") || message.contains("max length")) {
        return new ApiException.TooLarge("La requête multipart dépasse la taille permise (capture d'écran : "
            + (MAX_SCREENSHOT_BYTES / 1024 / 1024) + " Mio au plus).",
            "The multipart request is larger than allowed (screenshot: at most "
            + (MAX_SCREENSHOT_BYTES / 1024 / 1024) + " MiB).");
      }
    }
    return new ApiException.BadRequest("invalid_multipart", "La requête multipart est mal formée.",
        "The multipart request is malformed.");
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
