// @ts-check
// Auto-capture, worker side: the level set in the options, and the memory of posts already captured so that a
// reload, a recycled cell or a second tab does not capture the same post again. Both live in chrome.storage.local;
// the content script (content/autocapture.js) only decides when a post can be shot without disturbing the CM.

export const AUTO_CAPTURE_KEY = 'autoCaptureFrom';
export const MEMORY_KEY = 'capturedPosts';
/** Ordered as the options page lists them; the first is the default. */
export const AUTO_LEVELS = /** @type {const} */ ([
  { value: 'critical', fr: 'Critique', en: 'Critical' },
  { value: 'high', fr: 'Élevé ou plus', en: 'High or above' },
  { value: 'off', fr: 'Désactivée', en: 'Off' },
]);
const RANK = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
// A CM's day on a busy brand page sees a few hundred risky posts; past this the oldest are forgotten.
const MEMORY_MAX = 2000;

/** @typedef {'critical' | 'high' | 'off'} AutoLevel */

/**
 * @param {{ get(keys: string[]): Promise<Record<string, unknown>> }} storageArea
 * @returns {Promise<AutoLevel>}
 */
export async function readAutoLevel(storageArea) {
  const stored = (await storageArea.get([AUTO_CAPTURE_KEY]))[AUTO_CAPTURE_KEY];
  return AUTO_LEVELS.some((l) => l.value === stored) ? /** @type {AutoLevel} */ (stored) : 'critical';
}

/**
 * @param {unknown} risk a classification's risk
 * @param {AutoLevel} level
 */
export function reachesLevel(risk, level) {
  if (level === 'off' || typeof risk !== 'string' || !(risk in RANK)) return false;
  return RANK[/** @type {keyof typeof RANK} */ (risk)] >= RANK[level];
}

/** @param {{ platform: string, postId: string }} ref */
const keyOf = (ref) => `${ref.platform}:${ref.postId}`;

/**
 * Posts captured already (by a click or by Vigie), most recent last, bounded.
 * @param {{ get(keys: string[]): Promise<Record<string, unknown>>, set(items: Record<string, unknown>): Promise<void> }} storageArea
 * @param {{ max?: number }} [options]
 */
export function createCaptureMemory(storageArea, { max = MEMORY_MAX } = {}) {
  // Read-modify-write of one storage key: two messages of this worker must not interleave.
  let tail = Promise.resolve();
  /**
   * @template T
   * @param {(list: string[]) => { list?: string[], result: T }} change
   * @returns {Promise<T>}
   */
  function edit(change) {
    const run = tail.then(async () => {
      const stored = (await storageArea.get([MEMORY_KEY]))[MEMORY_KEY];
      const list = Array.isArray(stored) ? stored.filter((k) => typeof k === 'string') : [];
      const { list: next, result } = change(list);
      if (next) await storageArea.set({ [MEMORY_KEY]: next.slice(-max) });
      return result;
    });
    tail = run.then(() => undefined, () => undefined);
    return run;
  }

  return {
    /** @param {{ platform: string, postId: string }} ref */
    has: (ref) => edit((list) => ({ result: list.includes(keyOf(ref)) })),
    /**
     * Remembers the post (as the most recent); true when it was not known before.
     * @param {{ platform: string, postId: string }} ref
     */
    remember: (ref) => edit((list) => {
      const key = keyOf(ref);
      const known = list.includes(key);
      return { list: [...list.filter((k) => k !== key), key], result: !known };
    }),
    /** @param {{ platform: string, postId: string }} ref */
    forget: (ref) => edit((list) => ({ list: list.filter((k) => k !== keyOf(ref)), result: undefined })),
  };
}
