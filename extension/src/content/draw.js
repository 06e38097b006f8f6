// @ts-check
// How a post's state shows on the page: its badge host bound to the element (X recycles cells), its risk as
// data-vigie-risk and on the badge, « Analyse… » only when the answer is slow (a quick answer draws each badge once),
// « Vigie hors ligne » when it failed. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const PENDING_RENDER_MS = 300;

  /**
   * @param {{ window: Window, adapter: SiteAdapter, posts: WeakMap<Element, any>, marked: Set<Element>,
   *   cache: Map<string, any>, writes: { defer(key: unknown, write: () => void): void }, isRunning: () => boolean,
   *   consider: (el: Element, postId: string, risk: string) => void, capture: (el: Element) => void,
   *   respond: (el: Element) => void }} options
   *   posts, marked, cache: the core's; writes: frame-writes.js; consider: auto-capture, at each drawing of a classified
   *   post; capture, respond: the badge's buttons (post-actions.js)
   */
  function createPainter({ window, adapter, posts, marked, cache, writes, isRunning, consider, capture, respond }) {
    const badge = vigie.badge;
    /** @type {boolean | null} */
    let staticAnchors = null;
    /** Posts waiting for their answer → when « Analyse… » shows if it has not come (one timer for all). */
    const slow = new Map();
    /** @type {ReturnType<typeof setTimeout> | null} */
    let slowTimer = null;

    /**
     * Binds an element to the post it shows now; a recycled element loses the previous post's badge.
     * A changed text (Facebook's "See more" expanded, an edit) changes the hash, so it is classified again.
     * @param {Element} el
     * @param {Extraction} extraction
     * @param {string} hash
     */
    function track(el, extraction, hash) {
      const state = posts.get(el);
      const anchor = adapter.badgeAnchor(el);
      const truncated = typeof adapter.isTruncated === 'function' && adapter.isTruncated(el);
      marked.add(el);
      if (state && state.id === extraction.id && state.hash === hash) {
        state.extraction = extraction;
        const moved = !state.host.isConnected || state.host.parentNode !== anchor;
        if (moved) place(anchor, state.host);
        if (state.truncated !== truncated) {
          state.truncated = truncated;
          return { fresh: true };
        }
        return { fresh: false };
      }
      if (state) state.host.remove();
      el.removeAttribute('data-vigie-risk');
      el.setAttribute('data-vigie-post-id', extraction.id);
      const host = badge.create(window.document, extraction.id, () => capture(el), () => respond(el));
      // A static anchor would send an absolute host to some ancestor's corner: the host then sits in the flow.
      // An adapter's anchors all come from one template, so the first one's style stands for all (one recalc).
      staticAnchors ??= window.getComputedStyle(anchor).position === 'static';
      if (staticAnchors) host.setAttribute('data-inflow', '');
      place(anchor, host);
      posts.set(el, { id: extraction.id, hash, extraction, host, truncated, capture: null });
      return { fresh: true };
    }

    /**
     * In the flow, the badge goes first (at the top of the post). Floating, it goes last: positioned elements paint
     * in tree order, so it shows above the post's own positioned content without a z-index — a stacking context per
     * badge makes the compositor re-examine every layer of pages like X (measured: +1.3 s per 300 posts).
     * @param {Element} anchor
     * @param {HTMLElement} host
     */
    function place(anchor, host) {
      if (host.hasAttribute('data-inflow')) anchor.prepend(host);
      else anchor.append(host);
    }

    /** @param {Element} el */
    function unmark(el) {
      posts.get(el)?.host.remove();
      posts.delete(el);
      el.removeAttribute('data-vigie-risk');
      el.removeAttribute('data-vigie-post-id');
    }

    /** @param {Element} el */
    function draw(el) {
      const state = posts.get(el);
      if (!state) return;
      const entry = cache.get(state.hash);
      if (!entry || entry.status === 'pending') {
        el.removeAttribute('data-vigie-risk');
        slow.set(el, performance.now() + PENDING_RENDER_MS);
        slowTimer ??= setTimeout(showSlow, PENDING_RENDER_MS);
      } else if (entry.status === 'failed') {
        el.removeAttribute('data-vigie-risk');
        badge.render(state.host, { state: 'offline', message: entry.message, truncated: state.truncated });
      } else {
        el.setAttribute('data-vigie-risk', entry.classification.risk);
        badge.render(state.host, {
          state: 'classified',
          classification: entry.classification,
          labelNames: entry.labelNames,
          capture: state.capture ?? undefined,
          truncated: state.truncated,
        });
        consider(el, state.id, entry.classification.risk);
      }
    }

    /** Draws « Analyse… » on the posts still waiting past PENDING_RENDER_MS, with the page's next change. */
    function showSlow() {
      slowTimer = null;
      const now = performance.now();
      let next = Infinity;
      for (const [el, at] of slow) {
        if (at > now) {
          next = Math.min(next, at);
          continue;
        }
        slow.delete(el);
        writes.defer(el, () => {
          const state = posts.get(el);
          const entry = state && cache.get(state.hash);
          if (isRunning() && state && (!entry || entry.status === 'pending')) {
            badge.render(state.host, { state: 'pending', truncated: state.truncated });
          }
        });
      }
      if (next < Infinity) slowTimer = setTimeout(showSlow, next - now);
    }

    function stop() {
      if (slowTimer !== null) clearTimeout(slowTimer);
      slowTimer = null;
      slow.clear();
    }

    return { track, unmark, draw, stop };
  }

  vigie.createPainter = createPainter;
})();
