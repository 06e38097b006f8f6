// @ts-check
// The popup's « File d'attente »: the captures the worker keeps in IndexedDB until the server stores them.
// Everything goes through the worker (outbox:list, outbox:retry, outbox:delete), which only answers the
// extension's own pages. Deleting asks for a confirmation in place (no window.confirm, which closes a popup).
import { queueRows, queueSummary, renderQueue } from './lib/queue-view.js';

const REFRESH_MS = 1500;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const summary = $('queue-summary');
const list = $('queue-list');
const retry = /** @type {HTMLButtonElement} */ ($('queue-retry'));

/** @type {string | null} the refused capture whose deletion waits for « Confirmer » */
let confirming = null;
/** @type {{ fr: string, en: string } | null} what the last action did, shown until the next one */
let outcome = null;

export function showQueue() {
  retry.addEventListener('click', retryNow);
  list.addEventListener('click', onListClick);
  refresh();
  setInterval(refresh, REFRESH_MS);
}

async function refresh() {
  const reply = await ask({ type: 'outbox:list' });
  if (reply) draw(reply.entries);
}

/** @param {any[]} entries */
function draw(entries) {
  const rows = queueRows(entries, Date.now());
  if (!rows.some((r) => r.key === confirming)) confirming = null;
  // A refresh must not take the keyboard focus away from the button the CM is on.
  const active = document.activeElement instanceof HTMLElement && list.contains(document.activeElement)
    ? { action: document.activeElement.dataset.action, key: document.activeElement.dataset.key } : null;
  renderQueue(list, rows, confirming);
  if (active) {
    /** @type {HTMLElement | null} */ (list.querySelector(`[data-action="${active.action}"][data-key="${CSS.escape(active.key ?? '')}"]`))?.focus();
  }
  const words = queueSummary(rows);
  say(summary, outcome ? `${outcome.fr} ${words.fr}` : words.fr, outcome ? `${outcome.en} ${words.en}` : words.en);
  retry.hidden = rows.length === 0;
}

async function retryNow() {
  retry.disabled = true;
  outcome = null;
  say(summary, 'Envoi en cours…', 'Sending…');
  const reply = await ask({ type: 'outbox:retry' });
  retry.disabled = false;
  if (!reply) return;
  const sent = Number(reply.sent) || 0;
  outcome = sent === 0
    ? { fr: 'Rien n\u2019a pu être envoyé.', en: 'Nothing could be sent.' }
    : { fr: `${sent} capture(s) envoyée(s).`, en: `${sent} capture(s) sent.` };
  draw(reply.entries);
}

/** @param {Event} event */
async function onListClick(event) {
  const target = /** @type {HTMLElement} */ (event.target).closest('button[data-action]');
  if (!(target instanceof HTMLElement)) return;
  const key = target.dataset.key ?? null;
  switch (target.dataset.action) {
    case 'delete':
      confirming = key;
      await refresh();
      /** @type {HTMLElement | null} */ (list.querySelector('[data-action="cancel-delete"]'))?.focus();
      break;
    case 'cancel-delete':
      confirming = null;
      await refresh();
      break;
    case 'confirm-delete': {
      confirming = null;
      const reply = await ask({ type: 'outbox:delete', key });
      if (reply) {
        outcome = { fr: 'Capture supprimée.', en: 'Capture deleted.' };
        draw(reply.entries);
      }
      break;
    }
    default:
      break;
  }
}

/**
 * @param {object} message
 * @returns {Promise<any | null>} the worker's answer when ok; null after showing why not
 */
async function ask(message) {
  try {
    const reply = await chrome.runtime.sendMessage(message);
    if (reply && reply.ok) return reply;
    const error = reply && reply.error ? reply.error : null;
    say(summary, error ? error.message : 'Réponse inattendue du service de l\u2019extension.',
      error ? error.messageEn : 'Unexpected answer from the extension\u2019s worker.');
  } catch {
    say(summary, 'Le service de l\u2019extension ne répond pas.', 'The extension\u2019s worker does not answer.');
  }
  return null;
}

/**
 * @param {HTMLElement} el
 * @param {string} fr
 * @param {string} en
 */
function say(el, fr, en) {
  // The summary is a live region: the same words again must not be read out again every refresh.
  if (el.textContent === `${fr} ${en}`) return;
  const french = document.createElement('span');
  french.textContent = fr;
  const english = document.createElement('span');
  english.className = 'en';
  english.lang = 'en';
  english.textContent = ` ${en}`;
  el.replaceChildren(french, english);
}
