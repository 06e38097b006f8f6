import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, sleep } from './helpers/page.mjs';

const writesOf = (options = {}) => {
  const { window } = openPage('<!doctype html><p>page</p>', { scripts: ['content/frame-writes.js'] });
  return window.vigie.createFrameWrites({ window, ...options });
};

test('a deferred write waits for the flush; the latest write per key runs once, where the key was first queued', () => {
  const writes = writesOf();
  const done = [];
  writes.defer('a', () => done.push('a1'));
  writes.defer('b', () => done.push('b'));
  writes.defer('a', () => done.push('a2'));
  assert.deepEqual(done, []);
  assert.equal(writes.pending(), 2);
  writes.flush();
  assert.deepEqual(done, ['a2', 'b']);
  assert.equal(writes.pending(), 0);
  writes.flush();
  assert.deepEqual(done, ['a2', 'b']);
});

test('on a page that stays still, the writes run after maxDelayMs', async () => {
  const writes = writesOf({ maxDelayMs: 30 });
  const done = [];
  writes.defer('a', () => done.push('a'));
  await sleep(10);
  assert.deepEqual(done, []);
  await sleep(60);
  assert.deepEqual(done, ['a']);
});

test('a write queued by a write waits for the next flush', async () => {
  const writes = writesOf({ maxDelayMs: 20 });
  const done = [];
  writes.defer('a', () => {
    done.push('a');
    writes.defer('b', () => done.push('b'));
  });
  writes.flush();
  assert.deepEqual(done, ['a']);
  await sleep(50);
  assert.deepEqual(done, ['a', 'b']);
});

test('a write with an earlier deadline brings the flush forward; a later one does not push it back', async () => {
  const writes = writesOf({ maxDelayMs: 500, now: () => performance.now() });
  const done = [];
  writes.defer('late', () => done.push('late'));
  writes.defer('soon', () => done.push('soon'), performance.now() + 20);
  writes.defer('later', () => done.push('later'), performance.now() + 1000);
  await sleep(60);
  assert.deepEqual(done, ['late', 'soon', 'later']);
});
