package fr.vigie.web;

import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Token buckets per caller. Sign-in attempts are limited per client address (password guessing); API calls per
 * account (a runaway script). The maps only grow with distinct callers, which a brand's team keeps small.
 */
public final class RateLimits {

  private final long signInPerMinute;
  private final long apiPerMinute;
  private final Map<String, Bucket> signIn = new ConcurrentHashMap<>();
  private final Map<String, Bucket> api = new ConcurrentHashMap<>();

  public RateLimits(long signInPerMinute, long apiPerMinute) {
    this.signInPerMinute = signInPerMinute;
    this.apiPerMinute = apiPerMinute;
  }

  public void checkSignIn(String clientAddress) {
    if (!signIn.computeIfAbsent(clientAddress, k -> bucket(signInPerMinute)).tryConsume(1)) {
      throw new ApiException.TooManyRequests("Trop de tentatives de connexion ; réessayez dans une minute.",
          "Too many sign-in attempts; try again in a minute.");
    }
  }

  public void checkApi(String accountId) {
    if (!api.computeIfAbsent(accountId, k -> bucket(apiPerMinute)).tryConsume(1)) {
      throw new ApiException.TooManyRequests("Trop de requêtes pour ce compte ; ralentissez.",
          "Too many requests for this account; slow down.");
    }
  }

  private static Bucket bucket(long perMinute) {
    return Bucket.builder().addLimit(l -> l.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1))).build();
  }
}
