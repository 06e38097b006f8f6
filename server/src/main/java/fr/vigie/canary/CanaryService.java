package fr.vigie.canary;

import fr.vigie.db.Ids;
import fr.vigie.web.Principal;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Records what the extension's adapters report, and summarizes it for supervisors. Knows nothing of HTTP. */
public final class CanaryService {

  private static final Logger LOG = LoggerFactory.getLogger(CanaryService.class);
  private final CanaryRepository reports;
  private final Ids ids;
  private final Clock clock;

  public CanaryService(CanaryRepository reports, Ids ids, Clock clock) {
    this.reports = reports;
    this.ids = ids;
    this.clock = clock;
  }

  public void record(Principal principal, AdapterReport report) {
    reports.insert(ids.next(), principal.accountId(), clock.instant(), report);
    // Logged too: a redesign of a platform is an operational event, visible in the server's output.
    LOG.warn("Adaptateur {} ({}) : {} sur {} ({} messages trouvés)", report.adapter(), report.platform(),
        report.problem(), report.pageUrl(), report.postsFound());
  }

  public List<AdapterSummary> lastWeek() {
    return reports.summarySince(clock.instant().minus(Duration.ofDays(7)));
  }
}
