// @ts-check
// Messages about what happens to captures after the click: auto-capture's "once per post", and the outbox the
// popup lists, retries and prunes.
import { reachesLevel } from './auto-capture.js';
import { VigieError, toWireError } from './errors.js';
import { handleCapture } from './handlers.js';
import { postRefOf } from './outbox.js';

/**
 * @typedef {import('./handlers.js').WorkerDeps & {
 *   autoLevel: () => Promise<import('./auto-capture.js').AutoLevel>,
 *   memory: ReturnType<typeof import('./auto-capture.js').createCaptureMemory>,
 *   outbox: ReturnType<typeof import('./outbox.js').createOutbox>,
 * }} QueueDeps
 */

/** @param {unknown} value */
const isRef = (value) => typeof value === 'object' && value !== null
  && typeof (/** @type {any} */ (value).platform) === 'string' && typeof (/** @type {any} */ (value).postId) === 'string'
  && /** @type {any} */ (value).postId !== '';

/**
 * A capture, remembered per post. An automatic one (metadata.automatic) is taken only at the configured level and
 * only if the post was never captured; if nothing could be kept, the post is forgotten so that Vigie tries again.
 * A CM's click always captures, and is remembered so that Vigie does not capture the post again by itself.
 * @param {{ metadata?: any, rect?: unknown, devicePixelRatio?: unknown }} message
 * @param {import('./handlers.js').Sender & { tab: { id: number, windowId: number } }} sender
 * @param {QueueDeps} deps
 */
export async function handleCaptureOnce(message, sender, deps) {
  const metadata = message.metadata;
  const ref = typeof metadata === 'object' && metadata !== null ? postRefOf(metadata) : null;
  const automatic = Boolean(ref && metadata.automatic === true);
  if (automatic && ref) {
    if (!reachesLevel(metadata.classification?.risk, await deps.autoLevel())) {
      return { ok: false, error: new VigieError('auto_off', 'Capture automatique désactivée pour ce niveau de risque.',
        'Auto-capture is off for this risk level.').toWire() };
    }
    if (!(await deps.memory.remember(ref))) {
      return { ok: false, error: new VigieError('already_captured', 'Ce message a déjà été capturé.',
        'This post was captured already.').toWire() };
    }
  }
  const reply = await handleCapture(message, sender, deps);
  const kept = reply.ok || reply.status === 'refused';
  if (ref && automatic && !kept) await deps.memory.forget(ref);
  if (ref && !automatic && kept) await deps.memory.remember(ref);
  return reply;
}

/**
 * Whether the content script should capture this post by itself: level reached and never captured.
 * @param {{ platform?: unknown, postId?: unknown, risk?: unknown }} message
 * @param {QueueDeps} deps
 */
export async function handleAutoCheck(message, deps) {
  const ref = { platform: message.platform, postId: message.postId };
  if (!isRef(ref)) return { ok: false, error: badMessage() };
  const typed = /** @type {{ platform: string, postId: string }} */ (ref);
  const capture = reachesLevel(message.risk, await deps.autoLevel()) && !(await deps.memory.has(typed));
  return { ok: true, capture };
}

/** @param {QueueDeps} deps */
export async function handleQueueList(deps) {
  try {
    return { ok: true, entries: await deps.outbox.list() };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * « Réessayer maintenant »: refused captures back in the queue, everything sent now if the server answers.
 * @param {QueueDeps} deps
 */
export async function handleQueueRetry(deps) {
  try {
    const { sent } = await deps.outbox.retryAll();
    return { ok: true, sent, entries: await deps.outbox.list() };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * « Supprimer », confirmed by the CM in the popup: only a refused capture can be deleted.
 * @param {{ key?: unknown }} message
 * @param {QueueDeps} deps
 */
export async function handleQueueDelete(message, deps) {
  if (typeof message.key !== 'string' || message.key === '') return { ok: false, error: badMessage() };
  try {
    if (!(await deps.outbox.remove(message.key))) {
      return { ok: false, error: new VigieError('not_deletable',
        'Seule une capture refusée par le serveur peut être supprimée ; celle-ci est introuvable ou en attente d\u2019envoi.',
        'Only a capture the server refused can be deleted; this one is gone or waiting to be sent.').toWire() };
    }
    return { ok: true, entries: await deps.outbox.list() };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

function badMessage() {
  return new VigieError('bad_message', 'Message de la file d\u2019attente invalide.', 'Invalid queue message.').toWire();
}
