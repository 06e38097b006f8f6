package fr.vigie.web;

import io.javalin.http.Context;

/** Headers that keep the web view from being framed, sniffed or made to run foreign scripts. */
final class SecurityHeaders {

  private SecurityHeaders() {}

  static void apply(Context ctx) {
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    if (!ctx.path().startsWith("/api/")) {
      ctx.header("Content-Security-Policy",
          "default-src 'none'; img-src 'self'; style-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'");
      ctx.header("X-Frame-Options", "DENY");
    }
  }
}
