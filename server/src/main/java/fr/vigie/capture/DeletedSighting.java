package fr.vigie.capture;

import java.time.Instant;

/** Body of POST /api/v1/captures/{id}/deleted (schema deleted-sighting). */
public record DeletedSighting(Instant seenAt, String how, String pageUrl) {}
