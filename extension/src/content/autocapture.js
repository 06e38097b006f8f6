// @ts-check
// Auto-capture, page side: when a post's risk may reach the level set in the options, the worker is asked whether to
// capture it (level reached, post never captured: lib/auto-capture.js); if so, Vigie waits until the post is fully
// in the viewport of a visible tab and captures it, never scrolling the CM's page. One capture at a time, at least
// a second apart: Chrome allows captureVisibleTab twice a second
// (https://developer.chrome.com/docs/extensions/reference/api/tabs#property-MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND).
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const SPACING_MS = 1000;
  // A capture that failed without being kept (tab switched meanwhile, browser refused) is tried again later.
  const RETRY_MS = 5000;
  const MAX_TRIES = 3;
  // The levels the options offer; which one is set, the worker knows.
  const CANDIDATE_RISKS = ['critical', 'high'];

  /**
   * @param {{ window: Window & typeof globalThis, platform: string, sendMessage: (message: object) => Promise<any>,
   *   idOf: (el: Element) => string | undefined,
   *   capture: (el: Element) => Promise<import('./capture-state.js').CaptureView | null | undefined>,
   *   spacingMs?: number, retryMs?: number }} options
   *   idOf: the post an element shows now (X recycles cells); capture: the core's capture, marked automatic
   */
  function createAutoCapture({ window, platform, sendMessage, idOf, capture, spacingMs = SPACING_MS, retryMs = RETRY_MS }) {
    const { document } = window;
    /** @type {WeakMap<Element, { postId: string, allowed: boolean, tries: number, notBefore: number }>} */
    const candidates = new WeakMap();
    /** Allowed posts not captured yet. @type {Set<Element>} */
    const waiting = new Set();
    /** Fully inside the viewport, as the IntersectionObserver last said. @type {WeakSet<Element>} */
    const inView = new WeakSet();
    let busy = false;
    let stopped = false;
    let lastAt = -Infinity;
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    const observer = typeof window.IntersectionObserver === 'function'
      ? new window.IntersectionObserver(onIntersect, { threshold: 1 }) : null;
    document.addEventListener('visibilitychange', pump);

    /**
     * Called at every drawing of a classified post; cheap when nothing changed.
     * @param {Element} el
     * @param {string} postId
     * @param {string} risk
     */
    function consider(el, postId, risk) {
      if (!observer || stopped || !CANDIDATE_RISKS.includes(risk)) return;
      const known = candidates.get(el);
      if (known && known.postId === postId) return;
      drop(el);
      const entry = { postId, allowed: false, tries: 0, notBefore: 0 };
      candidates.set(el, entry);
      sendMessage({ type: 'autocapture:check', platform, postId, risk }).then((answer) => {
        if (stopped || candidates.get(el) !== entry || !answer || answer.capture !== true) return;
        entry.allowed = true;
        waiting.add(el);
        observer.observe(el);
      }, () => {});
    }

    /** @param {IntersectionObserverEntry[]} entries */
    function onIntersect(entries) {
      for (const entry of entries) {
        // 0.99: a fractional pixel of rounding must not hold a fully visible post back.
        if (entry.isIntersecting && entry.intersectionRatio >= 0.99) inView.add(entry.target);
        else inView.delete(entry.target);
      }
      pump();
    }

    function pump() {
      if (busy || stopped || document.visibilityState !== 'visible') return;
      const now = Date.now();
      if (lastAt + spacingMs > now) {
        later(lastAt + spacingMs - now);
        return;
      }
      let soonest = Infinity;
      for (const el of waiting) {
        const entry = candidates.get(el);
        if (!entry || !entry.allowed || !el.isConnected || idOf(el) !== entry.postId) {
          drop(el);
        } else if (inView.has(el) && entry.notBefore <= now) {
          run(el, entry);
          return;
        } else if (inView.has(el)) {
          soonest = Math.min(soonest, entry.notBefore);
        }
      }
      if (soonest < Infinity) later(soonest - now);
    }

    /**
     * @param {Element} el
     * @param {{ postId: string, allowed: boolean, tries: number, notBefore: number }} entry
     */
    async function run(el, entry) {
      busy = true;
      entry.tries += 1;
      let view;
      try {
        view = await capture(el);
      } catch {
        view = null;
      }
      busy = false;
      lastAt = Date.now();
      if (view && view.status === 'error' && entry.tries < MAX_TRIES) entry.notBefore = lastAt + retryMs;
      else drop(el);
      pump();
    }

    /** @param {Element} el */
    function drop(el) {
      waiting.delete(el);
      observer?.unobserve(el);
    }

    /** @param {number} ms */
    function later(ms) {
      if (timer === null) {
        timer = setTimeout(() => {
          timer = null;
          pump();
        }, ms);
      }
    }

    function stop() {
      stopped = true;
      observer?.disconnect();
      waiting.clear();
      if (timer !== null) clearTimeout(timer);
      document.removeEventListener('visibilitychange', pump);
    }

    return { consider, stop };
  }

  vigie.createAutoCapture = createAutoCapture;
})();
