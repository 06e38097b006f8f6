package fr.vigie.response;

import static fr.vigie.db.generated.Tables.RESPONSE_TEMPLATE;
import static fr.vigie.db.generated.Tables.RESPONSE_TEMPLATE_VERSION;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.Record;

/** Templates and their versions in the database; an edit is an insert, never an update of a text. */
public final class TemplateRepository {

  private final DSLContext dsl;

  public TemplateRepository(DSLContext dsl) {
    this.dsl = dsl;
  }

  boolean isEmpty() {
    return dsl.fetchCount(RESPONSE_TEMPLATE) == 0;
  }

  void create(String id, String label, String lang, Kind kind, String text, String author, Instant at) {
    dsl.transaction(c -> insert(c.dsl(), id, label, lang, kind, text, author, at));
  }

  /** The shipped library in one transaction (one disk sync, not 54). */
  void createAll(List<Library.DefaultTemplate> all, java.util.function.Supplier<String> ids, String author, Instant at) {
    dsl.transaction(c -> all.forEach(t -> insert(c.dsl(), ids.get(), t.label(), t.lang(), t.kind(), t.text(), author, at)));
  }

  private static void insert(DSLContext dsl, String id, String label, String lang, Kind kind, String text, String author,
      Instant at) {
    dsl.insertInto(RESPONSE_TEMPLATE)
        .set(RESPONSE_TEMPLATE.ID, id)
        .set(RESPONSE_TEMPLATE.LABEL, label)
        .set(RESPONSE_TEMPLATE.LANG, lang)
        .set(RESPONSE_TEMPLATE.KIND, kind.wire())
        .set(RESPONSE_TEMPLATE.CURRENT_VERSION, 1)
        .set(RESPONSE_TEMPLATE.ARCHIVED, false)
        .set(RESPONSE_TEMPLATE.CREATED_AT, utc(at))
        .execute();
    insertVersion(dsl, id, 1, text, author, at);
  }

  /** Adds a version and makes it current; the new version number, or empty when no such template. */
  Optional<Integer> addVersion(String id, String text, String author, Instant at) {
    return dsl.transactionResult(c -> {
      Integer current = c.dsl().select(RESPONSE_TEMPLATE.CURRENT_VERSION).from(RESPONSE_TEMPLATE)
          .where(RESPONSE_TEMPLATE.ID.eq(id)).fetchOne(RESPONSE_TEMPLATE.CURRENT_VERSION);
      if (current == null) {
        return Optional.<Integer>empty();
      }
      int next = current + 1;
      insertVersion(c.dsl(), id, next, text, author, at);
      c.dsl().update(RESPONSE_TEMPLATE).set(RESPONSE_TEMPLATE.CURRENT_VERSION, next)
          .set(RESPONSE_TEMPLATE.ARCHIVED, false).where(RESPONSE_TEMPLATE.ID.eq(id)).execute();
      return Optional.of(next);
    });
  }

  boolean archive(String id) {
    return dsl.update(RESPONSE_TEMPLATE).set(RESPONSE_TEMPLATE.ARCHIVED, true)
        .where(RESPONSE_TEMPLATE.ID.eq(id)).execute() == 1;
  }

  /** Current versions, archived ones only when asked, ordered by label, language, kind. */
  List<Template> current(boolean withArchived) {
    var query = dsl.select().from(RESPONSE_TEMPLATE).join(RESPONSE_TEMPLATE_VERSION)
        .on(RESPONSE_TEMPLATE_VERSION.TEMPLATE_ID.eq(RESPONSE_TEMPLATE.ID)
            .and(RESPONSE_TEMPLATE_VERSION.VERSION.eq(RESPONSE_TEMPLATE.CURRENT_VERSION)));
    var where = withArchived ? query.where() : query.where(RESPONSE_TEMPLATE.ARCHIVED.isFalse());
    return where.orderBy(RESPONSE_TEMPLATE.LABEL, RESPONSE_TEMPLATE.LANG, RESPONSE_TEMPLATE.KIND, RESPONSE_TEMPLATE.ID)
        .fetch(TemplateRepository::template);
  }

  Optional<Template> byId(String id) {
    return dsl.select().from(RESPONSE_TEMPLATE).join(RESPONSE_TEMPLATE_VERSION)
        .on(RESPONSE_TEMPLATE_VERSION.TEMPLATE_ID.eq(RESPONSE_TEMPLATE.ID)
            .and(RESPONSE_TEMPLATE_VERSION.VERSION.eq(RESPONSE_TEMPLATE.CURRENT_VERSION)))
        .where(RESPONSE_TEMPLATE.ID.eq(id)).fetchOptional(TemplateRepository::template);
  }

  /** One version of a template, as it was. */
  Optional<Template.Version> version(String id, int version) {
    return dsl.selectFrom(RESPONSE_TEMPLATE_VERSION)
        .where(RESPONSE_TEMPLATE_VERSION.TEMPLATE_ID.eq(id).and(RESPONSE_TEMPLATE_VERSION.VERSION.eq(version)))
        .fetchOptional(r -> new Template.Version(r.getVersion(), r.getBody(), r.getAuthorLogin(), instant(r.getCreatedAt())));
  }

  List<Template.Version> versions(String id) {
    return dsl.selectFrom(RESPONSE_TEMPLATE_VERSION).where(RESPONSE_TEMPLATE_VERSION.TEMPLATE_ID.eq(id))
        .orderBy(RESPONSE_TEMPLATE_VERSION.VERSION.desc())
        .fetch(r -> new Template.Version(r.getVersion(), r.getBody(), r.getAuthorLogin(), instant(r.getCreatedAt())));
  }

  private static void insertVersion(DSLContext dsl, String id, int version, String text, String author, Instant at) {
    dsl.insertInto(RESPONSE_TEMPLATE_VERSION)
        .set(RESPONSE_TEMPLATE_VERSION.TEMPLATE_ID, id)
        .set(RESPONSE_TEMPLATE_VERSION.VERSION, version)
        .set(RESPONSE_TEMPLATE_VERSION.BODY, text)
        .set(RESPONSE_TEMPLATE_VERSION.AUTHOR_LOGIN, author)
        .set(RESPONSE_TEMPLATE_VERSION.CREATED_AT, utc(at))
        .execute();
  }

  private static Template template(Record r) {
    return new Template(r.get(RESPONSE_TEMPLATE.ID), r.get(RESPONSE_TEMPLATE.LABEL), r.get(RESPONSE_TEMPLATE.LANG),
        r.get(RESPONSE_TEMPLATE.KIND), r.get(RESPONSE_TEMPLATE.CURRENT_VERSION), r.get(RESPONSE_TEMPLATE_VERSION.BODY),
        r.get(RESPONSE_TEMPLATE_VERSION.AUTHOR_LOGIN), instant(r.get(RESPONSE_TEMPLATE_VERSION.CREATED_AT)),
        r.get(RESPONSE_TEMPLATE.ARCHIVED), null);
  }

  static LocalDateTime utc(Instant at) {
    return LocalDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  static Instant instant(LocalDateTime at) {
    return at.toInstant(ZoneOffset.UTC);
  }
}
