// @ts-check
// Site-independent part of the content scripts: watch the page, key posts by platform id, batch them to
// the worker, draw badges, start captures. Only the adapter knows the site (STYLE.md "one contract").
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  /**
   * @typedef {object} Extraction
   * @property {string} id the platform's post id
   * @property {string | null} permalink absolute URL of the post
   * @property {{ name: string, handle: string | null, profileUrl: string | null }} author
   * @property {string | null} publishedAt ISO 8601
   * @property {string} text what the reader sees, emoji as characters, quotes excluded
   * @property {string | null} [lang] language the page declares for the text
   */

  /**
   * @typedef {object} SiteAdapter
   * @property {string} name platform name of the shared schemas (x, facebook …)
   * @property {(location: Location | URL) => boolean} matches
   * @property {(root: ParentNode) => Element[]} findPosts
   * @property {(postEl: Element) => Extraction | null} extract null (and a console.warn) when a required element is missing
   * @property {(postEl: Element) => Element} badgeAnchor where the zero-height badge host is inserted
   * @property {() => void} destroy
   */

  const MAX_BATCH = 100;
  const SCAN_DELAY_MS = 150;
  const RETRY_AFTER_MS = 30000;
  const EMPTY_REPORT_AFTER_MS = 10000;

  /** @param {Location | URL} location */
  function pickAdapter(location) {
    return vigie.adapters.find((adapter) => adapter.matches(location)) ?? null;
  }

  /**
   * @param {{ window: Window & typeof globalThis, adapter: SiteAdapter, sendMessage: (message: object) => Promise<any> }} options
   */
  function createCore({ window, adapter, sendMessage }) {
    const { document } = window;
    const badge = vigie.badge;
    const text = /** @type {NonNullable<Vigie['text']>} */ (vigie.text);
    /**
     * What was last drawn on each post element. X recycles cells, so the id is checked again on every scan.
     * @type {WeakMap<Element, { id: string, hash: string, extraction: Extraction, host: HTMLElement,
     *   capture: { status: 'busy' | 'done' | 'error', captureId?: string, message?: string } | null }>}
     */
    const posts = new WeakMap();
    /**
     * Classifications by text hash: an unchanged text is never sent twice, even in a new element.
     * @type {Map<string, { status: 'pending' } | { status: 'done', classification: any, labelNames: any }
     *   | { status: 'failed', at: number, message: string }>}
     */
    const cache = new Map();
    const startedAt = Date.now();
    /** @type {MutationObserver | null} */
    let observer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    let reportedEmpty = false;

    function start() {
      // One observer; its callback only schedules a scan, so busy pages cost a timer, not a DOM walk.
      observer = new window.MutationObserver(schedule);
      observer.observe(document.documentElement, {
        childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'datetime', 'lang'],
      });
      return scan();
    }

    function stop() {
      if (observer) observer.disconnect();
      observer = null;
      if (timer !== null) clearTimeout(timer);
      timer = null;
      adapter.destroy();
    }

    function schedule() {
      if (timer !== null) return;
      timer = setTimeout(() => {
        timer = null;
        scan();
      }, SCAN_DELAY_MS);
    }

    /** Draws or refreshes every post's badge and sends what is new; resolves when the batches are answered. */
    function scan() {
      const found = adapter.findPosts(document);
      reportIfEmpty(found.length);
      /** @type {Map<string, { id: string, text: string, lang?: string, platform: string }>} */
      const batch = new Map();
      for (const el of found) {
        const extraction = adapter.extract(el);
        if (!extraction) continue;
        const hash = text.hash(`${extraction.lang ?? ''}\n${extraction.text}`);
        const state = track(el, extraction, hash);
        const entry = cache.get(hash);
        const retry = entry && entry.status === 'failed' && Date.now() - entry.at > RETRY_AFTER_MS;
        if ((!entry || retry) && !batch.has(hash)) {
          cache.set(hash, { status: 'pending' });
          batch.set(hash, item(extraction));
          draw(el);
        } else if (state.fresh) {
          draw(el);
        }
      }
      const items = Array.from(batch.entries());
      /** @type {Promise<void>[]} */
      const sent = [];
      for (let i = 0; i < items.length; i += MAX_BATCH) sent.push(classify(items.slice(i, i + MAX_BATCH)));
      return Promise.all(sent).then(() => undefined);
    }

    /**
     * Binds an element to the post it shows now; a recycled element loses the previous post's badge.
     * @param {Element} el
     * @param {Extraction} extraction
     * @param {string} hash
     */
    function track(el, extraction, hash) {
      const state = posts.get(el);
      const anchor = adapter.badgeAnchor(el);
      if (state && state.id === extraction.id && state.hash === hash) {
        state.extraction = extraction;
        const moved = !state.host.isConnected || state.host.parentNode !== anchor;
        if (moved) anchor.prepend(state.host);
        return { fresh: false };
      }
      if (state) state.host.remove();
      el.removeAttribute('data-vigie-risk');
      el.setAttribute('data-vigie-post-id', extraction.id);
      const host = badge.create(document, extraction.id, () => capture(el));
      anchor.prepend(host);
      posts.set(el, { id: extraction.id, hash, extraction, host, capture: null });
      return { fresh: true };
    }

    /** @param {Extraction} extraction */
    function item(extraction) {
      /** @type {{ id: string, text: string, lang?: string, platform: string }} */
      const value = { id: extraction.id, text: extraction.text, platform: adapter.name };
      if (extraction.lang) value.lang = extraction.lang;
      return value;
    }

    /** @param {[string, { id: string, text: string, lang?: string, platform: string }][]} chunk */
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
      redrawAll(new Set(hashes.values()));
    }

    /** @param {Set<string>} hashes */
    function redrawAll(hashes) {
      for (const el of adapter.findPosts(document)) {
        const state = posts.get(el);
        if (state && hashes.has(state.hash)) draw(el);
      }
    }

    /** @param {Element} el */
    function draw(el) {
      const state = posts.get(el);
      if (!state) return;
      const entry = cache.get(state.hash);
      if (!entry || entry.status === 'pending') {
        el.removeAttribute('data-vigie-risk');
        badge.render(state.host, { state: 'pending' });
      } else if (entry.status === 'failed') {
        el.removeAttribute('data-vigie-risk');
        badge.render(state.host, { state: 'offline', message: entry.message });
      } else {
        el.setAttribute('data-vigie-risk', entry.classification.risk);
        badge.render(state.host, {
          state: 'classified',
          classification: entry.classification,
          labelNames: entry.labelNames,
          capture: state.capture ?? undefined,
        });
      }
    }

    /**
     * Files the post as evidence: screenshot of the post's box plus what Vigie knows about it.
     * Reached only from a trusted click (badge.js checks event.isTrusted).
     * @param {Element} el
     */
    async function capture(el) {
      const state = posts.get(el);
      if (!state) return;
      const entry = cache.get(state.hash);
      if (!entry || entry.status !== 'done' || (state.capture && state.capture.status === 'busy')) return;
      const { id, extraction } = state;
      setCapture(el, id, { status: 'busy' });

      const before = el.getBoundingClientRect();
      if (before.top < 0 || before.bottom > window.innerHeight) {
        el.scrollIntoView({ block: before.height > window.innerHeight ? 'start' : 'center', behavior: 'instant' });
      }
      // Two frames: one for the scroll and the "Capture…" state to be laid out, one for them to be painted.
      await new Promise((resolve) => window.requestAnimationFrame(() => window.requestAnimationFrame(resolve)));
      const now = posts.get(el);
      if (!now || now.id !== id) return; // The cell was recycled meanwhile: its new post has its own badge.

      const rect = el.getBoundingClientRect();
      const metadata = {
        pageUrl: window.location.href,
        pageTitle: document.title,
        permalink: extraction.permalink,
        platform: adapter.name,
        postId: id,
        author: extraction.author,
        publishedAt: extraction.publishedAt,
        text: extraction.text,
        classification: { ...entry.classification, id },
      };
      let response;
      try {
        response = await sendMessage({
          type: 'capture',
          metadata,
          rect: { x: rect.x, y: rect.y, width: rect.width, height: rect.height },
          devicePixelRatio: window.devicePixelRatio || 1,
        });
      } catch {
        response = { ok: false, error: { message: 'Extension Vigie rechargée : actualisez la page.' } };
      }
      if (response && response.ok && response.capture && typeof response.capture.id === 'string') {
        setCapture(el, id, { status: 'done', captureId: response.capture.id });
      } else {
        const message = response && response.error && typeof response.error.message === 'string'
          ? response.error.message : 'Échec de la capture.';
        setCapture(el, id, { status: 'error', message });
      }
    }

    /**
     * @param {Element} el
     * @param {string} id the post the capture was for; ignored if the element now shows another post
     * @param {{ status: 'busy' | 'done' | 'error', captureId?: string, message?: string }} value
     */
    function setCapture(el, id, value) {
      const state = posts.get(el);
      if (!state || state.id !== id) return;
      state.capture = value;
      draw(el);
    }

    /** @param {number} count */
    function reportIfEmpty(count) {
      if (count > 0 || reportedEmpty || Date.now() - startedAt < EMPTY_REPORT_AFTER_MS) return;
      reportedEmpty = true;
      console.info(`[vigie:${adapter.name}] aucun message trouvé sur cette page / no post found on this page`);
    }

    return { start, stop, scan, capture };
  }

  vigie.pickAdapter = pickAdapter;
  vigie.createCore = createCore;
})();
