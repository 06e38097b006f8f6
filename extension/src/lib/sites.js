// @ts-check
// The per-site on/off switch of the popup, kept in chrome.storage.local under one key per hostname.
// content/main.js reads the same key (a classic script cannot import this module).

/** @param {string} hostname */
export function siteKey(hostname) {
  return `site:${hostname}`;
}

/**
 * Vigie runs on a site unless the CM switched it off there.
 * @param {{ get(key: string): Promise<Record<string, unknown>> }} storageArea
 * @param {string} hostname
 */
export async function isSiteEnabled(storageArea, hostname) {
  const key = siteKey(hostname);
  const stored = await storageArea.get(key);
  return stored[key] !== false;
}

/**
 * @param {{ set(items: Record<string, unknown>): Promise<void>, remove(key: string): Promise<void> }} storageArea
 * @param {string} hostname
 * @param {boolean} enabled on is the default, so it is stored as the key's absence
 */
export async function setSiteEnabled(storageArea, hostname, enabled) {
  const key = siteKey(hostname);
  if (enabled) await storageArea.remove(key);
  else await storageArea.set({ [key]: false });
}
