// The worker's side of a capture (lib/evidence.js, lib/shots.js, lib/crop.js, lib/environment.js) against a fake tab:
// a page whose every device-pixel row has its own colour, a fixed top bar, a scroll position the worker moves
// through capture-scroll, and captureVisibleTab shots of what is in view.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { describeBrowser, describeProxy, environmentFacts } from '../src/lib/environment.js';
import { collectEvidence, htmlDocument } from '../src/lib/evidence.js';
import { MAX_SLICES, SHOT_INTERVAL_MS } from '../src/lib/shots.js';
import { dataUrlOf, decodePng, fakeRaster, makeImage, pixel } from './helpers/raster.mjs';

const validator = createValidator();
const SENDER = { id: 'edidkidbaobbdpdngaioniofhpehpfnc', url: 'https://forum.exemple-conso.fr/viewtopic.php?t=4821', frameId: 0, tab: { id: 7, windowId: 3 } };
const BAR = [0, 0, 200, 255];
const METADATA = {
  pageUrl: 'https://forum.exemple-conso.fr/viewtopic.php?t=4821',
  pageTitle: 'Livraison jamais arrivée',
  permalink: 'https://forum.exemple-conso.fr/viewtopic.php?p=51234#p51234',
  platform: 'phpbb',
  postId: '51234',
  author: { name: 'Nadia_B', handle: null, profileUrl: null },
  publishedAt: '2025-06-14T09:00:00.000Z',
  publishedShown: 'sam. 14 juin 2025 11:00',
  text: 'Le service client ne répond plus aux mails.',
  classification: { id: '51234', risk: 'low', labels: [{ label: 'complaint', risk: 'low', score: 0.6, evidence: [] }] },
};

/** The colour of the page's device-pixel row y (below the bar): each row its own, so a misplaced row shows. */
const rowColour = (y) => [y & 255, (y >> 8) & 255, 7, 255];

/**
 * A tab showing a page with a post at (postX, postTop) in document CSS pixels, scrolled to scrollY, with a fixed bar
 * of `bar` CSS pixels at the top of the viewport. The worker's deps act on it; a clock moves only when time is spent.
 */
function fakeTab({ width = 200, height = 150, dpr = 1, bar = 20, post = { x: 40, top: 500, width: 100, height: 350 }, scrollY = 0 } = {}) {
  const tab = { scrollY, shots: [], asked: [], slept: [], clock: Date.parse('2026-11-20T21:16:40.000Z'), warnings: [] };
  const rect = () => ({ x: post.x, y: post.top - tab.scrollY, width: post.width, height: post.height });
  const raster = fakeRaster();
  const deps = {
    captureVisibleTab: async () => {
      tab.shots.push(tab.clock);
      tab.clock += 40;
      return dataUrlOf(makeImage(width * dpr, height * dpr, (x, y) => (y < bar * dpr ? BAR : rowColour(tab.scrollY * dpr + y))));
    },
    isTabActive: async () => true,
    askTab: async (tabId, frameId, message) => {
      tab.asked.push({ tabId, frameId, message });
      tab.clock += 20;
      // As content/evidence.js does: the asked row just below the bar (the page cannot scroll past its end).
      tab.scrollY = Math.min(post.top + message.offset - bar, post.top + post.height + 100 - height);
      return { ok: true, rect: rect() };
    },
    raster,
    saveAsMhtml: async () => new Blob(['From: <Saved by Blink>\r\nMIME-Version: 1.0\r\n'], { type: 'multipart/related' }),
    uaHints: async () => ({ fullVersionList: [{ brand: 'Not_A Brand', version: '24.0.0.0' }, { brand: 'Chromium', version: '156.0.7000.1' }], platform: 'Linux', platformVersion: '', architecture: 'x86' }),
    proxySettings: async () => ({ value: { mode: 'direct' }, levelOfControl: 'controllable_by_this_extension' }),
    now: () => new Date(tab.clock),
    sleep: async (ms) => { tab.slept.push(ms); tab.clock += ms; },
    warn: (message) => tab.warnings.push(message),
    env: { userAgent: 'Mozilla/5.0 Chrome/156', extensionVersion: '0.1.0', timeZone: 'Europe/Paris', languages: ['fr-FR', 'fr', 'en'] },
  };
  return { tab, deps, raster, rect, request: (extra = {}) => ({ metadata: METADATA, rect: rect(), devicePixelRatio: dpr, html: '<article>x</article>', ...extra }) };
}

const image = async (blob) => decodePng(Buffer.from(await blob.arrayBuffer()));
const sha = async (blob) => createHash('sha256').update(Buffer.from(await blob.arrayBuffer())).digest('hex');

for (const dpr of [1, 2]) {
  test(`a post taller than the viewport is shot in 3 slices below the bar and stitched row for row (dpr ${dpr})`, async () => {
    // 150 px viewport, 20 px bar: 130 px of post per slice; the post's top starts just below the bar.
    const { tab, deps, raster, request } = fakeTab({ dpr, scrollY: 480 });
    const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
    assert.equal(metadata.screenshotSlices, 3);
    assert.deepEqual(tab.asked.map((a) => a.message), [
      { type: 'capture-scroll', postId: '51234', offset: 130 },
      { type: 'capture-scroll', postId: '51234', offset: 260 },
    ]);
    assert.deepEqual(tab.asked.map((a) => [a.tabId, a.frameId]), [[7, 0], [7, 0]]);
    const shot = await image(parts.screenshot);
    assert.equal(shot.width, 100 * dpr);
    assert.equal(shot.height, 350 * dpr);
    for (let y = 0; y < shot.height; y += 1) {
      assert.deepEqual(pixel(shot, 0, y), rowColour(500 * dpr + y), `row ${y}`);
      assert.deepEqual(pixel(shot, shot.width - 1, y), rowColour(500 * dpr + y), `row ${y}, last column`);
    }
    assert.equal(raster.state.open, 0, 'every decoded shot is closed');
    assert.deepEqual(tab.warnings, []);
  });
}

test('a post whose top landed half a pixel above the viewport is shot as it is, its first row kept', async () => {
  const { tab, deps, request } = fakeTab({ bar: 0, scrollY: 500, post: { x: 40, top: 499.5, width: 100, height: 140 } });
  const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
  assert.equal(tab.asked.length, 0, 'no scroll asked for half a pixel');
  assert.equal(metadata.screenshotSlices, 1);
  const shot = await image(parts.screenshot);
  assert.equal(shot.height, 140);
  assert.deepEqual(pixel(shot, 0, 0), rowColour(500));
});

test('shots are at least 500 ms apart (Chrome allows 2 a second)', async () => {
  const { tab, deps, request } = fakeTab({ scrollY: 480, post: { x: 40, top: 500, width: 100, height: 600 } });
  await collectEvidence(request(), SENDER, deps);
  assert.equal(tab.shots.length, 5);
  for (let i = 1; i < tab.shots.length; i += 1) assert.ok(tab.shots[i] - tab.shots[i - 1] >= 500, `${tab.shots[i] - tab.shots[i - 1]} ms`);
  assert.ok(SHOT_INTERVAL_MS >= 500);
});

test('the viewport picture is the first shot byte for byte (the tab framed the post); only the post is re-encoded', async () => {
  const post = { x: 40, top: 60, width: 100, height: 50 };
  const { tab, deps, raster, request } = fakeTab({ dpr: 2, post });
  const taken = [];
  const shoot = deps.captureVisibleTab;
  deps.captureVisibleTab = async (windowId) => {
    const dataUrl = await shoot(windowId);
    taken.push(Buffer.from(dataUrl.slice(dataUrl.indexOf(',') + 1), 'base64'));
    return dataUrl;
  };
  const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
  assert.equal(metadata.screenshotSlices, 1);
  assert.equal(tab.shots.length, 1);
  assert.deepEqual(metadata.viewport, { width: 200, height: 150, devicePixelRatio: 2 });
  assert.ok(Buffer.from(await parts.viewport.arrayBuffer()).equals(taken[0]), 'the PNG Chrome made, untouched');
  assert.equal(parts.viewport.type, 'image/png');
  assert.equal(metadata.viewportSha256, createHash('sha256').update(taken[0]).digest('hex'));
  assert.deepEqual(raster.state.painted, [{ width: 200, height: 100 }], 'one picture painted: the post\'s box');
  const shot = await image(parts.screenshot);
  assert.deepEqual([shot.width, shot.height], [200, 100]);
  assert.deepEqual(pixel(shot, 0, 0), rowColour(120));
});

test('at most 50 slices: a longer post is stitched that far and the metadata says how many', async () => {
  const { tab, deps, request } = fakeTab({ width: 20, height: 40, bar: 0, scrollY: 500, post: { x: 5, top: 500, width: 10, height: 4000 } });
  const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
  assert.equal(metadata.screenshotSlices, MAX_SLICES);
  assert.equal(tab.shots.length, MAX_SLICES);
  assert.equal((await image(parts.screenshot)).height, MAX_SLICES * 40);
  assert.deepEqual(validator.validate('capture-metadata', metadata), []);
  assert.match(tab.warnings[0], /2000 px sur 4000/);
});

test('a page that stops scrolling early gives the rows it showed, and says so', async () => {
  const { deps, request } = fakeTab({ scrollY: 480 });
  let asked = 0;
  deps.askTab = async () => { asked += 1; throw new Error('Could not establish connection. Receiving end does not exist.'); };
  const warnings = [];
  deps.warn = (m) => warnings.push(m);
  const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
  assert.equal(asked, 1);
  assert.equal(metadata.screenshotSlices, 1);
  assert.equal((await image(parts.screenshot)).height, 130);
  assert.match(warnings[0], /130 of 350 px/);
});

test('metadata names every part by its SHA-256, carries the environment and validates against the schema', async () => {
  const { deps, request } = fakeTab({ scrollY: 480 });
  const page = {
    navigationPath: [
      { url: 'https://forum.exemple-conso.fr/index.php', at: '2026-11-20T21:10:00.000Z' },
      { url: 'javascript:alert(1)', at: '2026-11-20T21:11:00.000Z' },
      { url: 'https://forum.exemple-conso.fr/viewtopic.php?t=4821', at: '2026-11-20T21:12:00.000Z' },
    ],
    referrer: 'https://www.google.fr/',
  };
  const { metadata, parts } = await collectEvidence(request({ page }), SENDER, deps);
  assert.deepEqual(validator.validate('capture-metadata', metadata), []);
  assert.deepEqual(Object.keys(parts), ['screenshot', 'viewport', 'html', 'mhtml']);
  assert.equal(metadata.screenshotSha256, await sha(parts.screenshot));
  assert.equal(metadata.viewportSha256, await sha(parts.viewport));
  assert.equal(metadata.htmlSha256, await sha(parts.html));
  assert.equal(metadata.mhtmlSha256, await sha(parts.mhtml));
  assert.equal(parts.html.type, 'text/html;charset=utf-8');
  assert.equal(parts.mhtml.type, 'multipart/related');
  assert.equal(metadata.publishedShown, 'sam. 14 juin 2025 11:00');
  assert.equal(metadata.capturedAt, '2026-11-20T21:16:40.000Z', 'the time of the first shot');
  assert.deepEqual(metadata.browser, { name: 'Chromium', version: '156.0.7000.1', os: 'Linux x86' });
  assert.deepEqual(metadata.environment, {
    proxy: 'direct',
    navigationPath: [page.navigationPath[0], page.navigationPath[2]],
    referrer: 'https://www.google.fr/',
    languages: ['fr-FR', 'fr', 'en'],
    browsingDataCleared: 'unknown',
    networkAddress: 'unknown',
  });
  const html = await parts.html.text();
  assert.match(html, /^<!DOCTYPE html>\n<!-- Vigie .*https:\/\/forum\.exemple-conso\.fr\/viewtopic\.php\?t=4821.*2026-11-20T21:16:40\.000Z \(UTC\)/);
  assert.match(html, /<meta charset="utf-8">/);
  assert.match(html, /<article>x<\/article>/);
});

test('when Chrome refuses the MHTML twice, the capture goes without it: no part, no hash, a warning', async () => {
  for (const refuse of [async () => { throw new Error('Failed to save MHTML.'); }, async () => undefined]) {
    const { deps, request } = fakeTab({ post: { x: 40, top: 60, width: 100, height: 50 } });
    let calls = 0;
    deps.saveAsMhtml = (tabId) => { calls += 1; return refuse(tabId); };
    const warnings = [];
    deps.warn = (m) => warnings.push(m);
    const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
    assert.equal('mhtml' in parts, false);
    assert.equal('mhtmlSha256' in metadata, false);
    assert.deepEqual(validator.validate('capture-metadata', metadata), []);
    assert.match(warnings[0], /MHTML/);
    assert.equal(calls, 2);
  }
});

test('an MHTML lost once is saved again; it is taken after the first shot, never during another call to Chrome', async () => {
  const { tab, deps, request } = fakeTab({ scrollY: 480 });
  const events = [];
  const { askTab, captureVisibleTab, saveAsMhtml } = deps;
  let calls = 0;
  let saving = false;
  deps.saveAsMhtml = async (tabId) => {
    calls += 1;
    events.push(`mhtml ${calls} after ${tab.shots.length} shot(s), ${tab.asked.length} scroll(s)`);
    saving = true;
    await new Promise((resolve) => setTimeout(resolve, 5));
    saving = false;
    if (calls === 1) throw new Error('NotFoundError: A requested file or directory could not be found');
    return saveAsMhtml(tabId);
  };
  deps.askTab = (...args) => { events.push(`scroll while saving: ${saving}`); return askTab(...args); };
  deps.captureVisibleTab = (...args) => { events.push(`shot while saving: ${saving}`); return captureVisibleTab(...args); };
  const { metadata, parts } = await collectEvidence(request(), SENDER, deps);
  assert.equal(metadata.mhtmlSha256, await sha(parts.mhtml));
  assert.deepEqual(events, ['shot while saving: false', 'mhtml 1 after 1 shot(s), 0 scroll(s)', 'mhtml 2 after 1 shot(s), 0 scroll(s)',
    'scroll while saving: false', 'shot while saving: false', 'scroll while saving: false', 'shot while saving: false']);
});

test('a shot refused for the per-second quota is tried again after 510 ms; other refusals fail the capture', async () => {
  const { tab, deps, request } = fakeTab({ post: { x: 40, top: 60, width: 100, height: 50 } });
  const shoot = deps.captureVisibleTab;
  let calls = 0;
  deps.captureVisibleTab = async (windowId) => {
    calls += 1;
    if (calls === 1) throw new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    return shoot(windowId);
  };
  const { metadata } = await collectEvidence(request(), SENDER, deps);
  assert.equal(metadata.screenshotSlices, 1);
  assert.deepEqual(tab.slept, [SHOT_INTERVAL_MS]);
  deps.captureVisibleTab = async () => { throw new Error('Cannot access contents of the page.'); };
  await assert.rejects(collectEvidence(request(), SENDER, deps), { code: 'capture_failed' });
  await assert.rejects(collectEvidence(request({ rect: { x: 0, y: 'top' } }), SENDER, deps), { code: 'bad_message' });
});

test('a post out of view that the page cannot bring back is refused with a French message', async () => {
  const { deps, request } = fakeTab({ post: { x: 40, top: 600, width: 100, height: 50 } });
  deps.askTab = async () => ({ ok: false });
  await assert.rejects(collectEvidence(request({ rect: { x: 40, y: -400, width: 100, height: 50 } }), SENDER, deps),
    (error) => error.code === 'post_offscreen' && /faites-le défiler/.test(error.toWire().message));
});

test('browser: the brand that is not Chromium nor GREASE, its full version, the OS; unknown without data', () => {
  assert.deepEqual(describeBrowser({
    fullVersionList: [{ brand: 'Google Chrome', version: '142.0.7444.175' }, { brand: 'Chromium', version: '142.0.7444.175' }, { brand: 'Not)A;Brand', version: '99.0.0.0' }],
    platform: 'Windows', platformVersion: '15.0.0', architecture: 'x86',
  }), { name: 'Google Chrome', version: '142.0.7444.175', os: 'Windows 15.0.0 x86' });
  assert.deepEqual(describeBrowser(null), { name: 'unknown', version: 'unknown', os: 'unknown' });
  assert.deepEqual(describeBrowser({ fullVersionList: [{ brand: 'Not A(Brand', version: '8' }] }), { name: 'unknown', version: 'unknown', os: 'unknown' });
});

test('proxy: each mode in a line, who set it, unknown when unreadable', () => {
  assert.equal(describeProxy({ value: { mode: 'direct' }, levelOfControl: 'controllable_by_this_extension' }), 'direct');
  assert.equal(describeProxy({ value: { mode: 'system' } }), 'system');
  assert.equal(describeProxy({ value: { mode: 'fixed_servers', rules: { singleProxy: { scheme: 'socks5', host: 'proxy.lan', port: 1080 }, bypassList: ['localhost'] } } }),
    'fixed_servers: socks5://proxy.lan:1080; bypass=localhost');
  assert.equal(describeProxy({ value: { mode: 'fixed_servers', rules: { proxyForHttps: { host: 'p.lan', port: 3128 } } }, levelOfControl: 'controlled_by_other_extensions' }),
    'fixed_servers: https=http://p.lan:3128 (réglé par une autre extension / set by another extension)');
  assert.equal(describeProxy({ value: { mode: 'pac_script', pacScript: { url: 'http://wpad.lan/proxy.pac' } }, levelOfControl: 'not_controllable' }),
    'pac_script: http://wpad.lan/proxy.pac (imposé par une stratégie / set by policy)');
  assert.equal(describeProxy(undefined), 'unknown');
});

test('environment: entries the schema would refuse are left out, the latest 50 kept, times in UTC', () => {
  const path = Array.from({ length: 60 }, (_, i) => ({ url: `https://x.com/p/${i}`, at: new Date(Date.UTC(2026, 10, 20, 20, i)).toISOString() }));
  path.push({ url: `https://x.com/${'a'.repeat(5000)}`, at: '2026-11-20T22:00:00Z' }, { url: 'https://x.com/late', at: 'hier' });
  const facts = environmentFacts({ navigationPath: path, referrer: '' }, { proxy: 'unknown', languages: ['fr', 'x'.repeat(40)] });
  assert.equal(facts.navigationPath.length, 50);
  assert.equal(facts.navigationPath[0].url, 'https://x.com/p/10');
  assert.equal(facts.navigationPath[49].url, 'https://x.com/p/59');
  assert.equal(facts.referrer, null);
  assert.deepEqual(facts.languages, ['fr']);
  assert.deepEqual(environmentFacts(undefined, { proxy: 'direct', languages: [] }).navigationPath, []);
});

test('the HTML document\'s comment cannot be closed early by the page address', () => {
  const html = htmlDocument('<p>a</p>', 'https://forum.example/a--><script>alert(1)</script>', new Date('2026-11-20T21:16:40Z'));
  const comment = html.slice(html.indexOf('<!--') + 4, html.indexOf('-->'));
  assert.match(comment, /a%2D-><script>/);
  assert.equal(html.indexOf('-->'), html.lastIndexOf('-->'));
});
