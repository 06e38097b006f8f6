// The outbox: kept in IndexedDB (fake-indexeddb, the same API as Chrome's) before any upload, retried, never lost.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { backoffMs, createOutbox } from '../src/lib/outbox.js';
import { json } from './helpers/server.mjs';

const T0 = Date.parse('2026-11-20T21:16:40Z');
const SETTINGS = async () => ({ serverUrl: 'http://vigie.test:8080', apiToken: 'tok-123' });

/** A server behind fetch: `answer(call)` returns a Response, or throws as fetch does when nothing listens. */
function server(answer) {
  const calls = [];
  const fetch = async (url, init) => {
    const call = { url, key: new Headers(init.headers).get('idempotency-key'), form: init.body };
    calls.push(call);
    return answer(call, calls.length);
  };
  return { fetch, calls };
}
const down = () => { throw new TypeError('fetch failed'); };
const stored = (call) => json(201, { id: `cap_${call.key.slice(0, 12)}` });

/** An outbox on `db` (one IDBFactory = one browser profile) with a clock the test moves. */
function outbox(db, net, options = {}) {
  const clock = { now: T0 };
  const sent = [];
  const states = [];
  const box = createOutbox({
    indexedDB: db,
    fetch: net.fetch,
    settings: SETTINGS,
    now: () => new Date(clock.now),
    random: () => 0.5,
    notify: (entry, capture) => sent.push({ tabId: entry.tabId, postRef: entry.postRef, id: capture.id }),
    onChange: (state) => { states.push(state); },
    ...options,
  });
  return { box, clock, sent, states };
}

const png = (n) => new Blob([new Uint8Array([0x89, 0x50, 0x4e, 0x47, n, n, n])], { type: 'image/png' });

/** The n-th capture a CM takes: distinct key, post and bytes. */
function capture(n, parts = {}) {
  return {
    key: `key-${String(n).padStart(4, '0')}-6f1c2b9e`,
    metadata: {
      pageUrl: 'https://x.com/home', platform: 'x', postId: `17900000000000000${n}`,
      author: { name: `Auteur ${n}` }, text: `Message numéro ${n} je vais me suicider`,
      classification: { risk: 'critical', labels: [] },
    },
    parts: { screenshot: png(n), ...parts },
    tabId: 7,
    postRef: { platform: 'x', postId: `17900000000000000${n}` },
  };
}

test('a capture the server stores is sent at once, with its key and every part, and nothing stays queued', async () => {
  const net = server(stored);
  const { box, states } = outbox(new IDBFactory(), net);
  const html = new Blob(['<article>je vais me suicider</article>'], { type: 'text/html' });
  const outcome = await box.submit(capture(1, { html }));
  assert.equal(outcome.status, 'sent');
  assert.equal(outcome.capture.id, 'cap_key-0001-6f1');
  const [call] = net.calls;
  assert.equal(call.url, 'http://vigie.test:8080/api/v1/captures');
  assert.equal(call.key, 'key-0001-6f1c2b9e');
  assert.deepEqual([...call.form.keys()], ['metadata', 'screenshot', 'html']);
  assert.equal(call.form.get('html').type, 'text/html;charset=utf-8');
  assert.equal(await call.form.get('html').text(), '<article>je vais me suicider</article>');
  assert.equal(JSON.parse(await call.form.get('metadata').text()).postId, '179000000000000001');
  await box.settled();
  assert.deepEqual(await box.list(), []);
  assert.deepEqual(states.at(-1), { count: 0, refused: 0, nextWakeAt: null });
});

test('the answer does not wait for the bookkeeping after a stored capture: deleting the copy and redrawing the icon come after', async () => {
  let redraw;
  const { box } = outbox(new IDBFactory(), server(stored), { onChange: () => new Promise((resolve) => { redraw = resolve; }) });
  const outcome = await box.submit(capture(1));
  assert.equal(outcome.status, 'sent', 'answered while the icon is still being redrawn');
  while (!redraw) await new Promise((resolve) => setTimeout(resolve, 1));
  redraw();
  await box.settled();
  assert.deepEqual(await box.list(), [], 'the local copy is deleted once the server has the capture');
});

test('server unreachable: the capture is kept as queued, with the reason and its next try', async () => {
  const { box, states } = outbox(new IDBFactory(), server(down));
  const outcome = await box.submit(capture(1));
  assert.equal(outcome.status, 'queued');
  assert.equal(outcome.error.code, 'unreachable');
  assert.match(outcome.error.message, /^Serveur Vigie injoignable/);
  const [entry] = await box.list();
  assert.equal(entry.state, 'queued');
  assert.equal(entry.attempts, 1);
  assert.equal(entry.lastError.code, 'unreachable');
  assert.equal(entry.nextAttemptAt, T0 + 3750, 'first retry after 5 s, jittered (random 0.5 → 3.75 s)');
  assert.deepEqual(entry.summary, {
    author: 'Auteur 1', text: 'Message numéro 1 je vais me suicider', site: 'x.com', platform: 'x', automatic: false,
  });
  assert.deepEqual(states.at(-1), { count: 1, refused: 0, nextWakeAt: T0 + 3750 });
});

test('5xx, 408 and 429 keep the capture queued; the server is asked again later', async () => {
  for (const status of [500, 503, 408, 429]) {
    const { box } = outbox(new IDBFactory(), server(() => json(status, { status, code: 'x', message: 'Indisponible.' })));
    const outcome = await box.submit(capture(1));
    assert.equal(outcome.status, 'queued', `HTTP ${status}`);
    assert.equal((await box.list())[0].state, 'queued', `HTTP ${status}`);
  }
});

test('a 400 is a refusal: kept as refused with the server\'s French message, not retried by the drain', async () => {
  const refusal = { status: 400, code: 'hash_mismatch', message: 'Le SHA-256 annoncé ne correspond pas aux octets reçus.', messageEn: 'Hash mismatch.' };
  const net = server(() => json(400, refusal));
  const { box, clock, states } = outbox(new IDBFactory(), net);
  const outcome = await box.submit(capture(1));
  assert.equal(outcome.status, 'refused');
  assert.equal(outcome.error.message, refusal.message);
  const [entry] = await box.list();
  assert.equal(entry.state, 'refused');
  assert.equal(entry.lastError.code, 'hash_mismatch');
  assert.equal(entry.lastError.message, refusal.message);
  assert.equal(entry.nextAttemptAt, null);
  assert.deepEqual(states.at(-1), { count: 1, refused: 1, nextWakeAt: null });
  clock.now += 3600_000;
  await box.drain();
  await box.drain({ force: true });
  assert.equal(net.calls.length, 1, 'a refusal is not retried by itself');
});

test('a refused capture is retried when the CM asks, and deleted only when refused', async () => {
  let answer = () => json(401, { status: 401, code: 'unauthorized', message: 'Jeton invalide.' });
  const net = server((call) => answer(call));
  const { box } = outbox(new IDBFactory(), net);
  await box.submit(capture(1));
  answer = down;
  await box.submit(capture(2));
  assert.deepEqual((await box.list()).map((e) => e.state), ['refused', 'queued']);
  assert.equal(await box.remove('key-0002-6f1c2b9e'), false, 'a queued capture is evidence on its way');
  answer = stored;
  assert.deepEqual(await box.retryAll(), { sent: 2 });
  assert.deepEqual(await box.list(), []);
  answer = () => json(422, { status: 422, code: 'invalid', message: 'Métadonnées invalides.' });
  await box.submit(capture(3));
  assert.equal(await box.remove('key-0003-6f1c2b9e'), true);
  assert.deepEqual(await box.list(), []);
});

test('every retry of a capture sends the same Idempotency-Key and the same bytes', async () => {
  const net = server((call, n) => (n < 4 ? down() : stored(call)));
  const { box, clock } = outbox(new IDBFactory(), net);
  await box.submit(capture(1));
  for (let i = 0; i < 3; i += 1) {
    clock.now += 11 * 60 * 1000;
    await box.drain();
  }
  assert.equal(net.calls.length, 4);
  assert.deepEqual(new Set(net.calls.map((c) => c.key)), new Set(['key-0001-6f1c2b9e']));
  const digests = await Promise.all(net.calls.map(async (c) =>
    createHash('sha256').update(Buffer.from(await c.form.get('screenshot').arrayBuffer())).digest('hex')));
  assert.equal(new Set(digests).size, 1);
  assert.deepEqual(await box.list(), []);
});

test('the drain sends in creation order, tells each tab, and does not wait for each entry\'s own time once one got through', async () => {
  let up = false;
  const net = server((call) => (up ? stored(call) : down()));
  const { box, clock, sent } = outbox(new IDBFactory(), net);
  for (let n = 1; n <= 5; n += 1) {
    await box.submit(capture(n));
    clock.now += 1000;
  }
  up = true;
  clock.now = T0 + 4000; // only the first two are due (3.75 s after their creation)
  const result = await box.drain();
  assert.deepEqual(result, { sent: 5 });
  assert.deepEqual(net.calls.slice(5).map((c) => c.key), [1, 2, 3, 4, 5].map((n) => `key-000${n}-6f1c2b9e`));
  assert.deepEqual(sent.map((s) => s.postRef.postId), [1, 2, 3, 4, 5].map((n) => `17900000000000000${n}`));
  assert.ok(sent.every((s) => s.tabId === 7 && s.id.startsWith('cap_')));
});

test('the drain stops at the first network failure and skips what is not due yet', async () => {
  const net = server(down);
  const { box, clock } = outbox(new IDBFactory(), net);
  for (let n = 1; n <= 3; n += 1) await box.submit(capture(n));
  assert.equal(net.calls.length, 3);
  await box.drain();
  assert.equal(net.calls.length, 3, 'nothing due yet: no request');
  clock.now += 60_000;
  await box.drain();
  assert.equal(net.calls.length, 4, 'one failed request, then it stops');
  assert.deepEqual((await box.list()).map((e) => e.attempts), [2, 1, 1]);
});

test('backoff: 5 s doubling up to 10 min, jittered between half and all of it', () => {
  const top = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => backoffMs(n, () => 0.999999));
  assert.deepEqual(top.map((ms) => Math.round(ms / 1000)), [5, 10, 20, 40, 80, 160, 320, 600, 600, 600]);
  for (let n = 1; n < 10; n += 1) assert.ok(top[n] >= top[n - 1]);
  assert.equal(backoffMs(1, () => 0), 2500);
  assert.equal(backoffMs(30, () => 0), 300000);
});

test('the wait between tries grows with each failure', async () => {
  const { box, clock } = outbox(new IDBFactory(), server(down));
  await box.submit(capture(1));
  const waits = [];
  for (let i = 0; i < 6; i += 1) {
    const [entry] = await box.list();
    waits.push(entry.nextAttemptAt - clock.now);
    clock.now = entry.nextAttemptAt;
    await box.drain();
  }
  assert.deepEqual(waits, [3750, 7500, 15000, 30000, 60000, 120000]);
});

test('a browser restart loses nothing: a new outbox on the same database sends what the old one kept', async () => {
  const db = new IDBFactory();
  const first = outbox(db, server(down));
  const bytes = [];
  for (let n = 1; n <= 3; n += 1) {
    const c = capture(n);
    bytes.push(Buffer.from(await c.parts.screenshot.arrayBuffer()));
    await first.box.submit(c);
  }
  const net = server(stored);
  const second = outbox(db, net);
  second.clock.now = T0 + 60_000;
  assert.equal((await second.box.list()).length, 3);
  assert.deepEqual(await second.box.drain(), { sent: 3 });
  assert.deepEqual(net.calls.map((c) => c.key), ['key-0001-6f1c2b9e', 'key-0002-6f1c2b9e', 'key-0003-6f1c2b9e']);
  for (const [i, call] of net.calls.entries()) {
    assert.deepEqual(Buffer.from(await call.form.get('screenshot').arrayBuffer()), bytes[i]);
    assert.equal(call.form.get('screenshot').type, 'image/png');
  }
  assert.deepEqual(await second.box.list(), []);
});

test('a full queue refuses a new capture with a clear error and drops nothing it holds', async () => {
  let up = false;
  const net = server((call) => (up ? stored(call) : down()));
  const { box } = outbox(new IDBFactory(), net, { cap: { maxEntries: 2, maxBytes: 1024 * 1024 } });
  await box.submit(capture(1));
  await box.submit(capture(2));
  await assert.rejects(box.submit(capture(3)), (error) => {
    assert.equal(error.code, 'queue_full');
    assert.match(error.messageFr, /^File d’attente pleine \(2 captures ou 1 Mo\)/);
    assert.match(error.messageFr, /n’a pas été gardée/);
    return true;
  });
  assert.deepEqual((await box.list()).map((e) => e.key), ['key-0001-6f1c2b9e', 'key-0002-6f1c2b9e']);
  up = true;
  const direct = await box.submit(capture(3));
  assert.equal(direct.status, 'sent', 'full, but the server answers: sent without being kept');
  assert.equal((await box.list()).length, 2);
});

test('the byte cap counts the parts', async () => {
  const { box } = outbox(new IDBFactory(), server(down), { cap: { maxEntries: 500, maxBytes: 2000 } });
  const big = new Blob([new Uint8Array(1500)], { type: 'multipart/related' });
  await box.submit(capture(1, { mhtml: big }));
  await assert.rejects(box.submit(capture(2, { mhtml: big })), { code: 'queue_full' });
  assert.equal((await box.list()).length, 1);
});

test('a drain started while a capture uploads for the first time does not send it a second time', async () => {
  let release;
  const net = server((call, n) => (n === 1 ? new Promise((resolve) => { release = () => resolve(stored(call)); }) : stored(call)));
  const { box } = outbox(new IDBFactory(), net);
  const submitted = box.submit(capture(1));
  while (!release) await new Promise((resolve) => setTimeout(resolve, 1));
  await box.drain({ force: true });
  release();
  assert.equal((await submitted).status, 'sent');
  assert.equal(net.calls.length, 1);
});

test('a failure to show the queue\'s state (icon, alarm) does not turn a kept capture into an error', async () => {
  const { box } = outbox(new IDBFactory(), server(down), { onChange: () => { throw new Error('action API unavailable'); } });
  const warn = console.warn;
  console.warn = () => {};
  try {
    assert.equal((await box.submit(capture(1))).status, 'queued');
  } finally {
    console.warn = warn;
  }
  assert.equal((await box.list()).length, 1);
});
