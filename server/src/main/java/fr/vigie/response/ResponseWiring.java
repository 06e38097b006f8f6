package fr.vigie.response;

import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.account.AccountService;
import fr.vigie.classification.Taxonomy;
import fr.vigie.db.Database;
import fr.vigie.db.Ids;
import fr.vigie.review.Pages;
import fr.vigie.review.ResponsePages;
import fr.vigie.review.Sessions;
import fr.vigie.web.JsonInput;
import java.time.Clock;
import java.util.List;

/**
 * The response feature put together for App: the shipped library copied on first start (templates, reporting
 * help), then the API controller and the web view's pages over the same services.
 */
public final class ResponseWiring {

  private final ResponseController api;
  private final ResponsePages pages;
  private final Interventions interventions;

  public ResponseWiring(Database database, ObjectMapper mapper, JsonInput json, Ids ids, Clock clock,
      AccountService accounts) {
    Library library = new Library(mapper);
    Taxonomy taxonomy = Taxonomy.load(mapper);
    TemplateService templates = new TemplateService(new TemplateRepository(database.dsl()), taxonomy, ids, clock);
    templates.seedIfEmpty(library);
    ClientSettings settings = new ClientSettings(database.dsl(), library, clock);
    ReportingHelp reporting = new ReportingHelp(database.dsl(), clock);
    reporting.seedIfEmpty(library, List.copyOf(taxonomy.labels()));
    ResponseService responses = new ResponseService(templates, settings, reporting, library, taxonomy);
    this.interventions = new Interventions(database.dsl(), templates, ids, clock);
    this.api = new ResponseController(json, responses, templates, settings, reporting, interventions);
    this.pages = new ResponsePages(new Sessions(accounts), templates, responses, settings, reporting, new Pages());
  }

  public ResponseController api() {
    return api;
  }

  public ResponsePages pages() {
    return pages;
  }

  /** What CMs did with suggestions, for the capture page of the web view. */
  public Interventions interventions() {
    return interventions;
  }
}
