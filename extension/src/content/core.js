// @ts-check
// Site-independent part of the content scripts: watch the page, key posts by platform id, send them to the worker
// (classify.js), draw badges (draw.js), start captures; pick.js chose the adapter, canary.js watches that it still
// reads the site.
// Only the adapter knows the site (STYLE.md "one contract"). New posts are read and given their badge host in the
// page's own task, and risks are drawn when the page next changes (frame-writes.js): Vigie adds no frame of its own.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  /**
   * @typedef {object} Extraction
   * @property {string} id the platform's post id
   * @property {string | null} permalink absolute URL of the post
   * @property {{ name: string, handle: string | null, profileUrl: string | null }} author
   * @property {string | null} publishedAt ISO 8601
   * @property {string | null} [publishedShown] the publication time exactly as the page shows it ("2 h", « 21 nov. »)
   * @property {string} text what the reader sees, emoji as characters, quotes excluded
   * @property {string | null} [lang] language the page declares for the text
   * @property {string | null} [parentId] the post this one answers, when the page says
   * @property {{ replies?: number, reposts?: number, likes?: number }} [counts] what the page shows
   */

  /**
   * @typedef {object} SiteAdapter
   * @property {string} name the adapter's own name (x, old-reddit, phpbb …), used in logs and health reports
   * @property {string} [platform] the platform of the shared schemas (x, reddit, schema_org …); name when absent
   * @property {(location: Location | URL, document: Document) => boolean} matches recognises the engine from the page
   * @property {(root: ParentNode) => Element[]} findPosts
   * @property {(el: Element) => boolean} [isPost] el is itself a post (what findPosts of its parent would include)
   * @property {(postEl: Element) => Extraction | null} extract null (and a console.warn) when a required element is missing
   * @property {(postEl: Element) => Element} badgeAnchor where the zero-height badge host is inserted
   * @property {(postEl: Element) => boolean} [isTruncated] true while the page shows only the start of the text
   * @property {(document: Document) => boolean} [isUnavailable] the platform's "unavailable" page for this address
   * @property {(document: Document, captured: CapturedPost) => boolean} [threadComplete] its absence proves deletion
   * @property {(postEl: Element, extraction: Extraction, text: string) => ReplyAction} replyAction how « Répondre sur
   *   la plateforme » answers the post with the CM's text (content/reply.js); never sends anything
   * @property {() => void} destroy
   */

  /**
   * @typedef {'no_posts' | 'empty_author' | 'empty_text'} Problem
   * @typedef {{ problem: Problem, affected?: number, detail?: string }} ProblemReport
   * @typedef {{ critical: number, high: number, medium: number, low: number, none: number, pending: number }} RiskCounts
   * @typedef {{ adapter: string, platform: string, running: boolean, postsFound: number, counts: RiskCounts,
   *   problems: ProblemReport[], deleted: { captureId: string, seenAt: string }[] }} CoreStatus
   */

  // After an SPA navigation event: the page's new DOM usually follows within a few tasks.
  const SCAN_DELAY_MS = 40;
  // A post's risk is drawn with the page's next DOM change, and this long after the post was read at the latest:
  // the overlay's goal is a risk shown ≤ 150 ms after the post appeared (it is read in the task that added it).
  const RISK_DEADLINE_MS = 120;
  const NO_POSTS_AFTER_MS = 10000;

  /**
   * @param {{ window: Window & typeof globalThis, adapter: SiteAdapter, sendMessage: (message: object) => Promise<any>,
   *   onLeave?: () => void, noPostsAfterMs?: number }} options
   *   onLeave: called after the core stopped itself because the page (an SPA navigation) no longer matches
   */
  function createCore({ window, adapter, sendMessage, onLeave, noPostsAfterMs = NO_POSTS_AFTER_MS }) {
    const { document } = window;
    const badge = vigie.badge;
    const text = /** @type {NonNullable<Vigie['text']>} */ (vigie.text);
    const platform = vigie.platformOf(adapter);
    /**
     * What was last drawn on each post element. X recycles cells, so the id is checked again on every scan.
     * @type {WeakMap<Element, { id: string, hash: string, extraction: Extraction, host: HTMLElement, truncated: boolean,
     *   capture: import('./capture-state.js').CaptureView | null }>}
     */
    const posts = new WeakMap();
    /** Elements Vigie marked, so stop() can clean them; disconnected ones are dropped on each scan. */
    const marked = new Set();
    const classifier = vigie.createClassifier({ sendMessage, platform });
    const cache = classifier.cache;
    const canary = vigie.createCanary({ window, adapter, platform, sendMessage, noPostsAfterMs });
    const deleted = vigie.createDeletedWatch({ window, adapter, sendMessage });
    let running = false;
    let lastHref = window.location.href;
    let postsFound = 0;
    /** @type {MutationObserver | null} */
    let observer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let noPostsTimer = null;
    /** @type {{ consider(el: Element, postId: string, risk: string): void, stop(): void } | null} */
    let auto = null;
    const changes = vigie.createChangeTracker({ adapter, document, isTracked: (el) => posts.has(el) });
    const writes = vigie.createFrameWrites({ window });
    const painter = vigie.createPainter({ window, adapter, posts, marked, cache, writes, isRunning: () => running,
      consider: (/** @type {Element} */ el, /** @type {string} */ postId, /** @type {string} */ risk) => auto?.consider(el, postId, risk),
      capture: (/** @type {Element} */ el) => actions.capture(el), respond: (/** @type {Element} */ el) => actions.respond(el) });
    const draw = painter.draw;
    const actions = vigie.createPostActions({ window, adapter, platform, sendMessage, posts, cache, marked, draw });
    // SPA sites (X, Facebook, Reddit) change the URL without a reload. The Navigation API sees pushState from
    // the page's world too (https://developer.chrome.com/docs/web-platform/navigation-api); popstate and the
    // check at each scan cover browsers and test DOMs without it.
    const navigation = /** @type {EventTarget | undefined} */ (/** @type {any} */ (window).navigation);
    const onNavigate = () => schedule();

    function start() {
      if (running) return Promise.resolve();
      running = true;
      changes.requestFull();
      lastHref = window.location.href;
      canary.restart();
      deleted.restart();
      // One observer; its callback only notes where the page changed and schedules a scan of those places.
      observer = new window.MutationObserver(noteChanges);
      observer.observe(document.documentElement, {
        childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['href', 'datetime', 'lang'],
      });
      navigation?.addEventListener('currententrychange', onNavigate);
      window.addEventListener('popstate', onNavigate);
      armNoPostsCheck();
      auto = vigie.createAutoCapture({ window, platform, sendMessage, idOf: (el) => posts.get(el)?.id,
        capture: (el) => actions.capture(el, { automatic: true }) });
      return scan();
    }

    /** Stops watching and removes everything Vigie added to the page: badges and attributes. */
    function stop() {
      if (!running) return;
      running = false;
      deleted.stop();
      observer?.disconnect();
      observer = null;
      navigation?.removeEventListener('currententrychange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
      for (const handle of [timer, noPostsTimer]) if (handle !== null) clearTimeout(handle);
      timer = null;
      noPostsTimer = null;
      painter.stop();
      // Not running any more: the held redraws draw nothing, but the scans waiting on them resolve.
      writes.flush();
      auto?.stop();
      for (const el of marked) painter.unmark(el);
      marked.clear();
      // Hosts whose post element the page replaced while keeping the anchor.
      for (const host of Array.from(document.querySelectorAll(badge.TAG))) host.remove();
      adapter.destroy();
    }

    /**
     * Runs in the page's task, after its DOM changes and before the frame that shows them: the held redraws and the
     * new posts' badge hosts go into that frame instead of one of their own.
     * @param {MutationRecord[]} records
     */
    function noteChanges(records) {
      if (!changes.note(records) || !running) return;
      writes.flush();
      scan();
    }

    function schedule() {
      if (timer !== null || !running) return;
      timer = setTimeout(() => {
        timer = null;
        scan();
      }, SCAN_DELAY_MS);
    }

    function armNoPostsCheck() {
      if (noPostsTimer !== null) clearTimeout(noPostsTimer);
      // +1 ms: the scan it triggers must see the full delay elapsed.
      noPostsTimer = setTimeout(() => {
        noPostsTimer = null;
        changes.requestFull();
        scan();
      }, noPostsAfterMs + 1);
    }

    /**
     * After an SPA navigation: rescan if the adapter still reads the page, otherwise clean up and hand back.
     * @returns {boolean} whether the core still runs
     */
    function followLocation() {
      if (window.location.href === lastHref) return true;
      lastHref = window.location.href;
      changes.requestFull();
      let still = false;
      try {
        still = adapter.matches(window.location, document);
      } catch (error) {
        console.warn(`[vigie:${adapter.name}] détection en échec / detection failed`, error);
      }
      if (!still) {
        stop();
        onLeave?.();
        return false;
      }
      canary.restart();
      deleted.restart();
      armNoPostsCheck();
      return true;
    }

    /** Draws or refreshes every post's badge and sends what is new; resolves when the batches are answered. */
    function scan() {
      if (!running || !followLocation()) return Promise.resolve();
      for (const el of marked) if (!el.isConnected) marked.delete(el);
      // Changes the observer has not delivered yet (made in the same task as this scan) count too.
      if (observer) changes.note(observer.takeRecords());
      const found = changes.take();
      /** @type {Extraction[]} */
      const extracted = [];
      /** @type {Map<string, import('./classify.js').ClassifyItem>} */
      const batch = new Map();
      for (const el of found) {
        const extraction = adapter.extract(el);
        if (!extraction) continue;
        extracted.push(extraction);
        const hash = text.hash(`${extraction.lang ?? ''}\n${extraction.text}`);
        const state = painter.track(el, extraction, hash);
        const wanted = batch.has(hash) ? null : classifier.want(hash, extraction);
        if (wanted) batch.set(hash, wanted);
        if (wanted || state.fresh) draw(el);
      }
      postsFound = marked.size;
      canary.check(postsFound, Array.from(marked, (el) => posts.get(el)?.extraction).filter((e) => e !== undefined));
      deleted.saw(extracted);
      const deadline = performance.now() + RISK_DEADLINE_MS;
      // Each answer's risks are drawn with the page's next change (frame-writes.js), by the deadline at the latest.
      return classifier.send(batch, (done) => new Promise((resolve) => {
        writes.defer(done, () => {
          if (running) redrawAll(done);
          resolve(undefined);
        }, deadline);
      }));
    }

    /** @param {Set<string>} hashes */
    function redrawAll(hashes) {
      for (const el of marked) {
        const state = posts.get(el);
        if (state && hashes.has(state.hash)) draw(el);
      }
    }

    /** @returns {CoreStatus} */
    function status() {
      /** @type {RiskCounts} */
      const counts = { critical: 0, high: 0, medium: 0, low: 0, none: 0, pending: 0 };
      if (running) {
        const found = adapter.findPosts(document);
        postsFound = found.length;
        for (const el of found) {
          const state = posts.get(el);
          if (!state) continue; // not a readable post (an ad): not counted
          const entry = cache.get(state.hash);
          const risk = entry && entry.status === 'done' ? entry.classification.risk : 'pending';
          if (risk in counts) counts[/** @type {keyof RiskCounts} */ (risk)] += 1;
        }
      }
      return {
        adapter: adapter.name,
        platform,
        running,
        postsFound: running ? postsFound : 0,
        counts,
        problems: canary.problems(),
        deleted: deleted.sightings(),
      };
    }

    return { start, stop, scan, capture: actions.capture, captureSent: actions.captureSent, status };
  }

  vigie.createCore = createCore;
})();
