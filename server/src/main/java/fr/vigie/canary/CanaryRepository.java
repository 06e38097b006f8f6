package fr.vigie.canary;

import static fr.vigie.db.generated.Tables.ADAPTER_HEALTH;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;

/** Adapter-health reports in the database. */
public final class CanaryRepository {

  private final DSLContext dsl;

  public CanaryRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  void insert(String id, String accountId, Instant at, AdapterReport r) {
    dsl.insertInto(ADAPTER_HEALTH)
        .set(ADAPTER_HEALTH.ID, id)
        .set(ADAPTER_HEALTH.ACCOUNT_ID, accountId)
        .set(ADAPTER_HEALTH.RECEIVED_AT, LocalDateTime.ofInstant(at, ZoneOffset.UTC))
        .set(ADAPTER_HEALTH.ADAPTER, r.adapter())
        .set(ADAPTER_HEALTH.PLATFORM, r.platform())
        .set(ADAPTER_HEALTH.PROBLEM, r.problem())
        .set(ADAPTER_HEALTH.DETAIL, r.detail())
        .set(ADAPTER_HEALTH.PAGE_URL, r.pageUrl())
        .set(ADAPTER_HEALTH.POSTS_FOUND, r.postsFound())
        .set(ADAPTER_HEALTH.AFFECTED, r.affected())
        .set(ADAPTER_HEALTH.EXTENSION_VERSION, r.extensionVersion())
        .execute();
  }

  /** Reports since {@code since}, grouped by adapter and problem, most recent first. */
  List<AdapterSummary> summarySince(Instant since) {
    Map<String, List<org.jooq.Record>> groups = new LinkedHashMap<>();
    dsl.selectFrom(ADAPTER_HEALTH)
        .where(ADAPTER_HEALTH.RECEIVED_AT.ge(LocalDateTime.ofInstant(since, ZoneOffset.UTC)))
        .orderBy(ADAPTER_HEALTH.RECEIVED_AT.desc(), ADAPTER_HEALTH.ID.desc())
        .fetch()
        .forEach(r -> groups.computeIfAbsent(r.getAdapter() + "|" + r.getProblem(), k -> new ArrayList<>()).add(r));
    List<AdapterSummary> out = new ArrayList<>();
    groups.values().forEach(rows -> {
      org.jooq.Record last = rows.get(0);
      long pages = rows.stream().map(r -> r.get(ADAPTER_HEALTH.PAGE_URL)).distinct().count();
      out.add(new AdapterSummary(last.get(ADAPTER_HEALTH.ADAPTER), last.get(ADAPTER_HEALTH.PLATFORM),
          last.get(ADAPTER_HEALTH.PROBLEM), rows.size(), (int) pages,
          last.get(ADAPTER_HEALTH.RECEIVED_AT).toInstant(ZoneOffset.UTC), last.get(ADAPTER_HEALTH.PAGE_URL),
          last.get(ADAPTER_HEALTH.DETAIL)));
    });
    return out;
  }
}
