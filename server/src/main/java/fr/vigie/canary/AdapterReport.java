package fr.vigie.canary;

/** Body of POST /api/v1/adapter-health (schema adapter-health). {@code detail} and {@code affected} may be null. */
public record AdapterReport(String adapter, String platform, String problem, String detail, String pageUrl,
    int postsFound, Integer affected, String extensionVersion) {}
