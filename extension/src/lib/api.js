// @ts-check
// The Vigie server's HTTP API as the worker calls it; every failure becomes a VigieError.
import { VigieError, errorFromNetwork, errorFromResponse, notConfigured } from './errors.js';

const TIMEOUT_MS = 15000;

/**
 * @param {{ fetch: typeof fetch, serverUrl: string, apiToken: string }} options
 */
export function createApi({ fetch, serverUrl, apiToken }) {
  const base = `${serverUrl.replace(/\/+$/, '')}/api/v1`;

  /**
   * @param {string} path
   * @param {RequestInit & { auth?: boolean }} init
   */
  async function call(path, init) {
    const { auth = true, ...rest } = init;
    const headers = new Headers(rest.headers);
    headers.set('Accept', 'application/json');
    if (auth) {
      if (!apiToken) throw notConfigured();
      headers.set('Authorization', `Bearer ${apiToken}`);
    }
    let response;
    try {
      response = await fetch(`${base}${path}`, { ...rest, headers, signal: AbortSignal.timeout(TIMEOUT_MS) });
    } catch {
      throw errorFromNetwork();
    }
    // 204: accepted, nothing to read (adapter-health).
    if (response.status === 204) return null;
    const body = await response.json().catch(() => null);
    if (!response.ok) throw errorFromResponse(response.status, body);
    if (body === null) {
      throw new VigieError(
        'bad_response',
        'Réponse illisible du serveur Vigie.',
        'Unreadable answer from the Vigie server.',
        response.status,
      );
    }
    return body;
  }

  return {
    health: () => call('/health', { method: 'GET', auth: false }),
    me: () => call('/me', { method: 'GET' }),
    /** @param {{ items: unknown[] }} request */
    classify: (request) => call('/classify', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    }),
    /** @param {Record<string, unknown>} report an adapter-health body; the server answers 204 */
    adapterHealth: (report) => call('/adapter-health', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(report),
    }),
    /** @param {Record<string, unknown>} request a response-suggest-request */
    suggest: (request) => call('/responses/suggest', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
    }),
    /** @param {Record<string, unknown>} intervention an intervention-input; the server answers 201 with it stored */
    intervention: (intervention) => call('/interventions', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(intervention),
    }),
    /**
     * @param {FormData} form
     * @param {string} idempotencyKey sent again unchanged if this very capture is retried
     */
    postCapture: (form, idempotencyKey) => call('/captures', {
      method: 'POST',
      headers: { 'Idempotency-Key': idempotencyKey },
      body: form,
    }),
    /** @param {string} pageUrl the page's address; the server ignores its query and fragment */
    capturesOnPage: (pageUrl) => call(`/captures/on-page?url=${encodeURIComponent(pageUrl)}`, { method: 'GET' }),
    /**
     * @param {string} captureId
     * @param {{ seenAt: string, how: string, pageUrl: string }} sighting a deleted-sighting body
     */
    reportDeleted: (captureId, sighting) => call(`/captures/${encodeURIComponent(captureId)}/deleted`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(sighting),
    }),
  };
}
