package fr.vigie.review;

import fr.vigie.capture.Capture;
import fr.vigie.capture.Verification;
import fr.vigie.web.Principal;
import java.util.List;

/** The data each template receives; one record per page. */
public final class PageModels {

  private PageModels() {}

  /** Sign-in form, with an error to show after a failed attempt. */
  public record SignIn(String error, String next) {}

  /** The capture queue, newest first. */
  public record Captures(Principal user, String csrf, List<Capture> captures) {}

  /** One capture with everything stored about it; the verification after « Vérifier », an error to show if any. */
  public record Detail(Principal user, String csrf, Capture capture, String metadataJson,
      Verification.OfCapture verification, String error, List<fr.vigie.response.Interventions.Intervention> interventions) {}

  /** Adapter-health reports of the last week. */
  public record Adapters(Principal user, String csrf, List<fr.vigie.canary.AdapterSummary> items) {}

  /** The response library: templates, the client's settings, the reporting help. */
  public record Responses(Principal user, String csrf, List<fr.vigie.response.Template> templates,
      fr.vigie.response.ClientSettings.Values settings, List<fr.vigie.response.ReportingHelp.Entry> reporting,
      String error, String notice) {

    public boolean canEdit() {
      return user.canReview();
    }
  }

  /** One template: its draft, a preview of the draft, its versions. */
  public record TemplateEditor(Principal user, String csrf, fr.vigie.response.Template template, String draft,
      fr.vigie.response.Suggestion.Option preview, String error, String platform) {

    public boolean canEdit() {
      return user.canReview();
    }
  }

  /** The account page; {@code newToken} is shown once, right after it is created. */
  public record Account(Principal user, String csrf, int tokenCount, String newToken, String serverUrl) {}
}
