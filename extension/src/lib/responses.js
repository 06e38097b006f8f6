// @ts-check
// What the worker does for the response panel (content/responses.js): fetch the suggested reply to a post, and record
// what the CM did with it (an intervention). worker.js checks the sender first, as for classify.
// Bodies keep only the fields the shared schemas allow; the server checks the values and names what it refuses.
import { createApi } from './api.js';
import { VigieError, toWireError } from './errors.js';

const ACTIONS = ['copied', 'opened', 'edited'];
const KINDS = ['public_reply', 'private_message', 'acknowledgement'];
const LANG = /^[a-z]{2}(-[A-Za-z]{2})?$/;

/**
 * POST /responses/suggest for the post a content script shows, with the classification on its badge.
 * @param {{ post?: unknown, classification?: unknown, captureId?: unknown, kind?: unknown }} message
 * @param {import('./handlers.js').WorkerDeps} deps
 */
export async function handleSuggest(message, deps) {
  try {
    const request = buildSuggestRequest(message);
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    const suggestion = await api.suggest(request);
    if (typeof suggestion !== 'object' || !Array.isArray(suggestion.alternatives)) {
      throw new VigieError('bad_response', 'Réponse illisible du serveur Vigie.', 'Unreadable answer from the Vigie server.');
    }
    return { ok: true, suggestion };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * POST /interventions: a suggestion copied, opened on the platform or edited, against the capture when there is one.
 * @param {Record<string, unknown>} message
 * @param {import('./handlers.js').WorkerDeps} deps
 */
export async function handleIntervention(message, deps) {
  try {
    const body = buildIntervention(message);
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    const intervention = await api.intervention(body);
    return { ok: true, intervention };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * The body of POST /responses/suggest (response-suggest-request.schema.json).
 * @param {{ post?: unknown, classification?: unknown, captureId?: unknown, kind?: unknown }} message
 */
export function buildSuggestRequest(message) {
  const post = /** @type {Record<string, any>} */ (message.post);
  const classification = message.classification;
  if (!isObject(post) || !isObject(classification) || typeof post.platform !== 'string'
    || typeof post.postId !== 'string' || typeof post.text !== 'string' || !isObject(post.author)) {
    throw badMessage('Demande de réponse incomplète.', 'Incomplete response request.');
  }
  /** @type {Record<string, unknown>} */
  const body = {
    post: {
      platform: post.platform,
      postId: post.postId,
      text: post.text,
      permalink: typeof post.permalink === 'string' ? post.permalink : null,
      author: {
        name: String(post.author.name ?? ''),
        handle: typeof post.author.handle === 'string' ? post.author.handle : null,
      },
    },
    classification,
  };
  // X marks emoji-only posts "qme" and unknown ones "und": not hints the server accepts, and the engine's own
  // reading of the language comes first anyway.
  if (typeof post.lang === 'string' && LANG.test(post.lang)) /** @type {any} */ (body.post).lang = post.lang;
  if (typeof message.captureId === 'string') body.captureId = message.captureId;
  if (typeof message.kind === 'string' && KINDS.includes(message.kind)) body.kind = message.kind;
  return body;
}

/**
 * The body of POST /interventions (intervention-input.schema.json).
 * @param {Record<string, unknown>} message
 */
export function buildIntervention(message) {
  const { platform, postId, action, finalText } = message;
  if (typeof platform !== 'string' || typeof postId !== 'string' || typeof finalText !== 'string'
    || typeof action !== 'string' || !ACTIONS.includes(action)) {
    throw badMessage('Trace de réponse incomplète.', 'Incomplete response trace.');
  }
  const template = typeof message.templateId === 'string' && Number.isInteger(message.templateVersion);
  return {
    captureId: typeof message.captureId === 'string' ? message.captureId : null,
    platform,
    postId,
    action,
    templateId: template ? message.templateId : null,
    templateVersion: template ? message.templateVersion : null,
    finalText,
  };
}

/** @param {unknown} value @returns {value is Record<string, any>} */
function isObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * @param {string} message
 * @param {string} messageEn
 */
function badMessage(message, messageEn) {
  return new VigieError('bad_message', message, messageEn);
}
