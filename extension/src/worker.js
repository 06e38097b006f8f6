// @ts-check
// Vigie's service worker: the only place that talks to the Vigie server (content scripts would hit CORS).
// Messages: classify, capture, autocapture:check, health, captures-on-page, captured-post-deleted (from content
// scripts); settings:test and outbox:* (from the options page and popup). It keeps nothing in globals between events:
// Chrome stops it after ~30 s idle
// (https://developer.chrome.com/docs/extensions/develop/concepts/service-workers/lifecycle). Captures waiting for
// the server are in IndexedDB; a chrome.alarms alarm, the worker's start, the browser's start and every page
// message try to send them. During a capture it sends capture-scroll to the asking frame (content/evidence.js) for
// each slice of a tall post.
import { createCaptureMemory, readAutoLevel } from './lib/auto-capture.js';
import { handleCapturedPostDeleted, handleCapturesOnPage } from './lib/deleted.js';
import { raster } from './lib/image.js';
import {
  handleClassify, handleHealth, handleSettingsTest, isOwnContentScript, isOwnExtensionPage, refused,
} from './lib/handlers.js';
import { createOutbox } from './lib/outbox.js';
import { createPacer } from './lib/pacer.js';
import {
  handleAutoCheck, handleCaptureOnce, handleQueueDelete, handleQueueList, handleQueueRetry,
} from './lib/queue-handlers.js';
import { handleIntervention, handleSuggest } from './lib/responses.js';
import { readSettings } from './lib/settings.js';

const OUTBOX_ALARM = 'vigie-outbox';
// Chrome ≥ 120 fires alarms at most every 30 s (https://developer.chrome.com/docs/extensions/reference/api/alarms).
const MIN_ALARM_DELAY_MS = 30000;

// Created once per worker life: they hold an IndexedDB connection and locks, not data (that is on disk).
const outbox = createOutbox({
  indexedDB,
  fetch: (input, init) => fetch(input, init),
  settings: () => readSettings(chrome.storage.local),
  now: () => new Date(),
  random: Math.random,
  notify: (entry, capture) => {
    if (typeof entry.tabId !== 'number') return;
    // The tab may be closed or show another page now: nothing to tell then.
    chrome.tabs.sendMessage(entry.tabId, { type: 'capture-sent', postRef: entry.postRef, captureId: capture?.id })
      .catch(() => {});
  },
  onChange: showQueue,
});
const memory = createCaptureMemory(chrome.storage.local);
// 2 captureVisibleTab calls a second at most: 550 ms apart leaves a margin for timer jitter.
const pace = createPacer(550);

chrome.runtime.onMessage.addListener((message, sender, sendResponse) => {
  const reply = route(message, sender);
  if (!reply) return false;
  reply.then(sendResponse);
  return true;
});
chrome.alarms.onAlarm.addListener((alarm) => {
  if (alarm.name === OUTBOX_ALARM) outbox.drain();
});
chrome.runtime.onStartup.addListener(() => outbox.drain());
// The worker starts after a stop, an update or a browser restart: whatever waits is tried, the icon's count redrawn.
outbox.drain();

/**
 * @param {any} message
 * @param {import("./lib/handlers.js").Sender} sender
 * @returns {Promise<unknown> | null}
 */
function route(message, sender) {
  if (typeof message !== 'object' || message === null) return null;
  const fromContent = () => isOwnContentScript(sender, chrome.runtime.id, chrome.runtime.getURL(''));
  const fromPage = () => isOwnExtensionPage(sender, chrome.runtime.id, chrome.runtime.getURL(''));
  switch (message.type) {
    case 'classify':
      if (!fromContent()) return Promise.resolve(refused());
      // A CM browsing is a good moment to retry: the alarm alone would wait at least 30 s.
      outbox.drain();
      return handleClassify(message, deps());
    case 'capture':
      if (!fromContent()) return Promise.resolve(refused());
      outbox.drain();
      return handleCaptureOnce(message, /** @type {any} */ (sender), deps());
    case 'autocapture:check':
      if (!fromContent()) return Promise.resolve(refused());
      return handleAutoCheck(message, deps());
    case 'health':
      if (!fromContent()) return Promise.resolve(refused());
      return handleHealth(message, sender, deps());
    case 'captures-on-page':
      if (!fromContent()) return Promise.resolve(refused());
      return handleCapturesOnPage(message, sender, deps());
    case 'captured-post-deleted':
      if (!fromContent()) return Promise.resolve(refused());
      return handleCapturedPostDeleted(message, sender, deps());
    case 'suggest':
      if (!fromContent()) return Promise.resolve(refused());
      return handleSuggest(message, deps());
    case 'intervention':
      if (!fromContent()) return Promise.resolve(refused());
      return handleIntervention(message, deps());
    case 'settings:test':
      if (!fromPage()) return Promise.resolve(refused());
      return handleSettingsTest(deps());
    case 'outbox:list':
      if (!fromPage()) return Promise.resolve(refused());
      return handleQueueList(deps());
    case 'outbox:retry':
      if (!fromPage()) return Promise.resolve(refused());
      return handleQueueRetry(deps());
    case 'outbox:delete':
      if (!fromPage()) return Promise.resolve(refused());
      return handleQueueDelete(message, deps());
    default:
      return null;
  }
}

/**
 * The count of waiting captures on the toolbar icon, and the alarm that retries them.
 * @param {import('./lib/outbox.js').QueueState} state
 */
async function showQueue(state) {
  const text = state.count === 0 ? '' : String(state.count);
  await chrome.action.setBadgeText({ text });
  await chrome.action.setBadgeBackgroundColor({ color: state.refused > 0 ? '#a4001d' : '#b45309' });
  await chrome.action.setTitle({
    title: state.count === 0 ? 'Vigie — état de la page / page status'
      : `Vigie — ${state.count} capture(s) en attente d\u2019envoi / waiting to be sent`,
  });
  if (state.nextWakeAt === null) {
    await chrome.alarms.clear(OUTBOX_ALARM);
  } else {
    await chrome.alarms.create(OUTBOX_ALARM, { when: Math.max(state.nextWakeAt, Date.now() + MIN_ALARM_DELAY_MS) });
  }
}

/** @returns {import('./lib/queue-handlers.js').QueueDeps} */
function deps() {
  return {
    fetch: (input, init) => fetch(input, init),
    settings: () => readSettings(chrome.storage.local),
    taxonomy: async () => (await fetch(chrome.runtime.getURL('shared/taxonomy.json'))).json(),
    captureVisibleTab: (windowId) => pace(() => chrome.tabs.captureVisibleTab(windowId, { format: 'png' })),
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
    outbox,
    memory,
    autoLevel: () => readAutoLevel(chrome.storage.local),
  };
}
