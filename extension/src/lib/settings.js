// @ts-check
// Settings kept in chrome.storage.local, and the checks on what a CM types into the options page.

export const DEFAULT_SERVER_URL = 'http://localhost:8080';

/**
 * @typedef {{ serverUrl: string, apiToken: string }} Settings
 */

/**
 * Checks a server address typed by a CM and returns it without trailing slashes.
 * @param {string} input
 * @returns {{ ok: true, url: string } | { ok: false, message: string, messageEn: string }}
 */
export function normalizeServerUrl(input) {
  const trimmed = String(input ?? '').trim();
  if (trimmed === '') {
    return { ok: false, message: 'Indiquez l\u2019adresse du serveur Vigie.', messageEn: 'Enter the Vigie server address.' };
  }
  let url;
  try {
    url = new URL(trimmed);
  } catch {
    return {
      ok: false,
      message: 'Adresse invalide : elle doit commencer par http:// ou https:// (ex. https://vigie.exemple.fr).',
      messageEn: 'Invalid address: it must start with http:// or https://.',
    };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    return {
      ok: false,
      message: 'Adresse refusée : seuls http:// et https:// sont acceptés.',
      messageEn: 'Address refused: only http:// and https:// are accepted.',
    };
  }
  if (url.username || url.password || url.search || url.hash) {
    return {
      ok: false,
      message: 'Adresse refusée : retirez l\u2019identifiant, les paramètres (?…) ou l\u2019ancre (#…).',
      messageEn: 'Address refused: remove credentials, query string or fragment.',
    };
  }
  return { ok: true, url: url.href.replace(/\/+$/, '') };
}

/**
 * Reads the settings with defaults; called on every event because the worker keeps nothing between events.
 * @param {{ get(keys: string[]): Promise<Record<string, unknown>> }} storageArea
 * @returns {Promise<Settings>}
 */
export async function readSettings(storageArea) {
  const stored = await storageArea.get(['serverUrl', 'apiToken']);
  return {
    serverUrl: typeof stored.serverUrl === 'string' && stored.serverUrl ? stored.serverUrl : DEFAULT_SERVER_URL,
    apiToken: typeof stored.apiToken === 'string' ? stored.apiToken : '',
  };
}
