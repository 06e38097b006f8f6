// @ts-check
// The outbox's two IndexedDB object stores: `entries` (small records the popup lists and the drain scans) and
// `payloads` (the metadata and the part Blobs, read only to upload). Blobs live in IndexedDB, which keeps them
// on disk across worker stops and browser restarts (https://developer.chrome.com/docs/extensions/develop/concepts/storage-and-cookies).

const DB_NAME = 'vigie-outbox';
const DB_VERSION = 1;

/**
 * @typedef {{ code: string, message: string, messageEn: string, status?: number }} WireError
 * @typedef {object} OutboxEntry
 * @property {number} [seq] creation order, given by IndexedDB
 * @property {string} key the Idempotency-Key, the same on every attempt
 * @property {number} createdAt ms since the epoch
 * @property {'queued' | 'refused'} state refused: a 4xx the server will answer again, kept until the CM decides
 * @property {number} attempts uploads tried so far
 * @property {number} nextAttemptAt ms; for a refused entry, never (Number.MAX_SAFE_INTEGER)
 * @property {number} leaseUntil ms; an upload of this entry is under way until then, nobody else starts one
 * @property {WireError | null} lastError why the last attempt did not store it
 * @property {number | null} tabId the tab to tell once it is sent
 * @property {{ platform: string, postId: string }} postRef
 * @property {{ author: string, text: string, site: string, platform: string, automatic: boolean }} summary
 * @property {number} bytes metadata and parts, for the queue's cap
 */

/**
 * What the popup shows of a capture without reading its payload.
 * @param {Record<string, any>} metadata
 * @returns {OutboxEntry['summary']}
 */
export function summaryOf(metadata) {
  let site = '';
  try {
    site = new URL(String(metadata.pageUrl)).hostname;
  } catch {
    // A page URL the metadata checks would refuse anyway: the popup shows no site.
  }
  return {
    author: String(metadata.author?.name ?? ''),
    text: String(metadata.text ?? '').slice(0, 140),
    site,
    platform: String(metadata.platform ?? ''),
    automatic: metadata.automatic === true,
  };
}

/**
 * @param {IDBRequest | IDBTransaction} target
 * @returns {Promise<any>}
 */
function done(target) {
  return new Promise((resolve, reject) => {
    if ('oncomplete' in target) {
      target.oncomplete = () => resolve(undefined);
      target.onabort = () => reject(target.error ?? new Error('transaction aborted'));
      target.onerror = () => reject(target.error);
    } else {
      target.onsuccess = () => resolve(target.result);
      target.onerror = () => reject(target.error);
    }
  });
}

/**
 * @param {IDBFactory} indexedDB
 */
export function openOutboxStore(indexedDB) {
  /** @type {Promise<IDBDatabase> | null} */
  let opening = null;

  function db() {
    if (!opening) {
      opening = new Promise((resolve, reject) => {
        const request = indexedDB.open(DB_NAME, DB_VERSION);
        request.onupgradeneeded = () => {
          const created = request.result;
          const entries = created.createObjectStore('entries', { keyPath: 'seq', autoIncrement: true });
          entries.createIndex('key', 'key', { unique: true });
          created.createObjectStore('payloads');
        };
        request.onsuccess = () => {
          const opened = request.result;
          // Chrome may close the connection (storage cleared): the next call opens a new one.
          opened.onclose = () => { opening = null; };
          resolve(opened);
        };
        request.onerror = () => {
          opening = null;
          reject(request.error);
        };
      });
    }
    return opening;
  }

  return {
    /**
     * Adds the entry and its payload in one transaction, unless the queue would pass its cap.
     * @param {OutboxEntry} entry
     * @param {{ metadata: Record<string, unknown>, parts: Record<string, Blob> }} payload
     * @param {{ maxEntries: number, maxBytes: number }} cap
     * @returns {Promise<number | null>} the new entry's seq, null when the queue is full
     */
    async add(entry, payload, cap) {
      const tx = (await db()).transaction(['entries', 'payloads'], 'readwrite');
      const entries = tx.objectStore('entries');
      const all = /** @type {OutboxEntry[]} */ (await done(entries.getAll()));
      const bytes = all.reduce((sum, e) => sum + e.bytes, 0);
      if (all.length + 1 > cap.maxEntries || bytes + entry.bytes > cap.maxBytes) {
        tx.abort();
        return null;
      }
      const seq = /** @type {number} */ (await done(entries.add(entry)));
      tx.objectStore('payloads').put(payload, seq);
      await done(tx);
      return seq;
    },

    /** @returns {Promise<OutboxEntry[]>} every entry, oldest first */
    async entries() {
      return done((await db()).transaction('entries').objectStore('entries').getAll());
    },

    /**
     * @param {string} key
     * @returns {Promise<OutboxEntry | undefined>}
     */
    async byKey(key) {
      return done((await db()).transaction('entries').objectStore('entries').index('key').get(key));
    },

    /**
     * @param {number} seq
     * @returns {Promise<{ metadata: Record<string, unknown>, parts: Record<string, Blob> } | undefined>}
     */
    async payload(seq) {
      return done((await db()).transaction('payloads').objectStore('payloads').get(seq));
    },

    /**
     * @param {number} seq
     * @param {Partial<OutboxEntry>} changes
     */
    async update(seq, changes) {
      const tx = (await db()).transaction('entries', 'readwrite');
      const store = tx.objectStore('entries');
      const current = await done(store.get(seq));
      if (current) store.put({ ...current, ...changes });
      await done(tx);
    },

    /** @param {number} seq */
    async remove(seq) {
      const tx = (await db()).transaction(['entries', 'payloads'], 'readwrite');
      tx.objectStore('entries').delete(seq);
      tx.objectStore('payloads').delete(seq);
      await done(tx);
    },
  };
}
