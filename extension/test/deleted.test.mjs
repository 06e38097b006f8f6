// The content script's deleted-post check (content/deleted.js) on saved pages, with the worker played by a fake
// that answers captures-on-page as the server's schema says; then the whole extension on a page, with real timing.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CONTENT_SCRIPTS, fixture, openPage, plain, sleep, waitFor, workingWorker } from './helpers/page.mjs';

const WATCH = CONTENT_SCRIPTS.filter((f) => f === 'content/text.js' || f.startsWith('content/adapters/')
  || f === 'content/pick.js' || f === 'content/deleted.js');
const SETTLE_MS = 30;
const X_GONE = 'https://x.com/lea_m/status/1790120000000000001';
const XF_THREAD = 'https://forum.exemple-tech.fr/threads/maison-durand-sav.20411';

/**
 * @param {Partial<CapturedPost>} fields
 * @returns {CapturedPost}
 */
const item = (fields) => ({ captureId: '01JD2X8A0B1C', platform: 'x', postId: '1', permalink: null, deletedSeenAt: null, ...fields });

/**
 * A worker that answers captures-on-page with these items and acknowledges sightings (or refuses them).
 * @param {CapturedPost[]} items
 */
function worker(items, { refuse = () => false } = {}) {
  return async (message) => {
    if (message.type === 'captures-on-page') return { ok: true, items };
    if (message.type === 'captured-post-deleted') {
      if (refuse(message)) return { ok: false, error: { code: 'server_error', message: 'Erreur du serveur Vigie (HTTP 503).' } };
      return { ok: true, seenAt: '2026-11-21T09:30:00.000Z' };
    }
    return { ok: false, error: { code: 'unknown', message: 'inconnu' } };
  };
}

/**
 * A saved page with the adapters and the watch only; the test plays the core (restart, then what a scan read).
 * @param {string} name fixture path without .html
 * @param {{ url: string, items: CapturedPost[], refuse?: (message: any) => boolean, edit?: (document: Document) => void }} options
 */
function watchPage(name, { url, items, refuse, edit }) {
  const page = openPage(fixture(`${name}.html`), { url, scripts: WATCH, sendMessage: worker(items, { refuse }) });
  if (edit) edit(page.document);
  const adapter = page.vigie.pickAdapter(page.window.location, page.document);
  const watch = page.vigie.createDeletedWatch({
    window: page.window, adapter, sendMessage: (m) => page.window.chrome.runtime.sendMessage(m), settleMs: SETTLE_MS, maxSettleMs: 1000,
  });
  const read = () => adapter.findPosts(page.document).map((el) => adapter.extract(el)).filter(Boolean);
  const reports = () => page.messages.filter((m) => m.type === 'captured-post-deleted');
  return { ...page, adapter, watch, read, reports };
}

test('the captured post whose own address shows the unavailable page is reported once; the others are left alone', async () => {
  const target = item({ postId: '1790120000000000001', permalink: X_GONE });
  const elsewhere = item({ captureId: '01JD2X7Q9ZC4', postId: '1790120000000000999', permalink: 'https://x.com/lea_m/status/1790120000000000999' });
  const known = item({ captureId: '01JD2X6P8YB3', postId: '1790120000000000002', permalink: X_GONE, deletedSeenAt: '2026-11-20T08:00:00Z' });
  // X adds a share tag to copied links: the address is still the post's own.
  const page = watchPage('x/status-unavailable', { url: `${X_GONE}?s=20`, items: [target, elsewhere, known] });
  page.watch.restart();
  page.watch.saw(page.read());

  await waitFor(() => page.reports().length === 1, { what: 'the sighting' });
  assert.deepEqual(plain(page.messages[0]), { type: 'captures-on-page', url: `${X_GONE}?s=20` });
  assert.deepEqual(plain(page.reports()[0]),
    { type: 'captured-post-deleted', captureId: '01JD2X8A0B1C', how: 'unavailable_page', pageUrl: `${X_GONE}?s=20` });

  // Opened again in this tab: asked again, reported no more.
  page.watch.restart();
  await waitFor(() => page.messages.filter((m) => m.type === 'captures-on-page').length === 2, { what: 'the second question' });
  await sleep(SETTLE_MS * 3);
  assert.equal(page.reports().length, 1);
  assert.deepEqual(plain(page.watch.sightings()).sort((a, b) => a.captureId.localeCompare(b.captureId)), [
    { captureId: '01JD2X6P8YB3', seenAt: '2026-11-20T08:00:00Z' },
    { captureId: '01JD2X8A0B1C', seenAt: '2026-11-21T09:30:00.000Z' },
  ]);
});

test('a post missing from a complete thread is reported only after the page was scrolled to its end', async () => {
  const post = (id, thread = XF_THREAD) => item({ postId: String(id), permalink: `${thread}/post-${id}`, platform: 'xenforo',
    captureId: `01JDXF${id}` });
  const page = watchPage('xenforo/thread', {
    url: `${XF_THREAD}/page-2`,
    items: [post(998805), post(998900), post(998700), post(998950, 'https://forum.exemple-tech.fr/threads/autre.20999')],
    // Served as the thread's last page: no "next" link.
    edit: (document) => { for (const next of document.querySelectorAll('.pageNav-jump--next')) next.remove(); },
  });
  const { window, document } = page;
  Object.defineProperty(document.documentElement, 'scrollHeight', { value: 5000, configurable: true });
  page.watch.restart();
  page.watch.saw(page.read());
  await waitFor(() => page.messages.length === 1, { what: 'the question' });
  await sleep(SETTLE_MS * 4);
  assert.equal(page.reports().length, 0, 'the end of the page was never on screen');

  Object.defineProperty(window, 'scrollY', { value: 5000 - window.innerHeight, configurable: true });
  window.dispatchEvent(new window.Event('scroll'));
  await waitFor(() => page.reports().length > 0, { what: 'the sighting' });
  await sleep(SETTLE_MS * 3);
  // 998805 is on the page, 998700 may have moved to page 1, 998950 belongs to another thread.
  assert.deepEqual(plain(page.reports()), [{
    type: 'captured-post-deleted', captureId: '01JDXF998900', how: 'missing_from_thread', pageUrl: `${XF_THREAD}/page-2`,
  }]);
});

test('a timeline never proves an absence: posts captured there and missing now are not reported', async () => {
  const page = watchPage('x/home-timeline', {
    url: 'https://x.com/home',
    items: [item({ postId: '1790000000000000999', permalink: 'https://x.com/lucie_m/status/1790000000000000999' }),
      item({ captureId: '01JD2X7Q9ZC4', postId: '1790000000000000998', permalink: null })],
  });
  page.watch.restart();
  page.watch.saw(page.read());
  await waitFor(() => page.messages.length === 1, { what: 'the question' });
  await sleep(SETTLE_MS * 4);
  assert.equal(page.reports().length, 0);
});

test('a sighting the server did not take is not remembered: the next visit reports it again', async () => {
  let refusals = 1;
  const page = watchPage('facebook/content-unavailable', {
    url: 'https://www.facebook.com/MaisonDurand/posts/pfbid0Zx5Vb8nLm2QwE4rTy6uI1oP3aS7dF9gH2jK4lZ6xC8vB0nM1qW',
    items: [item({ platform: 'facebook', postId: 'pfbid0Zx5Vb8nLm2QwE4rTy6uI1oP3aS7dF9gH2jK4lZ6xC8vB0nM1qW',
      permalink: 'https://www.facebook.com/MaisonDurand/posts/pfbid0Zx5Vb8nLm2QwE4rTy6uI1oP3aS7dF9gH2jK4lZ6xC8vB0nM1qW' })],
    refuse: () => refusals-- > 0,
  });
  page.watch.restart();
  await waitFor(() => page.reports().length === 1, { what: 'the first sighting' });
  await sleep(SETTLE_MS);
  assert.equal(page.watch.sightings().length, 0);

  page.watch.restart();
  await waitFor(() => page.reports().length === 2, { what: 'the sighting again' });
  await waitFor(() => page.watch.sightings().length === 1, { what: 'the sighting taken' });
});

test('after an SPA navigation the page is asked about again, at its new address', async () => {
  const page = watchPage('x/status-unavailable', { url: X_GONE, items: [] });
  page.watch.restart();
  await waitFor(() => page.messages.length === 1, { what: 'the first question' });
  page.window.history.pushState({}, '', '/lea_m/status/1790120000000000777');
  page.watch.restart();
  await waitFor(() => page.messages.length === 2, { what: 'the second question' });
  assert.equal(page.messages[1].url, 'https://x.com/lea_m/status/1790120000000000777');
  page.watch.stop();
});

test('the unavailable page raises no "no posts" drift report; the same page without its notice still does', async () => {
  const CORE = CONTENT_SCRIPTS.filter((f) => f !== 'content/main.js');
  const started = (edit) => {
    const page = openPage(fixture('x/status-unavailable.html'), { url: X_GONE, scripts: CORE, sendMessage: workingWorker() });
    edit(page.document);
    const adapter = page.vigie.pickAdapter(page.window.location, page.document);
    const core = page.vigie.createCore({ window: page.window, adapter, noPostsAfterMs: 40, sendMessage: (m) => page.window.chrome.runtime.sendMessage(m) });
    core.start();
    return { ...page, core };
  };
  const notice = started(() => undefined);
  const blank = started((document) => document.querySelector('[data-testid="error-detail"]').remove());
  await waitFor(() => blank.messages.some((m) => m.type === 'health'), { what: 'the drift report of the blank page' });
  await sleep(100);
  assert.deepEqual(notice.messages.filter((m) => m.type === 'health'), []);
  assert.deepEqual(plain(notice.core.status().problems), []);
  notice.core.stop();
  blank.core.stop();
});

describe('the whole extension on a page, with its real timing', { concurrency: true }, () => {
  test('on the X page of a deleted post, the extension reports it and the popup\'s status lists it', async () => {
    const answer = worker([item({ postId: '1790120000000000001', permalink: X_GONE })]);
    const page = openPage(fixture('x/status-unavailable.html'), {
      url: X_GONE,
      sendMessage: workingWorker({ 'captures-on-page': answer, 'captured-post-deleted': answer }),
    });
    await waitFor(() => page.messages.some((m) => m.type === 'captured-post-deleted'), { timeout: 8000, what: 'the sighting' });
    const status = await page.tell({ type: 'status' });
    assert.deepEqual(status.deleted, [{ captureId: '01JD2X8A0B1C', seenAt: '2026-11-21T09:30:00.000Z' }]);
    page.vigie.running.stop();
  });

  test('a page no adapter recognises sends nothing at all', async () => {
    const html = '<!doctype html><html lang="fr"><head><title>Blog</title></head><body><article><h1>Ce contenu n’est pas '
      + 'disponible pour le moment</h1><p>This post is unavailable. Hmm...this page doesn’t exist.</p></article></body></html>';
    const page = openPage(html, { url: 'https://blog.example.org/2026/11/article', sendMessage: workingWorker() });
    await sleep(3500);
    assert.deepEqual(page.messages, []);
  });
});
