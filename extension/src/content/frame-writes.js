// @ts-check
// Vigie's visible changes wait for a frame the page renders anyway. On X, every frame that repaints anything makes
// Chrome re-layerize the whole page (measured on X's real cells: ≈ 46 ms per frame on 2 cores, whether 1 or 10
// badges changed), so a badge redrawn in a frame of its own costs a whole page's compositing. The page's own DOM
// changes reach the core's MutationObserver in the page's task, before that task's frame: the core flushes the queue
// there. On a page that stays still, a write runs at its deadline anyway. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const MAX_DELAY_MS = 100;

  /**
   * @param {{ window: Pick<Window, 'setTimeout' | 'clearTimeout'>, maxDelayMs?: number, now?: () => number }} options
   *   maxDelayMs: the deadline of a write deferred without one
   */
  function createFrameWrites({ window, maxDelayMs = MAX_DELAY_MS, now = () => performance.now() }) {
    /** @type {Map<unknown, () => void>} the latest write per key, in the order keys were first queued */
    const queued = new Map();
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;
    let due = Infinity;

    /**
     * Queues a DOM write; a later write with the same key replaces it (a post redrawn twice is drawn once).
     * @param {unknown} key
     * @param {() => void} write
     * @param {number} [deadline] latest time (performance.now()) to run it; now + maxDelayMs when absent
     */
    function defer(key, write, deadline = now() + maxDelayMs) {
      queued.set(key, write);
      if (deadline >= due) return;
      if (timer !== null) window.clearTimeout(timer);
      due = deadline;
      timer = window.setTimeout(flush, Math.max(0, deadline - now()));
    }

    /** Runs every queued write now, in queue order; writes queued meanwhile wait for the next flush. */
    function flush() {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      due = Infinity;
      if (queued.size === 0) return;
      const writes = Array.from(queued.values());
      queued.clear();
      for (const write of writes) write();
    }

    return { defer, flush, pending: () => queued.size };
  }

  vigie.createFrameWrites = createFrameWrites;
})();
