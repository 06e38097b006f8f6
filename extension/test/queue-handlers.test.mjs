// Worker side of auto-capture (level, once per post) and the popup's queue messages, on a real outbox
// (fake-indexeddb) and a storage area that behaves like chrome.storage.local.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IDBFactory } from 'fake-indexeddb';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { AUTO_LEVELS, createCaptureMemory, reachesLevel, readAutoLevel } from '../src/lib/auto-capture.js';
import { createOutbox } from '../src/lib/outbox.js';
import {
  handleAutoCheck, handleCaptureOnce, handleQueueDelete, handleQueueList, handleQueueRetry,
} from '../src/lib/queue-handlers.js';
import { TAXONOMY } from './helpers/page.mjs';
import { dataUrlOf, fakeRaster, makeImage } from './helpers/raster.mjs';
import { json } from './helpers/server.mjs';

const validator = createValidator();
const SENDER = { id: 'edidkidbaobbdpdngaioniofhpehpfnc', url: 'https://x.com/home', tab: { id: 7, windowId: 3 } };

/** chrome.storage.local as far as these modules use it: values are copied in and out. */
function storageArea(initial = {}) {
  const data = structuredClone(initial);
  return {
    data,
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, structuredClone(data[k])])),
    set: async (items) => { Object.assign(data, structuredClone(items)); },
  };
}

function worker({ level, answer = (n) => json(201, { id: `cap_00000000${n}` }), tabActive = true } = {}) {
  const storage = storageArea(level ? { autoCaptureFrom: level } : {});
  const calls = [];
  const fetch = async (url, init) => {
    calls.push({ url, metadata: JSON.parse(await init.body.get('metadata').text()) });
    return answer(calls.length);
  };
  const settings = async () => ({ serverUrl: 'http://vigie.test:8080', apiToken: 'tok-123' });
  let uuid = 0;
  const deps = {
    fetch,
    settings,
    taxonomy: async () => TAXONOMY,
    captureVisibleTab: async () => dataUrlOf(makeImage(1280, 800, () => [128, 128, 128, 255])),
    isTabActive: async () => tabActive,
    askTab: async () => { throw new Error('no scroll expected'); },
    raster: fakeRaster(),
    saveAsMhtml: async () => new Blob(['MIME-Version: 1.0\r\n'], { type: 'multipart/related' }),
    uaHints: async () => null,
    proxySettings: async () => ({ value: { mode: 'system' } }),
    now: () => new Date('2026-11-20T21:16:40.512Z'),
    sleep: async () => {},
    warn: () => {},
    randomUUID: () => `6f1c2b9e-3a4d-4e5f-8a7b-00000000000${(uuid += 1)}`,
    env: { userAgent: 'Mozilla/5.0 Chrome/156', extensionVersion: '0.1.0', timeZone: 'Europe/Paris', languages: ['fr-FR'] },
    outbox: createOutbox({ indexedDB: new IDBFactory(), fetch, settings, now: () => new Date(), random: () => 0.5 }),
    memory: createCaptureMemory(storage),
    autoLevel: () => readAutoLevel(storage),
  };
  return { deps, calls, storage };
}

function message(postId, { risk = 'critical', automatic = false } = {}) {
  return {
    type: 'capture',
    rect: { x: 0, y: 120, width: 598, height: 212 },
    devicePixelRatio: 1,
    metadata: {
      pageUrl: 'https://x.com/home', platform: 'x', postId, permalink: null, publishedAt: null,
      author: { name: 'Lucie M.', handle: '@lucie_m', profileUrl: 'https://x.com/lucie_m' },
      text: 'je vais me suicider', classification: { id: postId, risk, labels: [] }, automatic,
    },
  };
}

test('the level: critical by default, as stored otherwise; what reaches it', async () => {
  assert.equal(await readAutoLevel(storageArea()), 'critical');
  assert.equal(await readAutoLevel(storageArea({ autoCaptureFrom: 'high' })), 'high');
  assert.equal(await readAutoLevel(storageArea({ autoCaptureFrom: 'off' })), 'off');
  assert.equal(await readAutoLevel(storageArea({ autoCaptureFrom: 'medium' })), 'critical', 'not an option: default');
  assert.deepEqual(AUTO_LEVELS.map((l) => l.value), ['critical', 'high', 'off']);
  const table = ['none', 'low', 'medium', 'high', 'critical'].map((risk) =>
    [risk, reachesLevel(risk, 'critical'), reachesLevel(risk, 'high'), reachesLevel(risk, 'off')]);
  assert.deepEqual(table, [
    ['none', false, false, false], ['low', false, false, false], ['medium', false, false, false],
    ['high', false, true, false], ['critical', true, true, false],
  ]);
  assert.equal(reachesLevel('unknown', 'high'), false);
});

test('the memory of captured posts survives a new worker, is bounded and forgets the oldest first', async () => {
  const storage = storageArea();
  const memory = createCaptureMemory(storage, { max: 3 });
  assert.equal(await memory.remember({ platform: 'x', postId: '1' }), true);
  assert.equal(await memory.remember({ platform: 'x', postId: '1' }), false);
  assert.equal(await memory.has({ platform: 'reddit', postId: '1' }), false, 'platform + post id');
  await Promise.all(['2', '3', '4'].map((postId) => memory.remember({ platform: 'x', postId })));
  const restarted = createCaptureMemory(storage, { max: 3 });
  assert.equal(await restarted.has({ platform: 'x', postId: '1' }), false, 'oldest forgotten');
  for (const postId of ['2', '3', '4']) assert.equal(await restarted.has({ platform: 'x', postId }), true, postId);
  await restarted.forget({ platform: 'x', postId: '3' });
  assert.deepEqual(storage.data.capturedPosts, ['x:2', 'x:4']);
});

test('check: yes for a post at the level never captured, no otherwise', async () => {
  const { deps } = worker();
  assert.deepEqual(await handleAutoCheck({ platform: 'x', postId: '1', risk: 'critical' }, deps), { ok: true, capture: true });
  assert.deepEqual(await handleAutoCheck({ platform: 'x', postId: '1', risk: 'high' }, deps), { ok: true, capture: false });
  await deps.memory.remember({ platform: 'x', postId: '1' });
  assert.deepEqual(await handleAutoCheck({ platform: 'x', postId: '1', risk: 'critical' }, deps), { ok: true, capture: false });
  const high = worker({ level: 'high' }).deps;
  assert.equal((await handleAutoCheck({ platform: 'x', postId: '2', risk: 'high' }, high)).capture, true);
  const off = worker({ level: 'off' }).deps;
  assert.equal((await handleAutoCheck({ platform: 'x', postId: '2', risk: 'critical' }, off)).capture, false);
  assert.equal((await handleAutoCheck({ platform: 'x' }, deps)).error.code, 'bad_message');
});

test('an automatic capture is taken once; its metadata says automatic; a click captures again', async () => {
  const { deps, calls } = worker();
  const first = await handleCaptureOnce(message('1', { automatic: true }), SENDER, deps);
  assert.equal(first.status, 'sent');
  assert.equal(calls[0].metadata.automatic, true);
  assert.deepEqual(validator.validate('capture-metadata', calls[0].metadata), []);
  const again = await handleCaptureOnce(message('1', { automatic: true }), SENDER, deps);
  assert.equal(again.error.code, 'already_captured');
  assert.equal(calls.length, 1);
  const click = await handleCaptureOnce(message('1'), SENDER, deps);
  assert.equal(click.status, 'sent');
  assert.equal(calls[1].metadata.automatic, false);
});

test('an automatic capture below the level is declined; a clicked post is not captured again by Vigie', async () => {
  const { deps, calls } = worker();
  assert.equal((await handleCaptureOnce(message('1', { risk: 'high', automatic: true }), SENDER, deps)).error.code, 'auto_off');
  await handleCaptureOnce(message('2'), SENDER, deps);
  assert.equal((await handleAutoCheck({ platform: 'x', postId: '2', risk: 'critical' }, deps)).capture, false);
  assert.equal(calls.length, 1);
});

test('an automatic capture that could not be taken is forgotten, so that Vigie tries again; a queued one is not', async () => {
  const inactive = worker({ tabActive: false });
  const failed = await handleCaptureOnce(message('1', { automatic: true }), SENDER, inactive.deps);
  assert.equal(failed.error.code, 'tab_inactive');
  assert.equal(await inactive.deps.memory.has({ platform: 'x', postId: '1' }), false);
  const offline = worker({ answer: () => { throw new TypeError('fetch failed'); } });
  const queued = await handleCaptureOnce(message('1', { automatic: true }), SENDER, offline.deps);
  assert.deepEqual([queued.ok, queued.status, queued.error.code], [true, 'queued', 'unreachable']);
  assert.equal(await offline.deps.memory.has({ platform: 'x', postId: '1' }), true);
});

test('the popup lists the queue, retries it, and deletes only refused captures', async () => {
  let mode = 'down';
  const answers = {
    down: () => { throw new TypeError('fetch failed'); },
    refuse: () => json(400, { status: 400, code: 'invalid_metadata', message: 'Champ metadata invalide : text trop long.' }),
    up: (n) => json(201, { id: `cap_00000000${n}` }),
  };
  const { deps } = worker({ answer: (n) => answers[mode](n) });
  await handleCaptureOnce(message('1'), SENDER, deps);
  mode = 'refuse';
  await handleCaptureOnce(message('2'), SENDER, deps);
  const listed = await handleQueueList(deps);
  assert.equal(listed.ok, true);
  assert.deepEqual(listed.entries.map((e) => [e.postRef.postId, e.state, e.lastError.code]),
    [['1', 'queued', 'unreachable'], ['2', 'refused', 'invalid_metadata']]);
  assert.equal(listed.entries[1].lastError.message, 'Champ metadata invalide : text trop long.');
  const queuedKey = listed.entries[0].key;
  const refusedKey = listed.entries[1].key;
  assert.equal((await handleQueueDelete({ key: queuedKey }, deps)).error.code, 'not_deletable');
  assert.equal((await handleQueueDelete({}, deps)).error.code, 'bad_message');
  const deleted = await handleQueueDelete({ key: refusedKey }, deps);
  assert.deepEqual(deleted.entries.map((e) => e.key), [queuedKey]);
  mode = 'up';
  const retried = await handleQueueRetry(deps);
  assert.deepEqual([retried.ok, retried.sent, retried.entries.length], [true, 1, 0]);
});
