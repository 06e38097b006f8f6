// The worker's side of the response panel: suggest and intervention messages, their bodies, errors and sender checks.
import 'fake-indexeddb/auto';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createValidator, EXAMPLES_DIR } from '../../shared-schemas/js/validator.mjs';
import { buildIntervention, buildSuggestRequest, handleIntervention, handleSuggest } from '../src/lib/responses.js';
import { RUNTIME_ID } from './helpers/page.mjs';
import { fakeServer, json } from './helpers/server.mjs';

const validator = createValidator();
const example = (name) => JSON.parse(readFileSync(join(EXAMPLES_DIR, 'valid', `${name}.json`), 'utf8'));
const SUGGESTION = example('response-suggestion.distress-fr');

/** What the content script sends for the distress post of the X fixture. */
const MESSAGE = {
  type: 'suggest',
  post: {
    platform: 'x',
    postId: '1790000000000000001',
    text: 'je n\'ai plus de tunes… je vais me suicider',
    lang: 'fr',
    permalink: 'https://x.com/lucie_m/status/1790000000000000001',
    author: { name: 'Lucie M.', handle: '@lucie_m', profileUrl: 'https://x.com/lucie_m' },
  },
  classification: {
    id: '1790000000000000001',
    risk: 'critical',
    language: 'fr',
    labels: [{ label: 'distress', risk: 'critical', score: 0.93, evidence: [{ start: 27, end: 42, text: 'je vais me suicider', explanation: 'intention suicidaire' }] }],
    neutralized: [],
  },
  captureId: '01JD2X8A0B1C',
};

const deps = (server, settings = { serverUrl: 'http://vigie.test:8080', apiToken: 'tok-123' }) => ({
  fetch: server.fetch, settings: async () => settings,
});

test('suggest posts a valid response-suggest-request with the bearer token and hands back the suggestion', async () => {
  const server = fakeServer({ 'POST /api/v1/responses/suggest': () => json(200, SUGGESTION) });
  const answer = await handleSuggest(MESSAGE, deps(server));
  assert.equal(answer.ok, true);
  assert.deepEqual(answer.suggestion, SUGGESTION);
  assert.equal(server.calls.length, 1);
  const [call] = server.calls;
  assert.equal(call.headers.get('Authorization'), 'Bearer tok-123');
  assert.equal(call.headers.get('Content-Type'), 'application/json');
  assert.deepEqual(validator.validate('response-suggest-request', call.json()), []);
  assert.equal(call.json().captureId, '01JD2X8A0B1C');
  assert.equal(call.json().post.author.profileUrl, undefined, 'fields the schema does not allow are dropped');
});

test('a post without a usable language hint, permalink or capture still makes a valid request', () => {
  const body = buildSuggestRequest({
    ...MESSAGE,
    post: { ...MESSAGE.post, lang: 'qme', permalink: undefined, author: { name: 'Anonyme' } },
    captureId: undefined,
  });
  assert.deepEqual(validator.validate('response-suggest-request', body), []);
  assert.equal('lang' in body.post, false);
  assert.equal(body.post.permalink, null);
  assert.equal(body.post.author.handle, null);
  assert.equal('captureId' in body, false);
});

test('an incomplete suggest message is refused before anything is sent', async () => {
  const server = fakeServer({});
  for (const message of [{ type: 'suggest' }, { ...MESSAGE, post: { ...MESSAGE.post, text: 42 } }, { ...MESSAGE, classification: null }]) {
    const answer = await handleSuggest(message, deps(server));
    assert.equal(answer.ok, false);
    assert.equal(answer.error.code, 'bad_message');
    assert.match(answer.error.message, /Demande de réponse incomplète/);
  }
  assert.equal(server.calls.length, 0);
});

test('the server\'s French reason for a 400 reaches the panel; a 5xx and a dead server are said as such', async () => {
  const refused = fakeServer({
    'POST /api/v1/responses/suggest': () => json(400, { code: 'invalid_body', message: 'post.platform : valeur inconnue.', messageEn: 'post.platform: unknown value.' }),
  });
  const bad = await handleSuggest(MESSAGE, deps(refused));
  assert.deepEqual(bad.error, { code: 'invalid_body', message: 'post.platform : valeur inconnue.', messageEn: 'post.platform: unknown value.', status: 400 });
  const broken = await handleSuggest(MESSAGE, deps(fakeServer({ 'POST /api/v1/responses/suggest': () => json(503, {}) })));
  assert.equal(broken.error.code, 'server_error');
  const down = await handleSuggest(MESSAGE, deps(fakeServer({})));
  assert.equal(down.error.code, 'unreachable');
  const unconfigured = await handleSuggest(MESSAGE, deps(fakeServer({}), { serverUrl: 'http://vigie.test', apiToken: '' }));
  assert.equal(unconfigured.error.code, 'not_configured');
});

test('intervention posts a valid intervention-input and returns what the server stored', async () => {
  const stored = example('intervention.opened');
  const server = fakeServer({ 'POST /api/v1/interventions': () => json(201, stored) });
  const answer = await handleIntervention({
    type: 'intervention', captureId: '01JD2X8A0B1C', platform: 'x', postId: '1859012345678901234', action: 'opened',
    templateId: '01JD2Y0000AA', templateVersion: 1, finalText: 'Léa, nous sommes là.',
  }, deps(server));
  assert.deepEqual(answer, { ok: true, intervention: stored });
  assert.deepEqual(validator.validate('intervention-input', server.calls[0].json()), []);
  assert.equal(server.calls[0].json().type, undefined, 'the message type is not part of the body');
});

test('an intervention without a template, or with half of one, sends both as null', () => {
  for (const half of [{}, { templateId: '01JD2Y0000AA' }, { templateVersion: 2 }]) {
    const body = buildIntervention({ platform: 'phpbb', postId: '51252', action: 'copied', finalText: 'Bonjour', ...half });
    assert.equal(body.templateId, null);
    assert.equal(body.templateVersion, null);
    assert.equal(body.captureId, null);
    assert.deepEqual(validator.validate('intervention-input', body), []);
  }
});

test('an intervention with an unknown action or no text is refused before anything is sent', async () => {
  const server = fakeServer({});
  for (const message of [
    { platform: 'x', postId: '1', action: 'posted', finalText: 'x' },
    { platform: 'x', postId: '1', action: 'copied' },
    { platform: 'x', action: 'copied', finalText: 'x' },
  ]) {
    const answer = await handleIntervention(message, deps(server));
    assert.equal(answer.error.code, 'bad_message');
  }
  assert.equal(server.calls.length, 0);
});

test('worker.js routes suggest and intervention only for its own content scripts', async () => {
  const server = fakeServer({
    'POST /api/v1/responses/suggest': () => json(200, SUGGESTION),
    'POST /api/v1/interventions': () => json(201, example('intervention.opened')),
  });
  let listener;
  const base = `chrome-extension://${RUNTIME_ID}/`;
  globalThis.chrome = {
    runtime: { id: RUNTIME_ID, getURL: (path = '') => `${base}${path}`, getManifest: () => ({ version: '0.1.0' }), onMessage: { addListener: (l) => { listener = l; } } },
    storage: { local: { get: async () => ({ serverUrl: 'http://vigie.test:8080', apiToken: 'tok-123' }) } },
    tabs: {},
    alarms: { onAlarm: { addListener: () => {} }, create: async () => {}, clear: async () => {} },
    action: { setBadgeText: async () => {}, setBadgeBackgroundColor: async () => {}, setTitle: async () => {} },
  };
  globalThis.chrome.runtime.onStartup = { addListener: () => {} };
  globalThis.fetch = server.fetch;
  Object.defineProperty(globalThis, 'navigator', { value: { userAgent: 'node' }, configurable: true });
  await import('../src/worker.js');
  const ask = (message, sender) => new Promise((resolve) => {
    const async = listener(message, sender, resolve);
    if (!async) resolve(undefined);
  });
  const page = { id: RUNTIME_ID, url: 'https://x.com/home', tab: { id: 4, windowId: 1 } };
  const options = { id: RUNTIME_ID, url: `${base}options.html`, tab: { id: 5, windowId: 1 } };
  const stranger = { id: 'another-extension-id', url: 'https://x.com/home', tab: { id: 4, windowId: 1 } };

  assert.equal((await ask(MESSAGE, page)).ok, true);
  const intervention = { type: 'intervention', platform: 'x', postId: '1', action: 'copied', finalText: 'Bonjour' };
  assert.equal((await ask(intervention, page)).ok, true);
  for (const sender of [options, stranger]) {
    for (const message of [MESSAGE, intervention]) {
      const answer = await ask(message, sender);
      assert.equal(answer.ok, false);
      assert.equal(answer.error.code, 'forbidden');
    }
  }
  assert.deepEqual(server.calls.map((c) => c.key), ['POST /api/v1/responses/suggest', 'POST /api/v1/interventions']);
});
