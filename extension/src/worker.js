// @ts-check
// Vigie's service worker: the only place that talks to the Vigie server (content scripts would hit CORS).
// Messages: classify, capture, health (from content scripts); settings:test (from the options page and popup).
// During a capture it sends capture-scroll to the asking frame (content/evidence.js) for each slice of a tall post.
// It keeps nothing in globals between events: Chrome stops it after ~30 s idle
// (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
import {
  handleCapture, handleClassify, handleHealth, handleSettingsTest, isOwnContentScript, isOwnExtensionPage, refused,
} from './lib/handlers.js';
import { raster } from './lib/image.js';
import { readSettings } from './lib/settings.js';

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = route(message, sender);
  if (!reply) return false;
  reply.then(sendResponse);
  return true;
});

/**
 * @param {any} message
 * @param {import("./lib/handlers.js").Sender} sender
 * @returns {Promise<unknown> | null}
 */
function route(message, sender) {
  if (typeof message !== 'object' || message === null) return null;
  switch (message.type) {
    case 'classify':
      if (!isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleClassify(message, deps());
    case 'capture':
      if (!isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleCapture(message, /** @type {any} */ (sender), deps());
    case 'health':
      if (!isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleHealth(message, sender, deps());
    case 'settings:test':
      if (!isOwnExtensionPage(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleSettingsTest(deps());
    default:
      return null;
  }
}

/** @returns {import('./lib/handlers.js').WorkerDeps} */
function deps() {
  return {
    fetch: (input, init) => fetch(input, init),
    settings: () => readSettings(chrome.storage.local),
    taxonomy: async () => (await fetch(chrome.runtime.getURL('shared/taxonomy.json'))).json(),
    captureVisibleTab: (windowId) => chrome.tabs.captureVisibleTab(windowId, { format: 'png' }),
    isTabActive: async (tabId) => (await chrome.tabs.get(tabId)).active,
    askTab: (tabId, frameId, message) => chrome.tabs.sendMessage(tabId, message, { frameId }),
    raster,
    saveAsMhtml: (tabId) => new Promise((resolve, reject) => {
      // The callback form, read at once: Chrome deletes the temporary file behind the blob as soon as the callback
      // returns, and a read started later (as after a promise) fails now and then with NotFoundError.
      chrome.pageCapture.saveAsMHTML({ tabId }, (/** @type {Blob | undefined} */ blob) => {
        if (chrome.runtime.lastError || !blob) {
          reject(new Error(chrome.runtime.lastError ? chrome.runtime.lastError.message : 'no MHTML'));
          return;
        }
        // The closure keeps the blob alive until its bytes are read (a collected blob lets go of the file).
        resolve(blob.arrayBuffer().then((bytes) => new Blob([bytes], { type: blob.type || 'multipart/related' })));
      });
    }),
    uaHints: async (hints) => {
      const data = /** @type {any} */ (navigator).userAgentData;
      return data ? data.getHighEntropyValues(hints) : null;
    },
    proxySettings: () => chrome.proxy.settings.get({}),
    now: () => new Date(),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    warn: (message) => console.warn(message),
    randomUUID: () => crypto.randomUUID(),
    env: {
      userAgent: navigator.userAgent,
      extensionVersion: chrome.runtime.getManifest().version,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      languages: navigator.languages,
    },
  };
}
