// @ts-check
// Options page: saves {serverUrl, apiToken} and asks the worker whether the server accepts them; the
// auto-capture level is saved as soon as it is chosen (the worker reads it at each post it is asked about).
import { AUTO_CAPTURE_KEY, AUTO_LEVELS, readAutoLevel } from './lib/auto-capture.js';
import { DEFAULT_SERVER_URL, normalizeServerUrl, readSettings } from './lib/settings.js';

const ICONS = { checking: '⏳', ok: '✔', unauthorized: '⚠', unreachable: '✖', invalid: '✖' };

const form = /** @type {HTMLFormElement} */ (document.getElementById('settings'));
const urlInput = /** @type {HTMLInputElement} */ (document.getElementById('server-url'));
const tokenInput = /** @type {HTMLInputElement} */ (document.getElementById('api-token'));
const saveButton = /** @type {HTMLButtonElement} */ (document.getElementById('save'));
const status = /** @type {HTMLElement} */ (document.getElementById('status'));
const autoSelect = /** @type {HTMLSelectElement} */ (document.getElementById('auto-capture'));
const autoStatus = /** @type {HTMLElement} */ (document.getElementById('auto-capture-status'));

form.addEventListener('submit', (event) => {
  event.preventDefault();
  save();
});

autoSelect.addEventListener('change', async () => {
  const level = AUTO_LEVELS.find((l) => l.value === autoSelect.value) ?? AUTO_LEVELS[0];
  await chrome.storage.local.set({ [AUTO_CAPTURE_KEY]: level.value });
  autoStatus.dataset.level = level.value;
  autoStatus.textContent = `Enregistré : ${level.fr}. · Saved: ${level.en}.`;
});

open();

async function open() {
  autoSelect.value = await readAutoLevel(chrome.storage.local);
  const settings = await readSettings(chrome.storage.local);
  urlInput.value = settings.serverUrl || DEFAULT_SERVER_URL;
  tokenInput.value = settings.apiToken;
  await chrome.storage.local.set({ serverUrl: urlInput.value, apiToken: tokenInput.value });
  await test();
}

async function save() {
  const checked = normalizeServerUrl(urlInput.value);
  if (!checked.ok) {
    urlInput.setAttribute('aria-invalid', 'true');
    show('invalid', checked.message, checked.messageEn);
    urlInput.focus();
    return;
  }
  urlInput.removeAttribute('aria-invalid');
  urlInput.value = checked.url;
  await chrome.storage.local.set({ serverUrl: checked.url, apiToken: tokenInput.value.trim() });
  await test();
}

async function test() {
  show('checking', 'Test de la connexion…', 'Testing the connection…');
  saveButton.disabled = true;
  try {
    const result = await chrome.runtime.sendMessage({ type: 'settings:test' });
    if (result && typeof result.state === 'string') {
      show(result.state, result.message, result.messageEn);
    } else {
      show('unreachable', 'Réponse inattendue de l’extension.', 'Unexpected answer from the extension.');
    }
  } catch {
    show('unreachable', 'Le service de l’extension ne répond pas : rechargez l’extension.', 'The extension’s worker does not answer: reload the extension.');
  } finally {
    saveButton.disabled = false;
  }
}

/**
 * @param {string} state
 * @param {string} message French
 * @param {string} [messageEn]
 */
function show(state, message, messageEn) {
  status.dataset.state = state;
  const icon = document.createElement('span');
  icon.setAttribute('aria-hidden', 'true');
  icon.textContent = `${ICONS[/** @type {keyof typeof ICONS} */ (state)] ?? ''} `;
  const fr = document.createElement('span');
  fr.textContent = message;
  status.replaceChildren(icon, fr);
  if (messageEn) {
    const en = document.createElement('span');
    en.className = 'en';
    en.lang = 'en';
    en.textContent = ` ${messageEn}`;
    status.append(en);
  }
}
