// The pacer that keeps chrome.tabs.captureVisibleTab under its quota of 2 calls a second.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createPacer } from '../src/lib/pacer.js';

test('calls start at least the gap apart, in order, without waiting for the previous one to finish', async () => {
  let clock = 0;
  const starts = [];
  const pace = createPacer(550, { now: () => clock, sleep: async (ms) => { clock += ms; } });
  let finish;
  const slow = pace(() => { starts.push(['a', clock]); return new Promise((resolve) => { finish = resolve; }); });
  const quick = [pace(async () => { starts.push(['b', clock]); return 'b'; }), pace(async () => { starts.push(['c', clock]); return 'c'; })];
  assert.deepEqual(await Promise.all(quick), ['b', 'c']);
  assert.deepEqual(starts, [['a', 0], ['b', 550], ['c', 1100]]);
  finish('a');
  assert.equal(await slow, 'a');
  clock += 5000;
  await pace(async () => starts.push(['d', clock]));
  assert.deepEqual(starts.at(-1), ['d', 6100], 'no wait once the gap has passed');
});

test('a failing call does not block the next ones', async () => {
  const pace = createPacer(0);
  await assert.rejects(pace(async () => { throw new Error('quota'); }), /quota/);
  assert.equal(await pace(async () => 'next'), 'next');
});
