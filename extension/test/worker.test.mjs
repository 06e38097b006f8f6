import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { VigieError, errorFromNetwork, errorFromResponse, toWireError } from '../src/lib/errors.js';
import {
  handleCapture, handleClassify, handleSettingsTest, isOwnContentScript, isOwnExtensionPage,
} from '../src/lib/handlers.js';
import { buildClassifyRequest, completeMetadata } from '../src/lib/metadata.js';
import { createOutbox } from '../src/lib/outbox.js';
import { normalizeServerUrl } from '../src/lib/settings.js';
import { TAXONOMY } from './helpers/page.mjs';
import { dataUrlOf, fakeRaster, makeImage } from './helpers/raster.mjs';
import { fakeServer, json } from './helpers/server.mjs';

const validator = createValidator();
const RUNTIME_ID = 'edidkidbaobbdpdngaioniofhpehpfnc';
const TAB_SENDER = { id: RUNTIME_ID, url: 'https://x.com/home', tab: { id: 7, windowId: 3 } };
// A 1280 × 800 viewport at device pixel ratio 2, grey.
const SHOT = dataUrlOf(makeImage(2560, 1600, () => [128, 128, 128, 255]));



function deps(server, overrides = {}) {
  const settings = async () => ({ serverUrl: 'http://vigie.test:8080/', apiToken: 'tok-123' });
  return {
    fetch: server.fetch,
    settings,
    outbox: createOutbox({ indexedDB: new IDBFactory(), fetch: server.fetch, settings, now: () => new Date(), random: () => 0.5 }),
    taxonomy: async () => TAXONOMY,
    captureVisibleTab: async () => SHOT,
    isTabActive: async () => true,
    askTab: async () => { throw new Error('no scroll expected'); },
    raster: fakeRaster(),
    saveAsMhtml: async () => new Blob(['MIME-Version: 1.0\r\n'], { type: 'multipart/related' }),
    uaHints: async () => ({ fullVersionList: [{ brand: 'Chromium', version: '156.0.7000.1' }], platform: 'Linux', platformVersion: '', architecture: 'x86' }),
    proxySettings: async () => ({ value: { mode: 'system' }, levelOfControl: 'controllable_by_this_extension' }),
    now: () => new Date('2026-11-20T21:16:40.512Z'),
    sleep: async () => {},
    warn: () => {},
    randomUUID: () => '6f1c2b9e-3a4d-4e5f-8a7b-1c2d3e4f5a6b',
    env: { userAgent: 'Mozilla/5.0 Chrome/156', extensionVersion: '0.1.0', timeZone: 'Europe/Paris', languages: ['fr-FR', 'fr'] },
    ...overrides,
  };
}

const PARTIAL = {
  pageUrl: 'https://x.com/home',
  pageTitle: 'Home / X',
  permalink: 'https://x.com/lucie_m/status/1790000000000000001',
  platform: 'x',
  postId: '1790000000000000001',
  author: { name: 'Lucie M.', handle: '@lucie_m', profileUrl: 'https://x.com/lucie_m' },
  publishedAt: '2026-11-20T21:14:03.000Z',
  text: 'je n\'ai plus de tunes… je vais me suicider',
  classification: {
    id: '1790000000000000001',
    risk: 'critical',
    labels: [{ label: 'distress', risk: 'critical', score: 0.92, evidence: [{ start: 26, end: 45, text: 'je vais me suicider', explanation: 'intention suicidaire' }] }],
  },
  injected: 'dropped by the worker',
};

test('classify request: valid against the schema, unusable language hints dropped, size limits enforced', () => {
  const request = buildClassifyRequest([
    { id: '1', text: 'je vais me suicider', lang: 'fr', platform: 'x' },
    { id: '2', text: '👍', lang: 'qme', platform: 'x' },
    { id: '3', text: '', lang: null, platform: 'mastodon' },
  ]);
  assert.deepEqual(validator.validate('classify-request', request), []);
  assert.deepEqual(request.items[1], { id: '2', text: '👍', platform: 'x' });
  assert.deepEqual(request.items[2], { id: '3', text: '' });
  assert.throws(() => buildClassifyRequest([]), TypeError);
  assert.throws(() => buildClassifyRequest(Array.from({ length: 101 }, (_, i) => ({ id: `${i}`, text: 'x' }))), TypeError);
  assert.throws(() => buildClassifyRequest([{ id: '', text: 'x' }]), TypeError);
});

test('capture metadata: completed from an extraction it validates, with a UTC time and no unknown field', () => {
  const metadata = completeMetadata(PARTIAL, {
    capturedAt: new Date('2026-11-20T21:16:40.512Z'),
    screenshotSha256: 'f'.repeat(64),
    postRect: { x: 0, y: 120.5, width: 598, height: 212 },
    viewport: { width: 1280, height: 800, devicePixelRatio: 2 },
    timeZone: 'Europe/Paris',
    userAgent: 'Mozilla/5.0',
    extensionVersion: '0.1.0',
    pageUrl: 'https://x.com/home?lang=fr',
  });
  assert.deepEqual(validator.validate('capture-metadata', metadata), []);
  assert.equal(metadata.capturedAt, '2026-11-20T21:16:40.512Z');
  assert.equal(metadata.pageUrl, 'https://x.com/home?lang=fr');
  assert.equal('injected' in metadata, false);
});

test('errors: each failure maps to a stable code and a French message', () => {
  assert.equal(errorFromNetwork().toWire().code, 'unreachable');
  assert.match(errorFromNetwork().toWire().message, /Serveur Vigie injoignable/);
  const unauthorized = errorFromResponse(401, { status: 401, code: 'unauthorized', message: 'Jeton invalide.' }).toWire();
  assert.equal(unauthorized.code, 'unauthorized');
  assert.match(unauthorized.message, /^Jeton refusé/);
  assert.equal(errorFromResponse(403, null).toWire().code, 'unauthorized');
  assert.equal(errorFromResponse(503, null).toWire().code, 'server_error');
  assert.match(errorFromResponse(500, null).toWire().message, /Erreur du serveur Vigie \(HTTP 500\)/);
  const invalid = errorFromResponse(400, { status: 400, code: 'invalid_json', message: 'Corps JSON illisible.', messageEn: 'Unreadable JSON body.' }).toWire();
  assert.deepEqual(invalid, { code: 'invalid_json', message: 'Corps JSON illisible.', messageEn: 'Unreadable JSON body.', status: 400 });
  assert.equal(errorFromResponse(429, null).toWire().code, 'rate_limited');
  const internal = toWireError(new Error('secret stack detail'));
  assert.equal(internal.code, 'internal_error');
  assert.doesNotMatch(JSON.stringify(internal), /secret/);
  assert.ok(new VigieError('x', 'fr', 'en') instanceof Error);
});

test('sender checks: classify and capture from own content scripts in a tab, settings from own pages', () => {
  const base = `chrome-extension://${RUNTIME_ID}/`;
  assert.equal(isOwnContentScript(TAB_SENDER, RUNTIME_ID, base), true);
  assert.equal(isOwnContentScript({ id: RUNTIME_ID, url: `${base}options.html` }, RUNTIME_ID, base), false);
  // The options page opened in a tab has a tab too: it is still not a content script.
  assert.equal(isOwnContentScript({ ...TAB_SENDER, url: `${base}options.html` }, RUNTIME_ID, base), false);
  assert.equal(isOwnContentScript({ ...TAB_SENDER, id: 'otherextensionid' }, RUNTIME_ID, base), false);
  assert.equal(isOwnExtensionPage({ id: RUNTIME_ID, url: `${base}options.html` }, RUNTIME_ID, base), true);
  assert.equal(isOwnExtensionPage(TAB_SENDER, RUNTIME_ID, base), false);
});

test('classify: posts the batch with the token and returns results with French label names', async () => {
  const server = fakeServer({
    'POST /api/v1/classify': (init) => json(200, { results: JSON.parse(init.body).items.map((i) => ({ id: i.id, risk: 'none', labels: [] })) }),
  });
  const reply = await handleClassify({ items: [{ id: '1', text: 'Merci !', lang: 'fr', platform: 'x' }] }, deps(server));
  assert.equal(reply.ok, true);
  assert.deepEqual(reply.results, [{ id: '1', risk: 'none', labels: [] }]);
  assert.equal(reply.labels.distress.fr, 'Détresse');
  assert.equal(server.calls[0].url, 'http://vigie.test:8080/api/v1/classify');
  assert.equal(server.calls[0].headers.get('authorization'), 'Bearer tok-123');
  assert.equal(server.calls[0].headers.get('content-type'), 'application/json');
});

test('classify: unreachable, unauthorized and unconfigured are told apart', async () => {
  const items = [{ id: '1', text: 'x' }];
  const down = await handleClassify({ items }, deps(fakeServer({})));
  assert.equal(down.error.code, 'unreachable');
  const refused = await handleClassify({ items }, deps(fakeServer({ 'POST /api/v1/classify': () => json(401, { status: 401, code: 'unauthorized', message: 'Jeton invalide.' }) })));
  assert.equal(refused.error.code, 'unauthorized');
  const noToken = await handleClassify({ items }, deps(fakeServer({}), { settings: async () => ({ serverUrl: 'http://localhost:8080', apiToken: '' }) }));
  assert.equal(noToken.error.code, 'not_configured');
  assert.match(noToken.error.message, /options/);
  const bad = await handleClassify({ items: [] }, deps(fakeServer({})));
  assert.equal(bad.error.code, 'bad_message');
});

test('capture: multipart with valid metadata, every part and an idempotency key; each digest matches its bytes', async () => {
  const server = fakeServer({ 'POST /api/v1/captures': () => json(201, { id: 'cap_0123456789' }) });
  const rect = { x: 0, y: 120.5, width: 598, height: 212 };
  const message = { metadata: PARTIAL, rect, devicePixelRatio: 2, html: '<article>je vais me suicider</article>', page: { navigationPath: [], referrer: null } };
  const reply = await handleCapture(message, TAB_SENDER, deps(server));
  assert.deepEqual(reply, { ok: true, status: 'sent', capture: { id: 'cap_0123456789' } });
  const [call] = server.calls;
  assert.equal(call.headers.get('idempotency-key'), '6f1c2b9e-3a4d-4e5f-8a7b-1c2d3e4f5a6b');
  assert.equal(call.headers.get('authorization'), 'Bearer tok-123');
  assert.equal(call.headers.get('content-type'), null, 'fetch sets the multipart boundary itself');
  const form = call.body;
  assert.deepEqual([...form.keys()], ['metadata', 'screenshot', 'viewport', 'html', 'mhtml']);
  const metadataPart = form.get('metadata');
  assert.equal(metadataPart.type, 'application/json');
  const metadata = JSON.parse(await metadataPart.text());
  assert.deepEqual(validator.validate('capture-metadata', metadata), []);
  const files = { screenshot: ['screenshot.png', 'image/png', 'screenshotSha256'], viewport: ['viewport.png', 'image/png', 'viewportSha256'],
    html: ['post.html', 'text/html;charset=utf-8', 'htmlSha256'], mhtml: ['page.mhtml', 'multipart/related', 'mhtmlSha256'] };
  for (const [name, [file, type, key]] of Object.entries(files)) {
    const part = form.get(name);
    assert.equal(part.name, file);
    assert.equal(part.type, type);
    assert.equal(metadata[key], createHash('sha256').update(Buffer.from(await part.arrayBuffer())).digest('hex'), name);
  }
  assert.deepEqual(metadata.viewport, { width: 1280, height: 800, devicePixelRatio: 2 });
  assert.deepEqual(metadata.postRect, rect);
  assert.equal(metadata.screenshotSlices, 1);
  assert.equal(metadata.capturedAt, '2026-11-20T21:16:40.512Z');
  assert.equal(metadata.extensionVersion, '0.1.0');
  assert.equal(metadata.timeZone, 'Europe/Paris');
  assert.equal('injected' in metadata, false);
});

test('capture: refuses a tab no longer in front, a broken request, and reports the browser refusing', async () => {
  const server = fakeServer({ 'POST /api/v1/captures': () => json(201, { id: 'cap_0123456789' }) });
  const message = { metadata: PARTIAL, rect: { x: 0, y: 0, width: 10, height: 10 }, devicePixelRatio: 1 };
  const hidden = await handleCapture(message, TAB_SENDER, deps(server, { isTabActive: async () => false }));
  assert.equal(hidden.error.code, 'tab_inactive');
  const broken = await handleCapture({ metadata: PARTIAL, rect: { x: 0 } }, TAB_SENDER, deps(server));
  assert.equal(broken.error.code, 'bad_message');
  const denied = await handleCapture(message, TAB_SENDER, deps(server, { captureVisibleTab: async () => { throw new Error('denied'); } }));
  assert.equal(denied.error.code, 'capture_failed');
  const noToken = await handleCapture(message, TAB_SENDER, deps(server, { settings: async () => ({ serverUrl: 'http://vigie.test', apiToken: '' }) }));
  assert.equal(noToken.error.code, 'not_configured');
  assert.equal(server.calls.length, 0);
});

test('settings test: ok with version and login', async () => {
  const server = fakeServer({
    'GET /api/v1/health': () => json(200, { status: 'ok', version: '0.1.0', database: 'ok' }),
    'GET /api/v1/me': () => json(200, { login: 'admin', role: 'admin' }),
  });
  const result = await handleSettingsTest(deps(server));
  assert.equal(result.state, 'ok');
  assert.equal(result.message, 'Connecté à Vigie 0.1.0 en tant que admin.');
  assert.equal(server.calls[0].headers.get('authorization'), null, 'health needs no token');
  assert.equal(server.calls[1].headers.get('authorization'), 'Bearer tok-123');
});

test('settings test: token refused, and server unreachable', async () => {
  const refused = await handleSettingsTest(deps(fakeServer({
    'GET /api/v1/health': () => json(200, { status: 'ok', version: '0.1.0', database: 'ok' }),
    'GET /api/v1/me': () => json(401, { status: 401, code: 'unauthorized', message: 'Jeton invalide.' }),
  })));
  assert.equal(refused.state, 'unauthorized');
  assert.match(refused.message, /^Jeton refusé/);
  const down = await handleSettingsTest(deps(fakeServer({})));
  assert.equal(down.state, 'unreachable');
  assert.match(down.message, /^Serveur Vigie injoignable/);
});

test('server address: http and https only, trailing slash removed', () => {
  assert.deepEqual(normalizeServerUrl(' https://vigie.example.fr/ '), { ok: true, url: 'https://vigie.example.fr' });
  assert.deepEqual(normalizeServerUrl('http://localhost:8080'), { ok: true, url: 'http://localhost:8080' });
  for (const bad of ['', 'localhost:8080', 'javascript:alert(1)', 'ftp://vigie.example.fr', 'vigie', 'https://u:p@vigie.example.fr']) {
    const result = normalizeServerUrl(bad);
    assert.equal(result.ok, false, bad);
    assert.match(result.message, /adresse|Adresse/i);
  }
});
