// The popup's « File d'attente »: words for each waiting capture, and the list it draws (jsdom).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { ageText, queueRows, queueSummary, renderQueue, untilText } from '../src/lib/queue-view.js';

const NOW = Date.parse('2026-11-20T21:30:00Z');
const entry = (overrides = {}) => ({
  key: 'key-0001-6f1c2b9e',
  state: 'queued',
  createdAt: NOW - 3 * 60_000,
  attempts: 2,
  nextAttemptAt: NOW + 40_000,
  lastError: { code: 'unreachable', message: 'Serveur Vigie injoignable.', messageEn: 'Vigie server unreachable.' },
  summary: { author: 'Lucie M.', text: 'je n\'ai plus de tunes… je vais me suicider', site: 'x.com', platform: 'x', automatic: false },
  ...overrides,
});

test('ages and next tries in French, English beside', () => {
  assert.deepEqual(ageText(20_000), { fr: 'à l’instant', en: 'just now' });
  assert.deepEqual(ageText(3 * 60_000), { fr: 'il y a 3 min', en: '3 min ago' });
  assert.deepEqual(ageText(5 * 3600_000), { fr: 'il y a 5 h', en: '5 h ago' });
  assert.deepEqual(ageText(3 * 86400_000), { fr: 'il y a 3 j', en: '3 days ago' });
  assert.equal(untilText(40_000).fr, 'prochain essai dans 40 s');
  assert.equal(untilText(130_000).fr, 'prochain essai dans 3 min');
  assert.equal(untilText(-5).fr, 'prochain essai imminent');
});

test('a queued capture: author, start of text, site, age, attempts, next try, last error', () => {
  const [row] = queueRows([entry()], NOW);
  assert.deepEqual(row, {
    key: 'key-0001-6f1c2b9e', state: 'queued', author: 'Lucie M.', text: 'je n\'ai plus de tunes… je vais me suicider',
    site: 'x.com', age: { fr: 'il y a 3 min', en: '3 min ago' }, attempts: { fr: '2 essais', en: '2 attempts' },
    next: { fr: 'prochain essai dans 40 s', en: 'next try in 40 s' },
    error: { fr: 'Dernière erreur : Serveur Vigie injoignable.', en: 'Last error: Vigie server unreachable.' },
    automatic: false,
  });
});

test('a refused capture says the server\'s reason and has no next try; long texts are cut', () => {
  const [row] = queueRows([entry({
    state: 'refused', nextAttemptAt: null, attempts: 1,
    lastError: { code: 'hash_mismatch', message: 'Le SHA-256 annoncé ne correspond pas.', messageEn: 'Hash mismatch.' },
    summary: { author: '', text: 'x'.repeat(140), site: 'forum.exemple.fr', platform: 'phpbb', automatic: true },
  })], NOW);
  assert.equal(row.next, null);
  assert.equal(row.error.fr, 'Refusée par le serveur : Le SHA-256 annoncé ne correspond pas.');
  assert.equal(row.attempts.fr, '1 essai');
  assert.equal(row.author, 'Auteur inconnu');
  assert.equal(row.text.length, 80);
  assert.ok(row.text.endsWith('…'));
});

test('the summary counts waiting and refused captures', () => {
  assert.equal(queueSummary([]).fr, 'Aucune capture en attente.');
  const rows = queueRows([entry(), entry({ key: 'b' }), entry({ key: 'c', state: 'refused', nextAttemptAt: null })], NOW);
  assert.equal(queueSummary(rows).fr, '2 captures enregistrées localement, en attente d’envoi ; 1 refusée par le serveur.');
  assert.equal(queueSummary(rows.slice(0, 1)).fr, '1 capture enregistrée localement, en attente d’envoi.');
});

test('the list: one item per capture, « Supprimer » only on refused ones, confirmation in place, page text as text', () => {
  const { window } = new JSDOM('<!doctype html><ul id="q"></ul>');
  const list = window.document.getElementById('q');
  const entries = [
    entry(),
    entry({ key: 'refused-1', state: 'refused', nextAttemptAt: null,
      summary: { author: '<img src=x onerror=alert(1)>', text: 'texte', site: 'x.com', platform: 'x', automatic: true } }),
  ];
  renderQueue(list, queueRows(entries, NOW), null);
  const items = list.querySelectorAll('li');
  assert.equal(items.length, 2);
  assert.deepEqual([...items].map((li) => li.dataset.state), ['queued', 'refused']);
  assert.equal(items[0].querySelector('button'), null, 'a queued capture cannot be deleted');
  assert.match(items[0].textContent, /Lucie M\. — « je n'ai plus de tunes… je vais me suicider »/);
  assert.match(items[0].textContent, /x\.com · il y a 3 min · 2 essais · prochain essai dans 40 s/);
  assert.match(items[0].textContent, /Dernière erreur : Serveur Vigie injoignable\./);
  assert.equal(list.querySelector('img'), null);
  assert.match(items[1].textContent, /<img src=x onerror=alert\(1\)>/);
  assert.match(items[1].textContent, /capture automatique/);
  const remove = items[1].querySelector('button[data-action="delete"]');
  assert.equal(remove.dataset.key, 'refused-1');
  assert.equal(remove.getAttribute('type'), 'button');
  assert.match(remove.textContent, /^Supprimer/);

  renderQueue(list, queueRows(entries, NOW), 'refused-1');
  const confirm = list.querySelector('li[data-key="refused-1"]');
  assert.equal(confirm.querySelector('[data-action="delete"]'), null);
  assert.match(confirm.querySelector('[role="alert"]').textContent, /Supprimer définitivement/);
  assert.deepEqual([...confirm.querySelectorAll('button')].map((b) => b.dataset.action), ['confirm-delete', 'cancel-delete']);
});
