package fr.vigie.web;

import fr.vigie.Version;
import fr.vigie.db.Database;
import io.javalin.http.Context;

/** GET /api/v1/health, open to all: is the server up, which version, does the database answer. */
public final class HealthController {

  public record Health(String status, String version, String database) {}

  private final Database database;
  private final String version = Version.current();

  public HealthController(Database database) {
    this.database = database;
  }

  public void get(Context ctx) {
    boolean up = database.isUp();
    ctx.status(up ? 200 : 503).json(new Health(up ? "ok" : "degraded", version, up ? "ok" : "unavailable"));
  }
}
