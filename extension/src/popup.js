// @ts-check
// The toolbar popup, for the current tab: which engine Vigie recognised, posts and risks found there, the
// per-site switch, the canary's warnings and the server connection. The tab's content script answers
// {type: 'status'}; where no adapter recognised the page it is dormant and the message is rejected.
// Below, the captures waiting in the browser (popup-queue.js).
import { RISK_ROWS, deletedLine, engineLabel, isStatus, postsLine, problemText } from './lib/popup-view.js';
import { showQueue } from './popup-queue.js';
import { setSiteEnabled } from './lib/sites.js';

const REFRESH_MS = 1500;

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const engine = $('engine');
const posts = $('posts');
const counts = $('counts');
const problems = $('problems');
const deleted = $('deleted');
const site = $('site');
const siteLabel = $('site-label');
const toggle = /** @type {HTMLInputElement} */ ($('site-toggle'));
const server = $('server');

/** @type {{ id: number, hostname: string } | null} */
let tab = null;

$('options').addEventListener('click', (event) => {
  event.preventDefault();
  chrome.runtime.openOptionsPage();
  window.close();
});

toggle.addEventListener('change', async () => {
  if (!tab) return;
  toggle.disabled = true;
  await setSiteEnabled(chrome.storage.local, tab.hostname, toggle.checked);
  try {
    show(await chrome.tabs.sendMessage(tab.id, { type: 'site', enabled: toggle.checked }));
  } catch {
    unrecognised();
  } finally {
    toggle.disabled = false;
  }
});

open();

async function open() {
  testServer();
  showQueue();
  const [active] = await chrome.tabs.query({ active: true, currentWindow: true });
  const url = active && typeof active.url === 'string' ? safeUrl(active.url) : null;
  if (!active || typeof active.id !== 'number' || !url || !/^https?:$/.test(url.protocol)) {
    unrecognised();
    return;
  }
  tab = { id: active.id, hostname: url.hostname };
  await refresh();
  setInterval(refresh, REFRESH_MS);
}

async function refresh() {
  if (!tab) return;
  try {
    show(await chrome.tabs.sendMessage(tab.id, { type: 'status' }));
  } catch {
    // "Receiving end does not exist": no adapter recognised the page, or it was open before Vigie was installed.
    unrecognised();
  }
}

/** @param {unknown} status */
function show(status) {
  if (!isStatus(status) || !status.recognized) {
    unrecognised();
    return;
  }
  say(engine, `Moteur reconnu : ${engineLabel(status.adapter ?? '')}`, `Engine: ${status.adapter}`);
  site.hidden = false;
  toggle.checked = status.enabled;
  siteLabel.textContent = `Vigie active sur ${status.hostname}`;
  if (!status.enabled) {
    posts.hidden = false;
    say(posts, 'Vigie est désactivée sur ce site.', 'Vigie is off on this site.');
    counts.hidden = true;
    problems.hidden = true;
    deleted.hidden = true;
    return;
  }
  const line = postsLine(status.postsFound ?? 0);
  const pending = status.counts?.pending ?? 0;
  posts.hidden = false;
  say(posts, pending > 0 ? `${line.fr} (${pending} en analyse)` : line.fr, line.en);
  counts.hidden = false;
  counts.replaceChildren(...RISK_ROWS.map((row) => {
    const n = status.counts?.[row.risk] ?? 0;
    const li = document.createElement('li');
    li.style.setProperty('--risk', row.color);
    li.dataset.risk = row.risk;
    li.dataset.count = String(n);
    li.title = `${row.en}: ${n}`;
    const count = document.createElement('span');
    count.className = 'n';
    count.textContent = String(n);
    const word = document.createElement('span');
    word.className = 'word';
    word.textContent = row.fr;
    li.append(count, word);
    return li;
  }));
  const found = status.problems ?? [];
  problems.hidden = found.length === 0;
  problems.replaceChildren(...found.map((p) => {
    const text = problemText(p.problem);
    const line = document.createElement('p');
    say(line, `⚠ ${text.fr}`, text.en);
    return line;
  }));
  const gone = deletedLine(status.deleted ?? []);
  deleted.hidden = gone === null;
  if (gone) say(deleted, gone.fr, gone.en);
}

function unrecognised() {
  say(engine, 'Aucune page reconnue ici', 'No page recognised here');
  posts.hidden = false;
  say(posts, 'Si la page était ouverte avant l\u2019installation de Vigie, actualisez-la.',
    'If the page was open before Vigie was installed, reload it.');
  for (const el of [counts, problems, deleted, site]) el.hidden = true;
}

async function testServer() {
  try {
    const result = await chrome.runtime.sendMessage({ type: 'settings:test' });
    if (result && typeof result.state === 'string') {
      server.dataset.state = result.state;
      say(server, result.message, result.messageEn);
      return;
    }
  } catch {
    // The worker did not answer: shown below.
  }
  server.dataset.state = 'unreachable';
  say(server, 'Le service de l\u2019extension ne répond pas.', 'The extension\u2019s worker does not answer.');
}

/**
 * @param {HTMLElement} el
 * @param {string} fr
 * @param {string} [en]
 */
function say(el, fr, en) {
  const french = document.createElement('span');
  french.textContent = fr;
  el.replaceChildren(french);
  if (en) {
    const english = document.createElement('span');
    english.className = 'en';
    english.lang = 'en';
    english.textContent = ` ${en}`;
    el.append(english);
  }
}

/** @param {string} value */
function safeUrl(value) {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}
