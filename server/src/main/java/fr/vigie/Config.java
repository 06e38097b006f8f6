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
 * @param apiRequestsPerMinute API calls allowed per account and minute (a runaway script); raised for load runs
 * @param lexiconDir when present, the detection lexicons are read from this folder and reloaded on change
 * @param tsaUrl when present, the RFC 3161 time-stamping authority that stamps every capture's manifest hash
 */
public record Config(int port, Path dataDir, Optional<String> adminToken, Optional<String> adminPassword,
    long apiRequestsPerMinute, Optional<Path> lexiconDir, Optional<String> tsaUrl) {

  public static final long DEFAULT_API_REQUESTS_PER_MINUTE = 6_000;

  public Config(int port, Path dataDir, Optional<String> adminToken, Optional<String> adminPassword) {
    this(port, dataDir, adminToken, adminPassword, DEFAULT_API_REQUESTS_PER_MINUTE, Optional.empty(), Optional.empty());
  }

  /** The same configuration with this time-stamping authority. */
  public Config withTsaUrl(String url) {
    return new Config(port, dataDir, adminToken, adminPassword, apiRequestsPerMinute, lexiconDir, Optional.of(url));
  }

  public Config {
    if (apiRequestsPerMinute < 1) {
      throw new IllegalArgumentException("VIGIE_API_RATE_PER_MINUTE doit être au moins 1 (reçu " + apiRequestsPerMinute + ")");
    }
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("VIGIE_PORT doit être entre 0 et 65535 (reçu " + port + ")");
    }
    dataDir = dataDir.toAbsolutePath().normalize();
    adminToken = adminToken.filter(t -> !t.isBlank());
    adminPassword = adminPassword.filter(p -> !p.isBlank());
    tsaUrl = tsaUrl.map(String::strip).filter(u -> !u.isEmpty());
    tsaUrl.ifPresent(u -> {
      if (!u.startsWith("http://") && !u.startsWith("https://")) {
        throw new IllegalArgumentException("VIGIE_TSA_URL doit être une adresse http(s) (reçu " + u + ")");
      }
    });
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
    String rate = env.getOrDefault("VIGIE_API_RATE_PER_MINUTE", String.valueOf(DEFAULT_API_REQUESTS_PER_MINUTE)).trim();
    long parsedRate;
    try {
      parsedRate = Long.parseLong(rate);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("VIGIE_API_RATE_PER_MINUTE n'est pas un nombre : " + rate, e);
    }
    return new Config(
        parsedPort,
        Path.of(env.getOrDefault("VIGIE_DATA_DIR", "./data")),
        Optional.ofNullable(env.get("VIGIE_ADMIN_TOKEN")),
        Optional.ofNullable(env.get("VIGIE_ADMIN_PASSWORD")),
        parsedRate,
        Optional.ofNullable(env.get("VIGIE_LEXICON_DIR")).filter(s -> !s.isBlank()).map(Path::of),
        Optional.ofNullable(env.get("VIGIE_TSA_URL")));
  }
}
