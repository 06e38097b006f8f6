package fr.vigie.response;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fr.vigie.Accounts;
import fr.vigie.ServerTest;
import fr.vigie.TestServer;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.vigie.account.Role;
import fr.vigie.classification.Taxonomy;
import fr.vigie.web.Schemas;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseApiTest extends ServerTest {

  static final Taxonomy TAXONOMY = Taxonomy.load(new ObjectMapper());
  static final List<String> LABELS = List.copyOf(TAXONOMY.labels());
  final Schemas schemas = new Schemas();

  static ObjectNode post(String platform, String lang, String text, String name, String... labels) {
    ObjectNode body = TestServer.JSON.createObjectNode();
    ObjectNode post = body.putObject("post");
    post.put("platform", platform).put("postId", "1859012345678901234").put("text", text).put("lang", lang);
    post.putObject("author").put("name", name).put("handle", "lea_m");
    ObjectNode c = body.putObject("classification");
    c.put("id", "1859012345678901234").put("risk", labels.length == 0 ? "none" : "critical").put("language", lang);
    var list = c.putArray("labels");
    for (String label : labels) {
      list.addObject().put("label", label).put("risk", risk(label)).put("score", 0.9).putArray("evidence");
    }
    c.putArray("neutralized");
    return body;
  }

  static String risk(String label) {
    return TAXONOMY.riskOf(label).wire();
  }

  JsonNode suggest(ObjectNode body) {
    HttpResponse<String> r = server.postJson("/api/v1/responses/suggest", body.toString());
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode json = TestServer.json(r);
    assertThat(schemas.violations("response-suggestion", json)).isEmpty();
    return json;
  }

  @Test
  void a_distress_call_on_x_gets_the_3114_and_the_emergency_number_within_280_characters() {
    JsonNode s = suggest(post("x", "fr", "j’ai pris toutes mes boîtes de médocs, dites à ma mère que je l’aime",
        "Léa Martin", "distress"));
    JsonNode best = s.get("best");
    assertThat(best.get("kind").asText()).isEqualTo("public_reply");
    assertThat(best.get("text").asText()).startsWith("Léa, nous avons lu votre message").contains("3114")
        .contains("le 15 ou le 112");
    assertThat(best.get("length").asInt()).isLessThanOrEqualTo(280);
    assertThat(best.get("limit").asInt()).isEqualTo(280);
    assertThat(s.get("helplines").get("helpline").asText()).contains("3114");
    assertThat(s.get("reporting").get("rule").asText()).contains("suicide");
    assertThat(s.get("alternatives").findValuesAsText("kind")).contains("private_message", "acknowledgement");
    JsonNode dm = s.get("alternatives").get(0);
    assertThat(dm.get("text").asText()).contains("« j’ai pris toutes mes boîtes de médocs").contains("SOS Amitié");
  }

  @Test
  void the_country_setting_changes_the_helplines_and_the_brand_signs_the_replies() {
    HttpResponse<String> put = server.send(server.request("/api/v1/settings").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"brand\":\"Maison Dupont\",\"country\":\"BE\"}")).build());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode s = suggest(post("facebook", "fr", "je veux en finir", "Léa Martin", "distress"));
    assertThat(s.get("country").asText()).isEqualTo("BE");
    assertThat(s.get("best").get("text").asText()).contains("0800 32 123").contains("le 112");
    assertThat(s.get("alternatives").get(0).get("text").asText()).contains("l’équipe Maison Dupont");
    ObjectNode other = post("facebook", "fr", "je veux en finir", "Léa Martin", "distress");
    other.put("country", "CH");
    assertThat(suggest(other).get("best").get("text").asText()).contains("143");
  }

  @Test
  void an_unknown_country_is_refused_and_the_settings_stay() {
    HttpResponse<String> put = server.send(server.request("/api/v1/settings").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString("{\"brand\":\"X\",\"country\":\"ZZ\"}")).build());
    assertThat(put.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(put).get("message").asText()).contains("ZZ");
    assertThat(TestServer.json(server.get("/api/v1/settings")).get("country").asText()).isEqualTo("FR");
  }

  @Test
  void selection_follows_label_language_and_platform_for_every_label() {
    assertThat(LABELS).hasSize(9);
    for (String label : LABELS) {
      for (String lang : List.of("fr", "en")) {
        for (String platform : List.of("x", "facebook", "phpbb")) {
          JsonNode s = suggest(post(platform, lang, "texte " + "long ".repeat(100), "Léa Martin", label));
          JsonNode best = s.get("best");
          String where = label + "/" + lang + "/" + platform;
          assertThat(s.get("label").asText()).as(where).isEqualTo(label);
          assertThat(best.get("label").asText()).as(where).isEqualTo(label);
          assertThat(best.get("lang").asText()).as(where).isEqualTo(lang);
          assertThat(best.get("kind").asText()).as(where).isEqualTo("public_reply");
          if (!best.get("limit").isNull() && best.get("limit").asInt() > 0) {
            assertThat(best.get("length").asInt()).as(where).isLessThanOrEqualTo(best.get("limit").asInt());
          }
          assertThat(best.get("text").asText()).as(where).doesNotContain("{").doesNotContain("[[");
        }
      }
    }
  }

  @Test
  void the_most_serious_label_is_answered_and_distress_comes_before_threat() {
    JsonNode s = suggest(post("x", "fr", "je vais me tuer et tuer mon chef", "Léa", "threat", "insult", "distress"));
    assertThat(s.get("label").asText()).isEqualTo("distress");
    assertThat(s.get("alternatives").findValuesAsText("label")).contains("threat");
    assertThat(suggest(post("x", "fr", "vous êtes des nuls, remboursez", "Léa", "complaint", "insult"))
        .get("label").asText()).isEqualTo("insult");
  }

  @Test
  void a_post_without_risk_gets_a_note_and_no_response() {
    JsonNode s = suggest(post("x", "fr", "merci pour la livraison rapide", "Léa"));
    assertThat(s.get("best").isNull()).isTrue();
    assertThat(s.get("note").asText()).contains("aucune réponse");
  }

  @Test
  void a_suggest_body_without_classification_is_400_naming_it() {
    ObjectNode body = post("x", "fr", "?", "Léa", "question");
    body.remove("classification");
    HttpResponse<String> r = server.postJson("/api/v1/responses/suggest", body.toString());
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("classification");
  }

  @Test
  void every_edit_is_a_new_version_and_the_suggestion_uses_the_current_one() {
    JsonNode list = TestServer.json(server.get("/api/v1/templates?label=question&lang=fr&kind=public_reply"));
    assertThat(schemas.violations("template-list", list)).isEmpty();
    String id = list.get("items").get(0).get("id").asText();
    String body = "{\"label\":\"question\",\"lang\":\"fr\",\"kind\":\"public_reply\",\"text\":\"Bonjour {first_name}, "
        + "bonne question ! {cm_name} regarde ça.\"}";
    HttpResponse<String> put = server.send(server.request("/api/v1/templates/" + id).header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    JsonNode edited = TestServer.json(server.get("/api/v1/templates/" + id));
    assertThat(schemas.violations("template", edited)).isEmpty();
    assertThat(edited.get("version").asInt()).isEqualTo(2);
    assertThat(edited.get("versions")).hasSize(2);
    assertThat(edited.get("versions").get(0).get("author").asText()).isEqualTo("admin");
    assertThat(edited.get("versions").get(1).get("author").asText()).isEqualTo("vigie");
    JsonNode best = suggest(post("x", "fr", "Vous livrez le dimanche ?", "Léa Martin", "question")).get("best");
    assertThat(best.get("version").asInt()).isEqualTo(2);
    assertThat(best.get("text").asText()).isEqualTo("Bonjour Léa, bonne question ! Administrateur regarde ça.".replace("Administrateur",
        TestServer.json(server.get("/api/v1/me")).get("displayName").asText()));
    assertThat(server.send(server.request("/api/v1/templates/" + id).DELETE().build()).statusCode()).isEqualTo(204);
    assertThat(suggest(post("x", "fr", "?", "Léa", "question")).get("best").get("templateId").asText()).isNotEqualTo(id);
  }

  @Test
  void a_template_with_an_unknown_variable_is_refused_naming_it_and_nothing_changes() {
    String body = "{\"label\":\"question\",\"lang\":\"fr\",\"kind\":\"public_reply\",\"text\":\"Bonjour {prenom}\"}";
    int before = TestServer.json(server.get("/api/v1/templates")).get("items").size();
    HttpResponse<String> r = server.postJson("/api/v1/templates", body);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(TestServer.json(r).get("message").asText()).contains("{prenom}");
    assertThat(TestServer.json(server.get("/api/v1/templates")).get("items")).hasSize(before);
  }

  @Test
  void a_cm_reads_templates_but_cannot_edit_them() {
    String token = Accounts.withToken(data, "cm.lea", "Léa (CM)", Role.CM);
    HttpResponse<String> list = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/templates")).header("Authorization", "Bearer " + token).GET().build());
    assertThat(list.statusCode()).isEqualTo(200);
    String body = "{\"label\":\"question\",\"lang\":\"fr\",\"kind\":\"public_reply\",\"text\":\"Bonjour\"}";
    HttpResponse<String> create = server.send(java.net.http.HttpRequest.newBuilder(server.uri("/api/v1/templates")).header("Authorization", "Bearer " + token)
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(create.statusCode()).isEqualTo(403);
    assertThat(TestServer.json(create).get("message").asText()).contains("superviseurs");
  }

  @Test
  void the_preview_renders_a_draft_on_a_sample_post_within_the_limit() {
    HttpResponse<String> r = server.postJson("/api/v1/templates/preview",
        "{\"text\":\"Bonjour {first_name} ! {quote}\",\"platform\":\"x\",\"kind\":\"public_reply\",\"lang\":\"fr\"}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(TestServer.json(r).get("text").asText()).startsWith("Bonjour Léa ! Ça fait trois semaines");
  }

  @Test
  void an_intervention_is_recorded_with_its_template_version_and_listed_for_the_post() {
    JsonNode best = suggest(post("x", "fr", "Vous livrez le dimanche ?", "Léa Martin", "question")).get("best");
    String body = "{\"platform\":\"x\",\"postId\":\"1859012345678901234\",\"action\":\"copied\",\"templateId\":\""
        + best.get("templateId").asText() + "\",\"templateVersion\":1,\"finalText\":\"Bonjour Léa, oui !\"}";
    HttpResponse<String> r = server.postJson("/api/v1/interventions", body);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
    assertThat(schemas.violations("intervention", TestServer.json(r))).isEmpty();
    JsonNode list = TestServer.json(server.get("/api/v1/interventions?platform=x&postId=1859012345678901234"));
    assertThat(schemas.violations("intervention-list", list)).isEmpty();
    assertThat(list.get("items")).hasSize(1);
    assertThat(list.get("items").get(0).get("finalText").asText()).isEqualTo("Bonjour Léa, oui !");
    assertThat(list.get("items").get(0).get("by").asText()).isEqualTo("admin");
  }

  @Test
  void an_intervention_naming_a_missing_template_version_or_capture_is_refused_and_not_stored() {
    String wrongVersion = "{\"platform\":\"x\",\"postId\":\"1\",\"action\":\"copied\",\"templateId\":\"NOPE12345678\","
        + "\"templateVersion\":9,\"finalText\":\"t\"}";
    assertThat(server.postJson("/api/v1/interventions", wrongVersion).statusCode()).isEqualTo(404);
    String wrongCapture = "{\"captureId\":\"NOPE12345678\",\"platform\":\"x\",\"postId\":\"1\",\"action\":\"opened\",\"finalText\":\"t\"}";
    HttpResponse<String> r = server.postJson("/api/v1/interventions", wrongCapture);
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("NOPE12345678");
    assertThat(TestServer.json(server.get("/api/v1/interventions?platform=x&postId=1")).get("items")).isEmpty();
  }

  @Test
  void reporting_help_is_data_a_supervisor_can_edit() {
    JsonNode all = TestServer.json(server.get("/api/v1/reporting-help"));
    assertThat(schemas.violations("reporting-help-list", all)).isEmpty();
    assertThat(all.get("items").size()).isGreaterThanOrEqualTo(30);
    String body = "{\"label\":\"threat\",\"family\":\"x\",\"ruleFr\":\"Règle interne : tout signaler.\",\"ruleEn\":\"Report all.\","
        + "\"whereFr\":\"Menu ⋯\",\"whereEn\":\"Menu ⋯\"}";
    HttpResponse<String> put = server.send(server.request("/api/v1/reporting-help/threat/x").header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
    assertThat(suggest(post("x", "fr", "je vais venir avec une arme", "Léa", "threat")).get("reporting").get("rule").asText())
        .isEqualTo("Règle interne : tout signaler.");
  }
}
