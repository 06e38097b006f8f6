package fr.vigie.capture;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** What the service hands to the repository to insert, after every check passed. */
record NewCapture(
    String id,
    String accountId,
    String idempotencyKey,
    Instant receivedAt,
    String risk,
    int riskRank,
    JsonNode metadata,
    Instant capturedAt,
    String screenshotSha256,
    long screenshotBytes,
    Png.Size screenshotSize) {}
