// @ts-check
// Vigie's visible changes wait for a frame the page renders anyway. On X, every frame that repaints anything makes
// Chrome re-layerize the whole page (measured on X's real cells: ≈ 46 ms per frame on 2 cores, whether 1 or 10
// badges changed), so a badge redrawn in a frame of its own costs a whole page's compositing. The page's own DOM
// changes reach the core's MutationObserver in the page's task, before that task's frame: the core flushes the queue
// there. On a page that stays still, the queue is flushed after maxDelayMs anyway. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  // With the server's answer ≈ 50 ms after a post appears, a risk shows ≤ 150 ms after the post even on a still page.
  const MAX_DELAY_MS = 100;

  /**
   * @param {{ window: Pick<Window, 'setTimeout' | 'clearTimeout'>, maxDelayMs?: number }} options
   */
  function createFrameWrites({ window, maxDelayMs = MAX_DELAY_MS }) {
    /** @type {Map<unknown, () => void>} the latest write per key, in the order keys were first queued */
    const queued = new Map();
    /** @type {ReturnType<typeof setTimeout> | null} */
    let timer = null;

    /**
     * Queues a DOM write; a later write with the same key replaces it (a post redrawn twice is drawn once).
     * @param {unknown} key
     * @param {() => void} write
     */
    function defer(key, write) {
      queued.set(key, write);
      if (timer === null) timer = window.setTimeout(flush, maxDelayMs);
    }

    /** Runs every queued write now, in queue order; writes queued meanwhile wait for the next flush. */
    function flush() {
      if (timer !== null) window.clearTimeout(timer);
      timer = null;
      if (queued.size === 0) return;
      const writes = Array.from(queued.values());
      queued.clear();
      for (const write of writes) write();
    }

    return { defer, flush, pending: () => queued.size };
  }

  vigie.createFrameWrites = createFrameWrites;
})();
