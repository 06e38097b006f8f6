// Runs the extension's content scripts inside jsdom, with a fake chrome.runtime.sendMessage.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { JSDOM, VirtualConsole } from 'jsdom';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SRC = join(ROOT, 'src');
export const MANIFEST = JSON.parse(readFileSync(join(SRC, 'manifest.json'), 'utf8'));
export const CONTENT_SCRIPTS = MANIFEST.content_scripts[0].js;
export const TAXONOMY = JSON.parse(readFileSync(join(ROOT, '..', 'shared-schemas', 'schemas', 'taxonomy.json'), 'utf8'));

/** @param {string} name path under test/fixtures */
export function fixture(name) {
  return readFileSync(join(ROOT, 'test', 'fixtures', name), 'utf8');
}

/**
 * @param {string} html
 * @param {{ url?: string, sendMessage?: (message: any) => Promise<any>, scripts?: string[],
 *   storage?: Record<string, unknown>, setup?: (window: any) => void }} [options]
 *   storage: initial chrome.storage.local; setup: runs in the new window before the content scripts
 */
export function openPage(html, options = {}) {
  const warnings = [];
  const infos = [];
  const virtualConsole = new VirtualConsole();
  virtualConsole.on('warn', (...args) => warnings.push(args.map(String).join(' ')));
  virtualConsole.on('info', (...args) => infos.push(args.map(String).join(' ')));
  virtualConsole.on('error', (...args) => warnings.push(`error: ${args.map(String).join(' ')}`));
  const dom = new JSDOM(html, {
    url: options.url ?? 'https://x.com/home',
    runScripts: 'outside-only',
    pretendToBeVisual: true,
    virtualConsole,
  });
  const { window } = dom;
  const messages = [];
  const sendMessage = options.sendMessage ?? (async () => ({ ok: false, error: { message: 'pas de serveur' } }));
  const listeners = [];
  const storage = { ...(options.storage ?? {}) };
  window.chrome = {
    runtime: {
      id: RUNTIME_ID,
      getURL: (path = '') => `chrome-extension://${RUNTIME_ID}/${path}`,
      sendMessage: (message) => {
        // Chrome clones messages between the page and the worker: so do we, to catch non-clonable values.
        const copy = structuredClone(message);
        messages.push(copy);
        return sendMessage(copy);
      },
      onMessage: { addListener: (listener) => listeners.push(listener) },
    },
    storage: {
      local: {
        get: async (key) => (key in storage ? { [key]: structuredClone(storage[key]) } : {}),
        set: async (items) => { Object.assign(storage, structuredClone(items)); },
        remove: async (key) => { delete storage[key]; },
      },
    },
  };
  if (options.setup) options.setup(window);
  for (const script of options.scripts ?? CONTENT_SCRIPTS) {
    window.eval(readFileSync(join(SRC, script), 'utf8'));
  }
  /**
   * Delivers a message to the content script's runtime.onMessage listeners as chrome.tabs.sendMessage would;
   * resolves with the answer (later when a listener returned true), or rejects as Chrome does when none answers.
   */
  const tell = (message, sender = POPUP_SENDER) => new Promise((resolve, reject) => {
    let answered = false;
    let pending = false;
    for (const listener of listeners) {
      const keep = listener(structuredClone(message), sender, (response) => {
        if (answered) return;
        answered = true;
        resolve(structuredClone(response));
      });
      if (keep === true) pending = true;
    }
    if (!answered && !pending) reject(new Error('Could not establish connection. Receiving end does not exist.'));
  });
  return { dom, window, document: window.document, vigie: window.vigie, messages, warnings, infos, storage, tell, listeners };
}

/** The fixed extension id (manifest key) and what Chrome reports for a message from the popup. */
export const RUNTIME_ID = 'edidkidbaobbdpdngaioniofhpehpfnc';
export const POPUP_SENDER = { id: RUNTIME_ID, url: `chrome-extension://${RUNTIME_ID}/popup.html`, origin: `chrome-extension://${RUNTIME_ID}` };

/** Waits until check() is truthy, letting timers, observers and promises run. */
export async function waitFor(check, { timeout = 2000, what = 'condition' } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Label names as the worker sends them with results. */
export function labelNames() {
  return Object.fromEntries(TAXONOMY.labels.map((l) => [l.label, { fr: l.fr, en: l.en, risk: l.risk }]));
}

/**
 * A stand-in for the server behind the worker: "suicider" is distress, "remboursement" a complaint,
 * a "?" a question, anything else no risk. Evidence quotes the text it was given.
 */
export function fakeClassify(item) {
  const rules = [
    { word: 'suicider', label: 'distress', risk: 'critical', explanation: 'intention suicidaire exprimée' },
    { word: 'remboursement', label: 'complaint', risk: 'low', explanation: 'réclamation client' },
    { word: 'onerror', label: 'threat', risk: 'critical', explanation: '<b onmouseover="x()">explication</b>' },
  ];
  const labels = [];
  for (const rule of rules) {
    const start = item.text.indexOf(rule.word);
    if (start >= 0) {
      const span = rule.word === 'onerror' ? item.text : rule.word;
      const at = rule.word === 'onerror' ? 0 : start;
      labels.push({
        label: rule.label, risk: rule.risk, score: 0.9,
        evidence: [{ start: at, end: at + span.length, text: span, explanation: rule.explanation }],
      });
    }
  }
  if (item.text.includes('?')) labels.push({ label: 'question', risk: 'low', score: 0.7, evidence: [] });
  const order = TAXONOMY.risks;
  const risk = labels.reduce((top, l) => (order.indexOf(l.risk) > order.indexOf(top) ? l.risk : top), 'none');
  return { id: item.id, risk, labels };
}

/** A sendMessage that answers classify like the worker does with a working server. */
export function workingWorker(extra = {}) {
  return async (message) => {
    if (message.type === 'classify') {
      return { ok: true, results: message.items.map(fakeClassify), labels: labelNames() };
    }
    if (extra[message.type]) return extra[message.type](message);
    return { ok: false, error: { code: 'unknown', message: 'inconnu' } };
  };
}

/** jsdom objects come from another realm: compare their JSON, not the objects. */
export const plain = (value) => JSON.parse(JSON.stringify(value));

/**
 * Every saved page of the other sites and engines, with the address it was saved at: an adapter must not
 * recognize any of them.
 * @param {string} site the fixture folder to leave out
 */
export function otherFixtures(site) {
  const dir = join(ROOT, 'test', 'fixtures');
  return readdirSync(dir).filter((name) => name !== site).flatMap((name) =>
    readdirSync(join(dir, name)).filter((file) => file.endsWith('.html')).map((file) => {
      const expected = `${name}/${file.replace(/\.html$/, '.expected.json')}`;
      const url = existsSync(join(dir, expected)) ? JSON.parse(fixture(expected)).url : 'https://example.org/';
      return { name: `${name}/${file}`, html: fixture(`${name}/${file}`), url };
    }));
}

/** Whether the page's adapter recognizes the page, as the core asks it. */
export const matchesPage = (page) => page.adapter.matches(new URL(page.window.location.href), page.document);
