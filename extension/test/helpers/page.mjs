// Runs the extension's content scripts inside jsdom, with a fake chrome.runtime.sendMessage.
import { readFileSync } from 'node:fs';
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
 * @param {{ url?: string, sendMessage?: (message: any) => Promise<any>, scripts?: string[] }} [options]
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
  window.chrome = {
    runtime: {
      sendMessage: (message) => {
        // Chrome clones messages between the page and the worker: so do we, to catch non-clonable values.
        const copy = structuredClone(message);
        messages.push(copy);
        return sendMessage(copy);
      },
    },
  };
  for (const script of options.scripts ?? CONTENT_SCRIPTS) {
    window.eval(readFileSync(join(SRC, script), 'utf8'));
  }
  return { dom, window, document: window.document, vigie: window.vigie, messages, warnings, infos };
}

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
