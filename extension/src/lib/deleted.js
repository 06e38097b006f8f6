// @ts-check
// The worker's half of the deleted-post check (content/deleted.js): which captured posts belong to the page a content
// script is on (GET /captures/on-page), and the sighting of one that is gone (POST /captures/{id}/deleted).
import { createApi } from './api.js';
import { VigieError, toWireError } from './errors.js';

const CAPTURE_ID = /^[0-9A-Za-z_-]{8,64}$/;
const HOW = new Set(['missing_from_thread', 'unavailable_page']);
// deleted-sighting's pageUrl limit.
const MAX_URL = 4096;

/**
 * The page a content script speaks for: an http(s) address on its own frame's origin, never another site's,
 * without the fragment (the page's own scrolling state, not part of its address).
 * @param {unknown} claimed what the content script sent (location.href: SPA navigations change it)
 * @param {string | undefined} senderUrl the frame's address as Chrome reports it
 * @returns {URL | null}
 */
export function pageAddress(claimed, senderUrl) {
  if (typeof claimed !== 'string' || typeof senderUrl !== 'string') return null;
  let url;
  let sender;
  try {
    url = new URL(claimed);
    sender = new URL(senderUrl);
  } catch {
    return null;
  }
  if (!/^https?:$/.test(url.protocol) || url.origin !== sender.origin) return null;
  url.hash = '';
  return url.href.length <= MAX_URL ? url : null;
}

/**
 * @param {{ url?: unknown }} message
 * @param {import('./handlers.js').Sender} sender
 * @param {import('./handlers.js').WorkerDeps} deps
 */
export async function handleCapturesOnPage(message, sender, deps) {
  try {
    const url = pageAddress(message.url, sender.url);
    if (!url) throw new VigieError('bad_message', 'Adresse de page invalide.', 'Invalid page address.');
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    // The server ignores the query and the fragment: search terms and session ids stay in the browser.
    const response = await api.capturesOnPage(`${url.origin}${url.pathname}`);
    if (!response || !Array.isArray(response.items)) {
      throw new VigieError('bad_response', 'Réponse illisible du serveur Vigie.', 'Unreadable answer from the Vigie server.');
    }
    return { ok: true, items: response.items.filter(isCapturedPost) };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * Posts a deleted-sighting: the worker's clock in UTC, and the address of the page that showed it.
 * @param {{ captureId?: unknown, how?: unknown, pageUrl?: unknown }} message
 * @param {import('./handlers.js').Sender} sender
 * @param {import('./handlers.js').WorkerDeps} deps
 */
export async function handleCapturedPostDeleted(message, sender, deps) {
  try {
    const url = pageAddress(message.pageUrl, sender.url);
    const { captureId, how } = message;
    if (!url || typeof captureId !== 'string' || !CAPTURE_ID.test(captureId) || typeof how !== 'string' || !HOW.has(how)) {
      throw new VigieError('bad_message', 'Signalement de suppression invalide.', 'Invalid deletion report.');
    }
    const sighting = { seenAt: deps.now().toISOString(), how, pageUrl: url.href };
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    await api.reportDeleted(captureId, sighting);
    return { ok: true, seenAt: sighting.seenAt };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * An item of the captures-on-page schema; anything else the server sent is dropped, not trusted.
 * @param {unknown} value
 * @returns {value is CapturedPost}
 */
function isCapturedPost(value) {
  const item = /** @type {any} */ (value);
  return typeof item === 'object' && item !== null
    && typeof item.captureId === 'string' && CAPTURE_ID.test(item.captureId)
    && typeof item.platform === 'string'
    && typeof item.postId === 'string' && item.postId.length > 0 && item.postId.length <= 200
    && (item.permalink === null || typeof item.permalink === 'string')
    && (item.deletedSeenAt === null || (typeof item.deletedSeenAt === 'string' && !Number.isNaN(Date.parse(item.deletedSeenAt))));
}
