// The canary's way to the server (worker side), the per-site key and the popup's words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { handleHealth } from '../src/lib/handlers.js';
import { buildHealthReport, pageWithoutQuery } from '../src/lib/health.js';
import { ENGINES, RISK_ROWS, engineLabel, postsLine, problemText } from '../src/lib/popup-view.js';
import { isSiteEnabled, setSiteEnabled, siteKey } from '../src/lib/sites.js';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { SRC } from './helpers/page.mjs';

const validator = createValidator();
const SENDER = { id: 'edidkidbaobbdpdngaioniofhpehpfnc', url: 'https://forum.example/t/42?sid=abc#p3', tab: { id: 7, windowId: 3 } };
const MESSAGE = {
  type: 'health', adapter: 'old-reddit', platform: 'reddit', problem: 'empty_author', pageUrl: 'https://evil.example/',
  postsFound: 12, affected: 3, injected: 'dropped',
};

function server(status = 204) {
  const calls = [];
  const fetch = async (url, init = {}) => {
    calls.push({ url, method: init.method, headers: new Headers(init.headers), body: init.body });
    return new Response(status === 204 ? null : JSON.stringify({ status, code: 'x', message: 'Refusé.' }), { status });
  };
  return { fetch, calls };
}

const deps = (fake, apiToken = 'tok-123') => ({
  fetch: fake.fetch,
  settings: async () => ({ serverUrl: 'http://vigie.test:8080', apiToken }),
  env: { extensionVersion: '0.1.0', userAgent: 'ua', timeZone: 'Europe/Paris' },
});

test('health: posts a valid adapter-health body with the bearer token; 204 is success', async () => {
  const fake = server();
  const reply = await handleHealth(MESSAGE, SENDER, deps(fake));
  assert.deepEqual(reply, { ok: true });
  const [call] = fake.calls;
  assert.equal(call.url, 'http://vigie.test:8080/api/v1/adapter-health');
  assert.equal(call.method, 'POST');
  assert.equal(call.headers.get('authorization'), 'Bearer tok-123');
  assert.equal(call.headers.get('content-type'), 'application/json');
  const body = JSON.parse(call.body);
  assert.deepEqual(validator.validate('adapter-health', body), []);
  assert.deepEqual(body, {
    adapter: 'old-reddit', platform: 'reddit', problem: 'empty_author', pageUrl: 'https://forum.example/t/42',
    postsFound: 12, affected: 3, extensionVersion: '0.1.0',
  });
});

test('health: a malformed report is refused before any request; server errors come back as wire errors', async () => {
  for (const bad of [{ ...MESSAGE, adapter: 'Bad Name' }, { ...MESSAGE, platform: 'myspace' }, { ...MESSAGE, problem: 'slow' },
    { ...MESSAGE, postsFound: -1 }, { ...MESSAGE, postsFound: 1.5 }]) {
    const fake = server();
    const reply = await handleHealth(bad, { ...SENDER, url: undefined }, deps(fake));
    assert.equal(reply.error.code, 'bad_message', JSON.stringify(bad));
    assert.equal(fake.calls.length, 0);
  }
  assert.equal((await handleHealth(MESSAGE, SENDER, deps(server(401)))).error.code, 'unauthorized');
  assert.equal((await handleHealth(MESSAGE, SENDER, deps(server(), ''))).error.code, 'not_configured');
});

test('health body: page without query or fragment, detail cut to 500, always schema-valid', () => {
  assert.equal(pageWithoutQuery('https://x.com/home?lang=fr#top'), 'https://x.com/home');
  assert.equal(pageWithoutQuery('javascript:alert(1)'), null);
  assert.equal(pageWithoutQuery('chrome-extension://abc/popup.html'), null);
  const report = buildHealthReport({ ...MESSAGE, problem: 'no_posts', postsFound: 0, affected: undefined, detail: 'x'.repeat(900) },
    { extensionVersion: '0.1.0' });
  assert.equal(report.pageUrl, 'https://evil.example/');
  assert.equal(report.detail.length, 500);
  assert.equal('affected' in report, false);
  assert.deepEqual(validator.validate('adapter-health', report), []);
});

test('per-site switch: one key per hostname, on unless switched off', async () => {
  const store = {};
  const area = {
    get: async (key) => (key in store ? { [key]: store[key] } : {}),
    set: async (items) => Object.assign(store, items),
    remove: async (key) => { delete store[key]; },
  };
  assert.equal(siteKey('www.facebook.com'), 'site:www.facebook.com');
  assert.equal(await isSiteEnabled(area, 'x.com'), true);
  await setSiteEnabled(area, 'x.com', false);
  assert.deepEqual(store, { 'site:x.com': false });
  assert.equal(await isSiteEnabled(area, 'x.com'), false);
  assert.equal(await isSiteEnabled(area, 'twitter.com'), true);
  await setSiteEnabled(area, 'x.com', true);
  assert.deepEqual(store, {});
});

test('popup words: every adapter has a French engine name; risks, posts and problems are in French', () => {
  const adapters = readdirSync(join(SRC, 'content', 'adapters')).map((f) => f.replace(/\.js$/, ''));
  for (const name of adapters) assert.ok(name in ENGINES, `no French name for adapter ${name}`);
  assert.equal(engineLabel('old-reddit'), 'Reddit (ancienne interface)');
  assert.deepEqual(RISK_ROWS.map((r) => r.fr), ['Critique', 'Élevé', 'Moyen', 'Faible', 'Aucun']);
  assert.equal(postsLine(0).fr, 'Aucun message trouvé');
  assert.equal(postsLine(1).fr, '1 message trouvé');
  assert.equal(postsLine(7).fr, '7 messages trouvés');
  for (const problem of ['no_posts', 'empty_author', 'empty_text']) assert.match(problemText(problem).fr, /^Vigie /);
});
