package fr.vigie.web;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Maps every exception to the shared error body, once, for the whole server. */
public final class ErrorMapper {

  private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

  private ErrorMapper() {}

  public static void register(RoutesConfig routes) {
    routes.exception(ApiException.class, (e, ctx) -> write(ctx, ErrorBody.of(e)));
    routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, fromJavalin(e, ctx)));
    routes.exception(Exception.class, (e, ctx) -> {
      LOG.error("Unexpected error on {} {}", ctx.method(), ctx.path(), e);
      write(ctx, new ErrorBody(500, "internal_error", "Erreur interne du serveur ; l'incident est journalisé.",
          "Internal server error; the incident is logged.", List.of()));
    });
  }

  private static ErrorBody fromJavalin(HttpResponseException e, Context ctx) {
    return switch (e.getStatus()) {
      case 413 -> new ErrorBody(413, "payload_too_large", "Le corps de la requête dépasse la taille permise.",
          "The request body is larger than allowed.", List.of());
      case 415 -> new ErrorBody(415, "unsupported_media_type", "Type de contenu non pris en charge.",
          "Unsupported content type.", List.of());
      case 404 -> new ErrorBody(404, "not_found", "Aucune ressource à l'adresse " + ctx.path() + ".",
          "No resource at " + ctx.path() + ".", List.of());
      case 405 -> new ErrorBody(405, "method_not_allowed", "La méthode " + ctx.method() + " n'est pas permise sur "
          + ctx.path() + ".", "Method " + ctx.method() + " is not allowed on " + ctx.path() + ".", List.of());
      default -> e.getStatus() >= 500
          ? new ErrorBody(500, "internal_error", "Erreur interne du serveur.", "Internal server error.", List.of())
          : new ErrorBody(e.getStatus(), "bad_request", "Requête invalide.", "Bad request.", List.of());
    };
  }

  static void write(Context ctx, ErrorBody body) {
    ctx.status(body.status()).json(body);
  }
}
