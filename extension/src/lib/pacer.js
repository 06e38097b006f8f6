// @ts-check
// Spaces calls to an API with a rate quota: each call starts at least `gapMs` after the previous one started, in
// the order they were asked. chrome.tabs.captureVisibleTab fails past 2 calls a second
// (https://developer.chrome.com/docs/extensions/reference/api/tabs#property-MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND):
// a CM clicking fast, or a click during an auto-capture, must wait a moment rather than lose the capture.

/**
 * @param {number} gapMs
 * @param {{ now?: () => number, sleep?: (ms: number) => Promise<void> }} [clock]
 */
export function createPacer(gapMs, { now = () => Date.now(), sleep = (ms) => new Promise((r) => setTimeout(r, ms)) } = {}) {
  let lastStart = -Infinity;
  let tail = Promise.resolve();
  /**
   * @template T
   * @param {() => Promise<T>} call
   * @returns {Promise<T>}
   */
  return function paced(call) {
    const started = tail.then(async () => {
      const wait = lastStart + gapMs - now();
      if (wait > 0) await sleep(wait);
      lastStart = now();
    });
    // The next call waits for this one to start, not to finish.
    tail = started;
    return started.then(call);
  };
}
