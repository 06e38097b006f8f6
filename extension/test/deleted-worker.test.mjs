// The worker's half of the deleted-post check (lib/deleted.js): what it asks the server, what it posts, checked
// against the shared schemas, and what it refuses to send at all.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { handleCapturedPostDeleted, handleCapturesOnPage, pageAddress } from '../src/lib/deleted.js';
import { deletedLine } from '../src/lib/popup-view.js';
import { ROOT } from './helpers/page.mjs';
import { fakeServer, json } from './helpers/server.mjs';

const validator = createValidator();
const SENDER = { id: 'edidkidbaobbdpdngaioniofhpehpfnc', url: 'https://x.com/lea_m/status/1859012345678901234', tab: { id: 7, windowId: 3 } };
const ON_PAGE = JSON.parse(readFileSync(join(ROOT, '..', 'shared-schemas', 'examples', 'valid', 'captures-on-page.two-posts.json'), 'utf8'));



function deps(server) {
  return {
    fetch: server.fetch,
    settings: async () => ({ serverUrl: 'http://vigie.test:8080/', apiToken: 'tok-123' }),
    now: () => new Date('2026-11-21T09:30:00.000Z'),
  };
}

test('captures-on-page: asks for the page without its query and fragment, and passes the schema\'s items on', async () => {
  const server = fakeServer({ 'GET /api/v1/captures/on-page': () => json(200, ON_PAGE) });
  const result = await handleCapturesOnPage({ url: `${SENDER.url}?s=20&q=secret#top` }, SENDER, deps(server));

  assert.equal(server.calls.length, 1);
  const asked = new URL(server.calls[0].url);
  assert.equal(asked.searchParams.get('url'), SENDER.url);
  assert.equal(server.calls[0].headers.get('Authorization'), 'Bearer tok-123');
  assert.deepEqual(result, { ok: true, items: ON_PAGE.items });
});

test('captures-on-page: items that do not follow the schema are dropped, not trusted', async () => {
  const [good] = ON_PAGE.items;
  const bad = [
    { ...good, captureId: '../../admin' },
    { ...good, postId: '' },
    { ...good, permalink: 42 },
    { ...good, deletedSeenAt: 'hier' },
    null,
    'text',
  ];
  const server = fakeServer({ 'GET /api/v1/captures/on-page': () => json(200, { items: [good, ...bad] }) });
  const result = await handleCapturesOnPage({ url: SENDER.url }, SENDER, deps(server));
  assert.deepEqual(result, { ok: true, items: [good] });

  const broken = fakeServer({ 'GET /api/v1/captures/on-page': () => json(200, { captures: [] }) });
  const unreadable = await handleCapturesOnPage({ url: SENDER.url }, SENDER, deps(broken));
  assert.equal(unreadable.ok, false);
  assert.equal(unreadable.error.code, 'bad_response');
});

test('captured-post-deleted: posts a deleted-sighting the schema accepts, with the worker\'s UTC clock', async () => {
  const server = fakeServer({ 'POST /api/v1/captures/01JD2X8A0B1C/deleted': () => new Response(null, { status: 204 }) });
  const result = await handleCapturedPostDeleted(
    { captureId: '01JD2X8A0B1C', how: 'unavailable_page', pageUrl: `${SENDER.url}#top` }, SENDER, deps(server));

  assert.deepEqual(result, { ok: true, seenAt: '2026-11-21T09:30:00.000Z' });
  assert.equal(server.calls.length, 1);
  assert.equal(server.calls[0].headers.get('Content-Type'), 'application/json');
  const body = JSON.parse(server.calls[0].body);
  assert.deepEqual(validator.validate('deleted-sighting', body), []);
  assert.deepEqual(body, { seenAt: '2026-11-21T09:30:00.000Z', how: 'unavailable_page', pageUrl: SENDER.url });
});

test('a malformed sighting or an address of another site is refused before anything is sent', async () => {
  const server = fakeServer({});
  const cases = [
    { captureId: '../../admin', how: 'unavailable_page', pageUrl: SENDER.url },
    { captureId: '01JD2X8A0B1C', how: 'deleted', pageUrl: SENDER.url },
    { captureId: '01JD2X8A0B1C', how: 'unavailable_page', pageUrl: 'https://evil.example/x' },
    { captureId: '01JD2X8A0B1C', how: 'unavailable_page', pageUrl: 'javascript:alert(1)' },
    { captureId: '01JD2X8A0B1C', how: 'unavailable_page', pageUrl: `${SENDER.url}?${'a'.repeat(5000)}` },
    { captureId: 42, how: 'unavailable_page', pageUrl: SENDER.url },
  ];
  for (const message of cases) {
    const result = await handleCapturedPostDeleted(message, SENDER, deps(server));
    assert.equal(result.ok, false, JSON.stringify(message).slice(0, 80));
    assert.equal(result.error.code, 'bad_message');
    assert.match(result.error.message, /^Signalement de suppression invalide/);
  }
  const onPage = await handleCapturesOnPage({ url: 'https://evil.example/' }, SENDER, deps(server));
  assert.equal(onPage.error.code, 'bad_message');
  assert.equal(server.calls.length, 0);
});

test('the server\'s refusal and its absence reach the page as French errors', async () => {
  const unknown = fakeServer({
    'POST /api/v1/captures/01JD2X8A0B1C/deleted': () => json(404, {
      status: 404, code: 'not_found', message: 'Capture inconnue : 01JD2X8A0B1C.', messageEn: 'Unknown capture: 01JD2X8A0B1C.',
    }),
  });
  const refused = await handleCapturedPostDeleted({ captureId: '01JD2X8A0B1C', how: 'missing_from_thread', pageUrl: SENDER.url },
    SENDER, deps(unknown));
  assert.deepEqual(refused, { ok: false, error: { code: 'not_found', message: 'Capture inconnue : 01JD2X8A0B1C.',
    messageEn: 'Unknown capture: 01JD2X8A0B1C.', status: 404 } });

  const down = await handleCapturesOnPage({ url: SENDER.url }, SENDER, deps(fakeServer({})));
  assert.equal(down.error.code, 'unreachable');
});

test('a content script speaks only for an http(s) page of its own origin', () => {
  assert.equal(pageAddress('https://x.com/a/status/1#reply', SENDER.url)?.href, 'https://x.com/a/status/1');
  assert.equal(pageAddress('https://twitter.com/a/status/1', SENDER.url), null);
  assert.equal(pageAddress('not a url', SENDER.url), null);
  assert.equal(pageAddress(SENDER.url, undefined), null);
  assert.equal(pageAddress('file:///etc/passwd', 'file:///etc/passwd'), null);
});

test('popup line: one deleted capture with its time, several with the latest, none without a line', () => {
  const one = deletedLine([{ seenAt: '2026-11-21T09:30:00.000Z' }], 'Europe/Paris');
  assert.deepEqual(one, {
    fr: 'Publication capturée supprimée — vue le 21/11/2026 10:30',
    en: 'Captured post deleted — seen 21/11/2026, 10:30',
  });
  const two = deletedLine([{ seenAt: '2026-11-21T09:30:00.000Z' }, { seenAt: '2026-11-22T17:05:00Z' }], 'Europe/Paris');
  assert.equal(two.fr, '2 publications capturées supprimées — dernière vue le 22/11/2026 18:05');
  assert.equal(deletedLine([], 'Europe/Paris'), null);
  assert.equal(deletedLine([{ seenAt: 'hier' }], 'Europe/Paris'), null);
});
