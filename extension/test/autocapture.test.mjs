// Auto-capture in the page (content/autocapture.js through the core), with a stand-in IntersectionObserver the
// test drives: jsdom lays nothing out, so "fully in view" is what the observer says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fakeClassify, fixture, labelNames, openPage, sleep, waitFor } from './helpers/page.mjs';

const HTML = fixture('x/home-timeline.html');
const LUCIE = '1790000000000000001';
const KARIM = '1789987766554433280';
const article = (document, id) => document.querySelector(`article[data-vigie-post-id="${id}"]`);

/** An IntersectionObserver whose answers the test gives: show(el, ratio). */
function fakeIntersection() {
  const observers = [];
  return {
    install(window) {
      window.IntersectionObserver = class {
        constructor(callback, options) {
          this.callback = callback;
          this.options = options;
          this.targets = new Set();
          observers.push(this);
        }
        observe(el) { this.targets.add(el); }
        unobserve(el) { this.targets.delete(el); }
        disconnect() { this.targets.clear(); }
      };
    },
    show(el, ratio) {
      for (const o of observers) {
        if (o.targets.has(el)) o.callback([{ target: el, isIntersecting: ratio > 0, intersectionRatio: ratio }], o);
      }
    },
    watched: (el) => observers.some((o) => o.targets.has(el)),
    thresholds: () => observers.map((o) => o.options.threshold),
  };
}

/**
 * The X fixture with a worker that follows the worker's rules: level (critical by default), once per post.
 * `critical` lists the posts the stand-in server calls critical (Lucie's always is).
 */
async function autoPage({ level = 'critical', critical = [], captureDelayMs = 0, visibility = 'visible' } = {}) {
  const io = fakeIntersection();
  const remembered = new Set();
  const rank = { none: 0, low: 1, medium: 2, high: 3, critical: 4 };
  const reaches = (risk) => level !== 'off' && rank[risk] >= rank[level];
  const captures = [];
  const tab = { visibility };
  const page = openPage(HTML, {
    setup: (window) => {
      io.install(window);
      Object.defineProperty(window.document, 'visibilityState', { configurable: true, get: () => tab.visibility });
    },
    sendMessage: async (message) => {
      if (message.type === 'classify') {
        const results = message.items.map((item) => (critical.includes(item.id)
          ? { id: item.id, risk: 'critical', labels: [{ label: 'threat', risk: 'critical', score: 0.9, evidence: [] }] }
          : fakeClassify(item)));
        return { ok: true, results, labels: labelNames() };
      }
      if (message.type === 'autocapture:check') {
        return { ok: true, capture: reaches(message.risk) && !remembered.has(message.postId) };
      }
      if (message.type === 'capture') {
        captures.push({ postId: message.metadata.postId, automatic: message.metadata.automatic, at: Date.now() });
        if (captureDelayMs) await sleep(captureDelayMs);
        if (message.metadata.automatic && remembered.has(message.metadata.postId)) {
          return { ok: false, error: { code: 'already_captured', message: 'Ce message a déjà été capturé.' } };
        }
        remembered.add(message.metadata.postId);
        return { ok: true, status: 'sent', capture: { id: `cap_${message.metadata.postId}` } };
      }
      return { ok: false, error: { code: 'unknown', message: 'inconnu' } };
    },
  });
  await waitFor(() => page.document.querySelectorAll('article[data-vigie-risk]').length === 7, { what: 'risks' });
  /** Shows or hides the tab, as switching tabs does. */
  const setVisibility = (value) => {
    tab.visibility = value;
    page.document.dispatchEvent(new page.window.Event('visibilitychange'));
  };
  return { ...page, io, captures, remembered, setVisibility };
}

const checks = (page) => page.messages.filter((m) => m.type === 'autocapture:check');

test('a critical post is captured by itself once fully in view, marked automatic, and its badge says so', async () => {
  const page = await autoPage();
  const lucie = article(page.document, LUCIE);
  await waitFor(() => page.io.watched(lucie), { what: 'the post watched' });
  assert.deepEqual(page.io.thresholds(), [1]);
  page.io.show(lucie, 0.6);
  await sleep(100);
  assert.equal(page.captures.length, 0, 'partly visible: not yet');
  page.io.show(lucie, 1);
  await waitFor(() => page.captures.length === 1, { what: 'automatic capture' });
  assert.deepEqual(page.captures.map((c) => [c.postId, c.automatic]), [[LUCIE, true]]);
  const host = lucie.querySelector('vigie-badge');
  await waitFor(() => host.getAttribute('data-capture') === 'sent', { what: 'sent state' });
  assert.equal(host.getAttribute('data-capture-id'), `cap_${LUCIE}`);
  assert.match(host.shadowRoot.querySelector('.live').textContent, /^Envoyée \(capture automatique\)$/);
  assert.match(host.shadowRoot.querySelector('.pill').getAttribute('aria-label'), /preuve : Envoyée/);
  assert.equal(page.io.watched(lucie), false, 'done with it');
});

test('only posts that may reach the level are asked about; the worker\'s "no" is final for the page', async () => {
  const page = await autoPage({ level: 'off' });
  await sleep(100);
  assert.deepEqual(checks(page).map((m) => [m.postId, m.risk, m.platform]), [[LUCIE, 'critical', 'x']]);
  const lucie = article(page.document, LUCIE);
  assert.equal(page.io.watched(lucie), false);
  page.io.show(lucie, 1);
  await redrawAll(page);
  await sleep(100);
  assert.equal(page.captures.length, 0);
  assert.equal(checks(page).length, 1, 'a redraw of the same post does not ask again');
});

/** Makes the core draw every badge again (a rescan with a change), as a page update would. */
async function redrawAll(page) {
  page.document.body.append(page.document.createElement('div'));
  await page.window.vigie.running.scan();
}

test('nothing is captured while the tab is hidden; it is when the tab shows again', async () => {
  const page = await autoPage({ visibility: 'hidden' });
  const lucie = article(page.document, LUCIE);
  await waitFor(() => page.io.watched(lucie), { what: 'the post watched' });
  page.io.show(lucie, 1);
  await sleep(150);
  assert.equal(page.captures.length, 0);
  page.setVisibility('visible');
  await waitFor(() => page.captures.length === 1, { what: 'capture once visible' });
});

test('one automatic capture at a time, at least a second apart', async () => {
  const page = await autoPage({ critical: [KARIM], captureDelayMs: 200 });
  const lucie = article(page.document, LUCIE);
  const karim = article(page.document, KARIM);
  await waitFor(() => page.io.watched(lucie) && page.io.watched(karim), { what: 'both watched' });
  page.io.show(lucie, 1);
  page.io.show(karim, 1);
  await waitFor(() => page.captures.length === 2, { what: 'both captured', timeout: 4000 });
  const [first, second] = page.captures;
  assert.ok(second.at - first.at >= 200 + 1000 - 5, `second started ${second.at - first.at} ms after the first`);
  assert.deepEqual(new Set(page.captures.map((c) => c.postId)), new Set([LUCIE, KARIM]));
});

test('once per post: a rescan, a redraw or the same post in a new element does not capture it again', async () => {
  const page = await autoPage();
  const lucie = article(page.document, LUCIE);
  await waitFor(() => page.io.watched(lucie), { what: 'the post watched' });
  page.io.show(lucie, 1);
  await waitFor(() => page.captures.length === 1, { what: 'automatic capture' });
  await redrawAll(page);
  // X re-renders the cell: a new element for the same post; the worker remembers it was captured.
  const copy = lucie.cloneNode(true);
  copy.querySelector('vigie-badge').remove();
  copy.removeAttribute('data-vigie-risk');
  lucie.replaceWith(copy);
  await waitFor(() => copy.getAttribute('data-vigie-risk') === 'critical', { what: 'new element classified' });
  await sleep(100);
  page.io.show(copy, 1);
  await sleep(150);
  assert.equal(page.captures.length, 1);
  assert.equal(page.io.watched(copy), false);
});

test('a CM click still captures a post Vigie captured by itself', async () => {
  const page = await autoPage();
  const lucie = article(page.document, LUCIE);
  await waitFor(() => page.io.watched(lucie), { what: 'the post watched' });
  page.io.show(lucie, 1);
  await waitFor(() => page.captures.length === 1, { what: 'automatic capture' });
  await waitFor(() => lucie.querySelector('vigie-badge').getAttribute('data-capture') === 'sent', { what: 'sent' });
  const host = lucie.querySelector('vigie-badge');
  host.dispatchEvent(new page.window.Event('pointerenter'));
  assert.equal(host.shadowRoot.querySelector('[data-action="capture"]').textContent, 'Capturer à nouveau');
  await page.window.vigie.running.capture(lucie);
  assert.deepEqual(page.captures.map((c) => c.automatic), [true, false]);
});

test('a recycled cell showing another post is not captured for the post it showed before', async () => {
  const page = await autoPage();
  const lucie = article(page.document, LUCIE);
  await waitFor(() => page.io.watched(lucie), { what: 'the post watched' });
  lucie.querySelector('a[href*="/status/"] > time').parentElement.setAttribute('href', '/lucie_m/status/1790000000000000999');
  lucie.querySelector('[data-testid="tweetText"] span').textContent = 'Super service, merci !';
  await waitFor(() => lucie.getAttribute('data-vigie-risk') === 'none', { what: 'new post classified' });
  page.io.show(lucie, 1);
  await sleep(150);
  assert.equal(page.captures.length, 0);
});
