package fr.vigie.canary;

import java.time.Instant;

/** One adapter's problem over the last days: how often, on how many pages, and when last seen. */
public record AdapterSummary(String adapter, String platform, String problem, int reports, int pages, Instant lastSeen,
    String lastPage, String lastDetail) {}
