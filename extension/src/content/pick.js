// @ts-check
// Which adapter reads this page, and the small facts every part asks of an adapter: its platform on the wire, the
// page's language in the form the server accepts. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  const FALLBACK_PLATFORM = 'schema_org';

  /** @param {SiteAdapter} adapter */
  function platformOf(adapter) {
    return adapter.platform ?? adapter.name;
  }

  /**
   * The page's language in the form the server accepts ("fr", "fr-BE"), or null: X marks some posts "und" or "qme",
   * forums say "fr-FR" for their interface, and one invalid tag would get the whole batch refused.
   * @param {string | null | undefined} lang
   */
  function languageTag(lang) {
    const m = typeof lang === 'string' ? /^([a-z]{2})(?:-([a-z]{2}))?(?:-|$)/i.exec(lang) : null;
    return m ? m[1].toLowerCase() + (m[2] ? `-${m[2].toUpperCase()}` : '') : null;
  }

  /**
   * The adapter that recognises this page: specific sites and engines first, the schema.org fallback last,
   * whatever order the scripts were listed in. An adapter whose detection throws is skipped, not fatal.
   * @param {Location | URL} location
   * @param {Document} document
   */
  function pickAdapter(location, document) {
    const ordered = [
      ...vigie.adapters.filter((a) => platformOf(a) !== FALLBACK_PLATFORM),
      ...vigie.adapters.filter((a) => platformOf(a) === FALLBACK_PLATFORM),
    ];
    for (const adapter of ordered) {
      try {
        if (adapter.matches(location, document)) return adapter;
      } catch (error) {
        console.warn(`[vigie:${adapter.name}] détection en échec / detection failed`, error);
      }
    }
    return null;
  }

  vigie.platformOf = platformOf;
  vigie.pickAdapter = pickAdapter;
  vigie.languageTag = languageTag;
})();
