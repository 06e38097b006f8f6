// @ts-check
// Nothing lost: every capture is written to IndexedDB before its upload is tried, and stays there until the
// server stored it. A network failure, a 5xx, a 408 or a 429 leaves it queued, retried with backoff under the same
// Idempotency-Key (the server answers a replay with the first capture); any other 4xx is a refusal the server would
// repeat: kept as « refusée » with the server's message until the CM retries or deletes it, never dropped silently.
import { createApi } from './api.js';
import { VigieError, lostPayload, notKept, toWireError } from './errors.js';
import { buildCaptureForm } from './metadata.js';
import { openOutboxStore, summaryOf } from './outbox-store.js';

const BACKOFF_BASE_MS = 5000;
const BACKOFF_MAX_MS = 10 * 60 * 1000;
// Longer than an upload's timeout (api.js, 15 s): past it, an attempt cut short by a stopped worker is retried.
const LEASE_MS = 60 * 1000;
const NEVER = Number.MAX_SAFE_INTEGER;
export const DEFAULT_CAP = { maxEntries: 500, maxBytes: 500 * 1024 * 1024 };

/**
 * @typedef {import('./outbox-store.js').OutboxEntry} OutboxEntry
 * @typedef {import('./outbox-store.js').WireError} WireError
 * @typedef {{ status: 'sent', capture: any } | { status: 'queued', error: WireError } | { status: 'refused', error: WireError }} Outcome
 * @typedef {{ count: number, refused: number, nextWakeAt: number | null }} QueueState
 */

/**
 * Delay before retry number `attempts` + 1: 5 s, 10 s, 20 s … up to 10 min, each between half and all of it
 * (jitter, so that many browsers do not come back at the same second after an outage).
 * @param {number} attempts failed attempts so far (≥ 1)
 * @param {() => number} random in [0, 1)
 */
export function backoffMs(attempts, random) {
  const full = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(full / 2 + (full / 2) * random());
}

/** @param {unknown} error */
function isRefusal(error) {
  return error instanceof VigieError && typeof error.status === 'number'
    && error.status >= 400 && error.status < 500 && error.status !== 408 && error.status !== 429;
}

/**
 * @param {Record<string, any>} metadata
 * @param {Record<string, Blob>} parts
 */
function sizeOf(metadata, parts) {
  return JSON.stringify(metadata).length + Object.values(parts).reduce((sum, blob) => sum + blob.size, 0);
}

/**
 * @param {object} deps
 * @param {IDBFactory} deps.indexedDB
 * @param {typeof fetch} deps.fetch
 * @param {() => Promise<{ serverUrl: string, apiToken: string }>} deps.settings
 * @param {() => Date} deps.now
 * @param {() => number} deps.random
 * @param {(entry: OutboxEntry, capture: any) => void} [deps.notify] an entry that waited was sent
 * @param {(state: QueueState) => void | Promise<void>} [deps.onChange] after every change of the queue
 * @param {{ maxEntries: number, maxBytes: number }} [deps.cap]
 */
export function createOutbox(deps) {
  const store = openOutboxStore(deps.indexedDB);
  const cap = deps.cap ?? DEFAULT_CAP;
  const now = () => deps.now().getTime();
  // One drain at a time in this worker; a forced one (the popup's button) waits for the running one.
  let tail = Promise.resolve();
  /** @type {Promise<{ sent: number }> | null} */
  let waiting = null;
  /** @type {Set<Promise<unknown>>} */
  const pending = new Set();

  /**
   * @param {Record<string, any>} metadata
   * @param {Record<string, Blob>} parts
   * @param {string} key
   */
  async function upload(metadata, parts, key) {
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    return api.postCapture(buildCaptureForm(metadata, parts), key);
  }

  /**
   * One upload of a stored entry; the entry is removed, marked refused, or given its next try.
   * @param {OutboxEntry & { seq: number }} entry
   * @returns {Promise<Outcome>}
   */
  async function attempt(entry) {
    const payload = await store.payload(entry.seq);
    if (!payload) {
      const error = lostPayload().toWire();
      await store.update(entry.seq, { state: 'refused', attempts: entry.attempts + 1, lastError: error, nextAttemptAt: NEVER, leaseUntil: 0 });
      return { status: 'refused', error };
    }
    try {
      const capture = await upload(payload.metadata, payload.parts, entry.key);
      await store.remove(entry.seq);
      return { status: 'sent', capture };
    } catch (error) {
      return keepAfter(entry.seq, entry.attempts + 1, error);
    }
  }

  /**
   * Records a failed upload of a kept entry: refused for good (a 4xx the server would repeat) or queued for later.
   * @param {number} seq
   * @param {number} attempts uploads tried, this one included
   * @param {unknown} error
   * @returns {Promise<Outcome>}
   */
  async function keepAfter(seq, attempts, error) {
    const wire = toWireError(error);
    if (isRefusal(error)) {
      await store.update(seq, { state: 'refused', attempts, lastError: wire, nextAttemptAt: NEVER, leaseUntil: 0 });
      return { status: 'refused', error: wire };
    }
    await store.update(seq, { attempts, lastError: wire, nextAttemptAt: now() + backoffMs(attempts, deps.random), leaseUntil: 0 });
    return { status: 'queued', error: wire };
  }

  /** @returns {Promise<QueueState>} */
  async function state() {
    const entries = await store.entries();
    const queued = entries.filter((e) => e.state === 'queued');
    return {
      count: entries.length,
      refused: entries.length - queued.length,
      nextWakeAt: queued.length === 0 ? null : Math.min(...queued.map((e) => Math.max(e.nextAttemptAt, e.leaseUntil))),
    };
  }

  async function changed() {
    try {
      if (deps.onChange) await deps.onChange(await state());
    } catch (error) {
      // The icon's count or the alarm failed: the capture itself is safe, its outcome must still reach the page.
      console.warn('[vigie:outbox] état de la file non affiché / queue state not shown', error);
    }
  }

  /**
   * Keeps the capture, then tries to send it once. The answer goes as soon as the server stored it; deleting the
   * copy is done in the background (if the worker stops first, the next drain sends the copy again under the same
   * key and the server answers with the capture it already has).
   * @param {{ key: string, metadata: Record<string, any>, parts: Record<string, Blob>, tabId?: number | null,
   *   postRef: { platform: string, postId: string } }} capture
   * @returns {Promise<Outcome>}
   * @throws {VigieError} queue_full / not_saved when it could be neither kept nor sent
   */
  async function submit({ key, metadata, parts, tabId = null, postRef }) {
    const at = now();
    /** @type {OutboxEntry} */
    const entry = {
      key, createdAt: at, state: 'queued', attempts: 0, nextAttemptAt: at, leaseUntil: at + LEASE_MS, lastError: null,
      tabId, postRef, summary: summaryOf(metadata), bytes: sizeOf(metadata, parts),
    };
    // Written before the upload starts, not alongside it: both go through the browser's storage and network
    // threads, and together they took longer than one after the other (capture benchmark).
    /** @type {number | null} */
    let seq = null;
    let storageFailed = false;
    try {
      seq = await store.add(entry, { metadata, parts }, cap);
    } catch {
      storageFailed = true;
    }
    try {
      const capture = await upload(metadata, parts, key);
      later(async () => {
        if (seq !== null) await store.remove(seq);
        await changed();
      });
      return { status: 'sent', capture };
    } catch (error) {
      if (seq === null) throw notKept(toWireError(error), storageFailed, cap);
      const outcome = await keepAfter(seq, 1, error);
      await changed();
      return outcome;
    }
  }

  /**
   * Bookkeeping that no answer waits for; settled() tells when it is done (tests, and nothing else, wait for it).
   * @param {() => Promise<unknown>} work
   */
  function later(work) {
    const tracked = work().catch((error) => {
      // The server has the capture: a copy left behind is sent again by the next drain, and the server replays it.
      console.warn('[vigie:outbox] copie locale non effacée / local copy not deleted', error);
    }).finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  /** @returns {Promise<void>} once the background bookkeeping started so far is done */
  async function settled() {
    while (pending.size > 0) await Promise.all([...pending]);
  }

  /**
   * Sends what waits, oldest first, one at a time. Only entries whose time has come are tried until one upload
   * works; then the server is up and every queued entry goes. Stops at the first failure that is not a refusal.
   * @param {{ force?: boolean }} [options] force: do not wait for the entries' next try (the popup's button)
   * @returns {Promise<{ sent: number }>}
   */
  function drain({ force = false } = {}) {
    if (!force && waiting) return waiting;
    const run = tail.then(() => drainNow(force));
    tail = run.then(() => undefined);
    if (!force) {
      waiting = run;
      run.then(() => { if (waiting === run) waiting = null; });
    }
    return run;
  }

  /** @param {boolean} force */
  async function drainNow(force) {
    let sent = 0;
    try {
      let reachable = force;
      for (;;) {
        const at = now();
        const entry = (await store.entries()).find((e) => e.state === 'queued' && e.leaseUntil <= at
          && (reachable || e.nextAttemptAt <= at));
        if (!entry || entry.seq === undefined) break;
        await store.update(entry.seq, { leaseUntil: at + LEASE_MS });
        const outcome = await attempt(/** @type {OutboxEntry & { seq: number }} */ (entry));
        if (outcome.status === 'queued') break;
        reachable = true;
        if (outcome.status === 'sent') {
          sent += 1;
          deps.notify?.(entry, outcome.capture);
        }
      }
      await changed();
    } catch (error) {
      // IndexedDB failing (storage cleared under us): the next alarm or message tries again.
      console.warn('[vigie:outbox] envoi de la file interrompu / queue drain interrupted', error);
    }
    return { sent };
  }

  /**
   * What the popup lists: every entry, oldest first, without payloads.
   * @returns {Promise<(Omit<OutboxEntry, 'nextAttemptAt'> & { nextAttemptAt: number | null })[]>}
   */
  async function list() {
    return (await store.entries()).map((e) => ({ ...e, nextAttemptAt: e.state === 'refused' ? null : e.nextAttemptAt }));
  }

  /** Puts refused entries back in the queue and tries everything now (the popup's « Réessayer maintenant »). */
  async function retryAll() {
    for (const entry of await store.entries()) {
      if (entry.state === 'refused' && entry.seq !== undefined) {
        await store.update(entry.seq, { state: 'queued', nextAttemptAt: now() });
      }
    }
    return drain({ force: true });
  }

  /**
   * Deletes a refused entry, the CM's decision; a queued one is never deleted (it is evidence on its way).
   * @param {string} key
   * @returns {Promise<boolean>} whether it was deleted
   */
  async function remove(key) {
    const entry = await store.byKey(key);
    if (!entry || entry.state !== 'refused' || entry.seq === undefined) return false;
    await store.remove(entry.seq);
    await changed();
    return true;
  }

  return { submit, drain, list, retryAll, remove, state, changed, settled };
}

/**
 * Which post a capture is of, to tell its tab when a queued capture is finally sent.
 * @param {Record<string, any>} metadata
 */
export function postRefOf(metadata) {
  return { platform: String(metadata.platform ?? ''), postId: String(metadata.postId ?? '') };
}

/**
 * The answer to the content script's capture message. ok: the evidence is safe (stored on the server, or kept
 * here until it is); a refusal is not ok, but kept too.
 * @param {Outcome} outcome
 */
export function captureReply(outcome) {
  switch (outcome.status) {
    case 'sent':
      return { ok: true, status: 'sent', capture: outcome.capture };
    case 'queued':
      return { ok: true, status: 'queued', error: outcome.error };
    default:
      return { ok: false, status: 'refused', error: outcome.error };
  }
}
