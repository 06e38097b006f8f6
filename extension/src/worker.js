// @ts-check
// Vigie's service worker: the only place that talks to the Vigie server (content scripts would hit CORS).
// Messages: classify, capture, health (from content scripts); settings:test (from the options page and popup).
// It keeps nothing in globals between events: Chrome stops it after ~30 s idle
// (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle).
import { cropScreenshot } from './lib/image.js';
import {
  handleCapture, handleClassify, handleHealth, handleSettingsTest, isOwnContentScript, isOwnExtensionPage, refused,
} from './lib/handlers.js';
import { handleIntervention, handleSuggest } from './lib/responses.js';
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
    case 'suggest':
      if (!isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleSuggest(message, deps());
    case 'intervention':
      if (!isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''))) return Promise.resolve(refused());
      return handleIntervention(message, deps());
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
    cropScreenshot,
    now: () => new Date(),
    randomUUID: () => crypto.randomUUID(),
    env: {
      userAgent: navigator.userAgent,
      extensionVersion: chrome.runtime.getManifest().version,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    },
  };
}
