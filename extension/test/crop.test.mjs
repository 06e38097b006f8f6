// lib/crop.js: where the post's columns and each slice's rows are in a shot, in device pixels.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns, isRect, sliceRows } from '../src/lib/crop.js';

test('geometry: columns clamped to the shot, slice rows meet without gap or overlap', () => {
  assert.deepEqual(columns({ x: 10.25, y: 0, width: 100, height: 1 }, 2, 2560), { left: 21, width: 200 });
  assert.deepEqual(columns({ x: 1200, y: 0, width: 200, height: 1 }, 2, 2560), { left: 2400, width: 160 });
  assert.equal(columns({ x: 1300, y: 0, width: 200, height: 1 }, 2, 2560), null);
  const a = sliceRows({ y: 20.25, from: 0, to: 129.75 }, 1.5, 225);
  const b = sliceRows({ y: 20.25 - 129.75, from: 129.75, to: 259.5 }, 1.5, 225);
  assert.equal(a.dy + a.height, b.dy);
  assert.equal(b.dy + b.height, Math.round(259.5 * 1.5));
  assert.equal(b.sy, Math.round(20.25 * 1.5), 'the rows below the bar, where the content script put them');
});

test('a box is four finite numbers, width and height not negative', () => {
  assert.equal(isRect({ x: 0, y: -3.5, width: 10, height: 0 }), true);
  for (const bad of [null, 'box', { x: 0, y: 0, width: 10 }, { x: 0, y: 0, width: -1, height: 1 }, { x: NaN, y: 0, width: 1, height: 1 },
    { x: 0, y: Infinity, width: 1, height: 1 }, { x: '0', y: 0, width: 1, height: 1 }]) {
    assert.equal(isRect(bad), false, JSON.stringify(bad));
  }
});
