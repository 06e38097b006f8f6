// @ts-check
// Notices that a post Vigie captured is gone. Once a recognised page has settled, it asks the worker which captured
// posts belong to this address, then reports each one the platform now shows as unavailable, or that a complete
// thread (the adapter says when: never a timeline) no longer contains after it was scrolled to its end.
// Loaded before core.js, which creates one watch per core and feeds it what each scan read.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  // Quiet time after the last scan before the page counts as settled; X's lazy cells arrive within a second.
  const SETTLE_MS = 2500;
  // Some pages never stop changing (live counters, relative times): they count as settled after this long.
  const MAX_SETTLE_MS = 20000;
  // Sub-pixel scroll positions and zoom leave the last few pixels out of reach.
  const END_SLACK_PX = 8;

  /** @typedef {{ captureId: string, seenAt: string }} Sighting */
  /** @typedef {'unavailable_page' | 'missing_from_thread'} How */

  /**
   * @param {{ window: Window & typeof globalThis, adapter: SiteAdapter, sendMessage: (message: object) => Promise<any>,
   *   settleMs?: number, maxSettleMs?: number }} options
   */
  function createDeletedWatch({ window, adapter, sendMessage, settleMs = SETTLE_MS, maxSettleMs = MAX_SETTLE_MS }) {
    const { document } = window;
    /** Sightings of this tab (reported now, or already known to the server), for the popup. @type {Map<string, Sighting>} */
    const sightings = new Map();
    /** Post ids the adapter read on this page since it opened: X unmounts cells that scrolled far away. */
    let seen = new Set();
    /** @type {CapturedPost[] | null} */
    let captured = null;
    let asked = false;
    let reachedEnd = false;
    // A check is owed after the page opened and after it reached its end (which may have loaded more posts).
    let owed = false;
    let page = 0;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let quietTimer = null;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let capTimer = null;

    /** A new page (start, SPA navigation): forget what the previous one showed and wait for this one to settle. */
    function restart() {
      stop();
      seen = new Set();
      captured = null;
      asked = false;
      reachedEnd = false;
      window.addEventListener('scroll', onScroll, { passive: true });
      owe();
    }

    /** Stops listening; an answer still on its way is for a page that is no longer watched. */
    function stop() {
      page += 1;
      for (const timer of [quietTimer, capTimer]) if (timer !== null) clearTimeout(timer);
      quietTimer = null;
      capTimer = null;
      owed = false;
      window.removeEventListener('scroll', onScroll);
    }

    /**
     * What a scan read; every scan is also a sign the page is still changing.
     * @param {Extraction[]} extracted
     */
    function saw(extracted) {
      for (const extraction of extracted) seen.add(extraction.id);
      if (owed) armQuiet();
    }

    function owe() {
      owed = true;
      armQuiet();
      if (capTimer === null) capTimer = setTimeout(settled, maxSettleMs);
    }

    function armQuiet() {
      if (quietTimer !== null) clearTimeout(quietTimer);
      quietTimer = setTimeout(settled, settleMs);
    }

    function onScroll() {
      if (reachedEnd || !atEnd()) return;
      reachedEnd = true;
      owe();
    }

    function atEnd() {
      const root = document.documentElement;
      return window.scrollY + window.innerHeight >= root.scrollHeight - END_SLACK_PX;
    }

    async function settled() {
      for (const timer of [quietTimer, capTimer]) if (timer !== null) clearTimeout(timer);
      quietTimer = null;
      capTimer = null;
      if (!owed) return;
      owed = false;
      // A page that fits in the window is at its end without a scroll.
      if (atEnd()) reachedEnd = true;
      if (!asked) {
        asked = true;
        const at = page;
        const answer = await ask();
        if (at !== page) return;
        captured = answer;
      }
      check();
    }

    /** @returns {Promise<CapturedPost[] | null>} null when the worker or the server could not say */
    async function ask() {
      try {
        const response = await sendMessage({ type: 'captures-on-page', url: window.location.href });
        if (!response || response.ok !== true || !Array.isArray(response.items)) return null;
        /** @type {CapturedPost[]} the worker kept only well-formed items */
        const items = response.items;
        for (const item of items) {
          if (item.deletedSeenAt !== null) {
            sightings.set(item.captureId, { captureId: item.captureId, seenAt: item.deletedSeenAt });
          }
        }
        return items;
      } catch {
        // The extension was reloaded under this page: nothing to ask until it is.
        return null;
      }
    }

    function check() {
      if (!captured) return;
      const unavailable = askAdapter(() => adapter.isUnavailable?.(document) === true);
      for (const item of captured) {
        if (item.deletedSeenAt !== null || sightings.has(item.captureId)) continue;
        if (unavailable && sameAddress(item.permalink, window.location.href)) {
          report(item, 'unavailable_page');
        } else if (reachedEnd && !seen.has(item.postId) && !unavailable
          && askAdapter(() => adapter.threadComplete?.(document, item) === true)) {
          report(item, 'missing_from_thread');
        }
      }
    }

    /**
     * An adapter that throws (a page it did not expect) decides nothing.
     * @param {() => boolean} question
     */
    function askAdapter(question) {
      try {
        return question();
      } catch (error) {
        console.warn(`[vigie:${adapter.name}] détection de suppression en échec / deletion check failed`, error);
        return false;
      }
    }

    /**
     * @param {CapturedPost} item
     * @param {How} how
     */
    async function report(item, how) {
      // Reserved before the answer: a second check while this one is in flight must not report it twice.
      sightings.set(item.captureId, { captureId: item.captureId, seenAt: new Date().toISOString() });
      try {
        const response = await sendMessage({ type: 'captured-post-deleted', captureId: item.captureId, how, pageUrl: window.location.href });
        if (response && response.ok === true && typeof response.seenAt === 'string') {
          sightings.set(item.captureId, { captureId: item.captureId, seenAt: response.seenAt });
          return;
        }
      } catch {
        // Reported again the next time the page is opened.
      }
      sightings.delete(item.captureId);
    }

    return { restart, stop, saw, sightings: () => Array.from(sightings.values()) };
  }

  /**
   * Whether the page at `href` is the post's own address: same origin and path (a trailing slash aside), and every
   * query parameter of the permalink present with the same value (phpBB's ?p=, not X's ?s=20 share tag).
   * @param {string | null} permalink
   * @param {string} href
   */
  function sameAddress(permalink, href) {
    if (!permalink) return false;
    let post;
    let here;
    try {
      post = new URL(permalink);
      here = new URL(href);
    } catch {
      return false;
    }
    const path = (/** @type {URL} */ url) => url.pathname.replace(/\/+$/, '');
    if (post.origin !== here.origin || path(post) !== path(here)) return false;
    return Array.from(post.searchParams).every(([key, value]) => here.searchParams.getAll(key).includes(value));
  }

  vigie.createDeletedWatch = createDeletedWatch;
})();
