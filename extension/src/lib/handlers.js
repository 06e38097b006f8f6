// @ts-check
// What the worker does for each message; Chrome APIs come in through `deps` so node tests can fake them.
import { createApi } from './api.js';
import { VigieError, notConfigured, toWireError } from './errors.js';
import { collectEvidence } from './evidence.js';
import { buildHealthReport } from './health.js';
import { buildClassifyRequest } from './metadata.js';
import { captureReply, postRefOf } from './outbox.js';

/**
 * @typedef {import('./evidence.js').EvidenceDeps & {
 *   fetch: typeof fetch,
 *   settings: () => Promise<import('./settings.js').Settings>,
 *   taxonomy: () => Promise<{ labels: { label: string, risk: string, fr: string, en: string }[] }>,
 *   randomUUID: () => string,
 *   outbox: { submit: (capture: { key: string, metadata: Record<string, any>,
 *     parts: import('./metadata.js').CaptureParts, tabId: number, postRef: { platform: string, postId: string } })
 *     => Promise<import('./outbox.js').Outcome> },
 * }} WorkerDeps outbox keeps the capture (IndexedDB) before it tries to send it
 */

/**
 * @typedef {{ id?: string, url?: string, frameId?: number, tab?: { id?: number, windowId: number } }} Sender
 */

/**
 * Classify and capture act for a page the CM is looking at: only this extension's content scripts may ask.
 * An extension page opened in a tab (options) also has sender.tab, so its URL is checked too.
 * @param {Sender} sender
 * @param {string} runtimeId
 * @param {string} extensionBaseUrl chrome.runtime.getURL('')
 */
export function isOwnContentScript(sender, runtimeId, extensionBaseUrl) {
  return sender.id === runtimeId && typeof sender.tab === 'object' && sender.tab !== null
    && typeof sender.tab.id === 'number' && typeof sender.tab.windowId === 'number'
    && typeof sender.url === 'string' && !sender.url.startsWith(extensionBaseUrl);
}

/**
 * Settings are tested only from the extension's own pages (options), never from a web page's content script.
 * @param {Sender} sender
 * @param {string} runtimeId
 * @param {string} extensionBaseUrl chrome.runtime.getURL('')
 */
export function isOwnExtensionPage(sender, runtimeId, extensionBaseUrl) {
  return sender.id === runtimeId && typeof sender.url === 'string' && sender.url.startsWith(extensionBaseUrl);
}

export function refused() {
  return {
    ok: false,
    error: new VigieError('forbidden', 'Message refusé : expéditeur non autorisé.', 'Message refused: sender not allowed.').toWire(),
  };
}

/**
 * @param {{ items?: unknown }} message
 * @param {WorkerDeps} deps
 */
export async function handleClassify(message, deps) {
  try {
    const request = validRequest(() => buildClassifyRequest(message.items));
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    const response = await api.classify(request);
    if (!Array.isArray(response.results)) throw badResponse();
    const taxonomy = await deps.taxonomy();
    /** @type {Record<string, { fr: string, en: string, risk: string }>} */
    const labels = {};
    for (const entry of taxonomy.labels) labels[entry.label] = { fr: entry.fr, en: entry.en, risk: entry.risk };
    return { ok: true, results: response.results, labels };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * Collects the capture's parts and metadata (lib/evidence.js), then uploads them in one multipart request.
 * @param {Parameters<typeof collectEvidence>[0]} message
 * @param {import('./evidence.js').TabSender} sender
 * @param {WorkerDeps} deps
 */
export async function handleCapture(message, sender, deps) {
  try {
    const settings = await deps.settings();
    if (!settings.apiToken) throw notConfigured();
    const { metadata, parts } = await collectEvidence(message, sender, deps);
    return captureReply(await deps.outbox.submit({
      key: deps.randomUUID(), metadata, parts, tabId: sender.tab.id, postRef: postRefOf(metadata),
    }));
  } catch (error) {
    // The page only hears "internal error"; the worker's console keeps what it was.
    if (!(error instanceof VigieError)) deps.warn(`[vigie] capture : erreur interne / internal error: ${String(error)}`);
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * Reports an adapter that recognised a page but could not read it (the canary) to POST /adapter-health.
 * @param {Record<string, unknown>} message
 * @param {Sender} sender
 * @param {WorkerDeps} deps
 */
export async function handleHealth(message, sender, deps) {
  try {
    let report;
    try {
      report = buildHealthReport(message, { extensionVersion: deps.env.extensionVersion, senderUrl: sender.url });
    } catch {
      throw new VigieError('bad_message', 'Signalement d\u2019adaptateur invalide.', 'Invalid adapter health report.');
    }
    const api = createApi({ fetch: deps.fetch, ...(await deps.settings()) });
    await api.adapterHealth(report);
    return { ok: true };
  } catch (error) {
    return { ok: false, error: toWireError(error) };
  }
}

/**
 * Health first (no token needed), then /me to see whether the token is accepted.
 * @param {WorkerDeps} deps
 * @returns {Promise<{ state: 'ok' | 'unauthorized' | 'unreachable', message: string, messageEn: string,
 *   version?: string, login?: string, role?: string }>}
 */
export async function handleSettingsTest(deps) {
  const settings = await deps.settings();
  const api = createApi({ fetch: deps.fetch, ...settings });
  let health;
  try {
    health = await api.health();
  } catch (error) {
    const wire = toWireError(error);
    return { state: 'unreachable', message: wire.message, messageEn: wire.messageEn };
  }
  const version = typeof health.version === 'string' ? health.version : '?';
  if (health.status !== 'ok') {
    return {
      state: 'unreachable',
      version,
      message: `Le serveur Vigie ${version} répond mais sa base de données est indisponible.`,
      messageEn: `Vigie server ${version} answers but its database is unavailable.`,
    };
  }
  if (!settings.apiToken) {
    return {
      state: 'unauthorized',
      version,
      message: 'Serveur joignable : saisissez votre jeton d\u2019accès.',
      messageEn: 'Server reachable: enter your access token.',
    };
  }
  try {
    const me = await api.me();
    return {
      state: 'ok',
      version,
      login: me.login,
      role: me.role,
      message: `Connecté à Vigie ${version} en tant que ${me.login}.`,
      messageEn: `Connected to Vigie ${version} as ${me.login}.`,
    };
  } catch (error) {
    const wire = toWireError(error);
    if (wire.code === 'unauthorized') {
      return {
        state: 'unauthorized',
        version,
        message: 'Jeton refusé par le serveur Vigie : vérifiez-le ou demandez-en un nouveau.',
        messageEn: 'Token refused by the Vigie server: check it or ask for a new one.',
      };
    }
    return { state: 'unreachable', version, message: wire.message, messageEn: wire.messageEn };
  }
}

/**
 * @template T
 * @param {() => T} build
 */
function validRequest(build) {
  try {
    return build();
  } catch {
    throw new VigieError('bad_message', 'Lot de messages à analyser invalide.', 'Invalid batch of messages to classify.');
  }
}

function badResponse() {
  return new VigieError('bad_response', 'Réponse illisible du serveur Vigie.', 'Unreadable answer from the Vigie server.');
}
