// @ts-check
// What a scan sends to the worker and what comes back: posts keyed by text hash, so an unchanged text is never sent
// twice; batches of ≤ 100 as {type: 'classify', items}; the answers, or the failure, kept per hash. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const MAX_BATCH = 100;
  const RETRY_AFTER_MS = 30000;

  /**
   * @typedef {{ status: 'pending' } | { status: 'done', classification: any, labelNames: any }
   *   | { status: 'failed', at: number, message: string }} CacheEntry
   * @typedef {{ id: string, text: string, lang?: string, platform: string }} ClassifyItem
   */

  /**
   * @param {{ sendMessage: (message: object) => Promise<any>, platform: string }} options
   */
  function createClassifier({ sendMessage, platform }) {
    /** @type {Map<string, CacheEntry>} classifications by text hash, also for a text seen again in a new element */
    const cache = new Map();

    /**
     * Marks the text pending and returns its wire item when it must be sent: never seen, or failed a while ago.
     * @param {string} hash
     * @param {Extraction} extraction
     * @returns {ClassifyItem | null}
     */
    function want(hash, extraction) {
      const entry = cache.get(hash);
      if (entry && !(entry.status === 'failed' && Date.now() - entry.at > RETRY_AFTER_MS)) return null;
      cache.set(hash, { status: 'pending' });
      /** @type {ClassifyItem} */
      const value = { id: extraction.id, text: extraction.text, platform };
      const lang = vigie.languageTag(extraction.lang);
      if (lang) value.lang = lang;
      return value;
    }

    /**
     * Sends the items in batches; after each answer, onAnswer(the hashes it settled) — resolved when all are done.
     * @param {Map<string, ClassifyItem>} batch text hash → item
     * @param {(hashes: Set<string>) => Promise<void>} onAnswer
     */
    function send(batch, onAnswer) {
      const items = Array.from(batch.entries());
      /** @type {Promise<void>[]} */
      const sent = [];
      for (let i = 0; i < items.length; i += MAX_BATCH) {
        sent.push(classify(items.slice(i, i + MAX_BATCH)).then(onAnswer));
      }
      return Promise.all(sent).then(() => undefined);
    }

    /**
     * @param {[string, ClassifyItem][]} chunk
     * @returns {Promise<Set<string>>} the hashes this answer settled
     */
    async function classify(chunk) {
      /** @type {Map<string, string>} request id → text hash */
      const hashes = new Map();
      const items = chunk.map(([hash, value]) => {
        // Two texts of one post id (edited while on screen) must not share a request id.
        let id = value.id;
        for (let n = 2; hashes.has(id); n += 1) id = `${value.id}~${n}`;
        hashes.set(id, hash);
        return { ...value, id };
      });
      let response;
      try {
        response = await sendMessage({ type: 'classify', items });
      } catch {
        // The extension was reloaded or updated under this page: its worker is gone for this tab.
        response = { ok: false, error: { message: 'Extension Vigie rechargée : actualisez la page.' } };
      }
      const answered = new Set();
      if (response && response.ok && Array.isArray(response.results)) {
        for (const result of response.results) {
          const hash = hashes.get(result.id);
          if (hash === undefined) continue;
          answered.add(hash);
          cache.set(hash, { status: 'done', classification: result, labelNames: response.labels ?? {} });
        }
      }
      const message = response && response.error && typeof response.error.message === 'string'
        ? response.error.message : 'Réponse du serveur Vigie incomplète.';
      for (const hash of hashes.values()) {
        if (!answered.has(hash)) cache.set(hash, { status: 'failed', at: Date.now(), message });
      }
      return new Set(hashes.values());
    }

    return { cache, want, send };
  }

  vigie.createClassifier = createClassifier;
})();
