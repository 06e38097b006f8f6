package fr.vigie;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the server needs from outside, read once from the environment.
 *
 * @param port HTTP port; 0 picks a free one (tests)
 * @param dataDir where the SQLite database and the evidence files live
 * @param adminToken when present, accepted as the admin's API bearer token (automation, scripts)
 * @param adminPassword when present, the first-run admin password instead of a generated one
 */
public record Config(int port, Path dataDir, Optional<String> adminToken, Optional<String> adminPassword) {

  public Config {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("VIGIE_PORT doit être entre 0 et 65535 (reçu " + port + ")");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    adminToken = adminToken.filter(t -> !t.isBlank());
    adminPassword = adminPassword.filter(p -> !p.isBlank());
    adminToken.ifPresent(t -> {
      if (t.length() < 16) {
        throw new IllegalArgumentException("VIGIE_ADMIN_TOKEN doit faire au moins 16 caractères");
      }
    });
  }

  public static Config fromEnvironment(Map<String, String> env) {
    String port = env.getOrDefault("VIGIE_PORT", "8080").trim();
    int parsedPort;
    try {
      parsedPort = Integer.parseInt(port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("VIGIE_PORT n'est pas un nombre : " + port, e);
    }
    return new Config(
        parsedPort,
        Path.of(env.getOrDefault("VIGIE_DATA_DIR", "./data")),
        Optional.ofNullable(env.get("VIGIE_ADMIN_TOKEN")),
        Optional.ofNullable(env.get("VIGIE_ADMIN_PASSWORD")));
  }

  public static Config forTests(Path dataDir) {
    return new Config(0, dataDir, Optional.empty(), Optional.empty());
  }
}
