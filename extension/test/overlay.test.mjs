// The core on any engine, through a fake adapter: SPA navigation, the per-site switch, the popup's status
// messages, texts that change, and the canary's health reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { buildHealthReport } from '../src/lib/health.js';
import { siteKey } from '../src/lib/sites.js';
import { RUNTIME_ID, openPage, sleep, waitFor, workingWorker } from './helpers/page.mjs';

const validator = createValidator();
const CORE = ['content/text.js', 'content/badge-style.js', 'content/badge-panel.js', 'content/badge.js', 'content/capture-state.js', 'content/pick.js', 'content/canary.js',
  'content/changes.js', 'content/frame-writes.js', 'content/classify.js', 'content/draw.js', 'content/deleted.js', 'content/autocapture.js', 'content/outline.js', 'content/evidence.js', 'content/post-actions.js',
  'content/core.js'];
const WITH_MAIN = [...CORE, 'content/main.js'];
const URL = 'https://forum.example/forum/t/42?token=secret#post-3';

/** A forum page FakeBB renders: a generator meta, posts with an id, an author and a body. */
function forum(posts) {
  return `<!doctype html><html><head><meta name="generator" content="FakeBB 1.0"></head><body><main id="posts">${
    posts.map((p) => `<div class="post" data-id="${p.id}" style="position: relative"><b class="author">${p.author ?? 'Nadia'}</b>`
      + `<div class="body">${p.text}</div>${p.more ? '<a class="more">Voir plus</a>' : ''}</div>`).join('')
  }</main></body></html>`;
}

/**
 * The adapter contract with nothing site-specific in it; recognises FakeBB pages under /forum only.
 * @param {object} [overrides]
 */
function fakeAdapter(overrides = {}) {
  return {
    name: 'fakebb',
    platform: 'phpbb',
    matches: (location, document) => location.pathname.startsWith('/forum')
      && document.querySelector('meta[name="generator"][content^="FakeBB"]') !== null,
    findPosts: (root) => Array.from(root.querySelectorAll('div.post')),
    extract: (post) => ({
      id: post.getAttribute('data-id'),
      permalink: `https://forum.example/forum/p/${post.getAttribute('data-id')}`,
      author: { name: post.querySelector('.author').textContent, handle: null, profileUrl: null },
      publishedAt: null,
      text: post.querySelector('.body').textContent.trim(),
      lang: 'fr',
      parentId: null,
      counts: {},
    }),
    badgeAnchor: (post) => post,
    isTruncated: (post) => post.querySelector('.more') !== null,
    destroy: () => {},
    ...overrides,
  };
}

function open(posts, options = {}) {
  const adapters = options.adapters ?? [fakeAdapter()];
  return openPage(forum(posts), {
    url: options.url ?? URL,
    scripts: options.scripts ?? WITH_MAIN,
    sendMessage: options.sendMessage ?? workingWorker({ health: async () => ({ ok: true }) }),
    storage: options.storage,
    setup: (window) => { window.vigie = { adapters }; },
  });
}

const POSTS = [
  { id: 'p1', text: 'Je vais me suicider ce soir.' },
  { id: 'p2', text: 'Quand arrive mon remboursement ?' },
  { id: 'p3', text: 'Merci pour votre aide.' },
];
const classified = (page, n = POSTS.length) => waitFor(
  () => page.document.querySelectorAll('[data-vigie-risk]').length === n, { what: `${n} risks` },
);
/** jsdom objects come from another realm: compare their JSON. */
const plain = (value) => JSON.parse(JSON.stringify(value));
const kinds = (page, type) => page.messages.filter((m) => m.type === type);

test('pickAdapter: specific adapters first, the schema.org fallback last, a throwing detector skipped', () => {
  const fallback = fakeAdapter({ name: 'schema-org', platform: 'schema_org', matches: () => true });
  const broken = fakeAdapter({ name: 'broken', matches: () => { throw new Error('boom'); } });
  const page = open([], { adapters: [fallback, broken, fakeAdapter()], scripts: CORE });
  const { vigie, window, document, warnings } = page;
  assert.equal(vigie.pickAdapter(window.location, document).name, 'fakebb');
  assert.match(warnings.join('\n'), /\[vigie:broken\]/);
  assert.equal(vigie.pickAdapter(new window.URL('https://blog.example/article'), document).name, 'schema-org');
  assert.equal(vigie.platformOf(fakeAdapter({ platform: undefined })), 'fakebb');
});

test('classify items and capture metadata carry the adapter platform, not its name', async () => {
  const page = open(POSTS);
  await classified(page);
  const [message] = kinds(page, 'classify');
  assert.deepEqual(message.items.map((i) => i.platform), ['phpbb', 'phpbb', 'phpbb']);
  assert.deepEqual(validator.validate('classify-request', { items: message.items }), []);
});

test('a text that changes (« Voir plus » expanded) is classified again, once', async () => {
  const page = open([POSTS[2], { id: 'p4', text: 'Début du message…', more: true }]);
  await classified(page, 2);
  const post = page.document.querySelector('[data-id="p4"]');
  post.querySelector('vigie-badge').dispatchEvent(new page.window.Event('pointerenter')); // the CM looks at the badge
  assert.match(post.querySelector('vigie-badge').shadowRoot.textContent, /Texte tronqué/);
  post.querySelector('.body').textContent = 'Début du message… et je veux mon remboursement.';
  post.querySelector('.more').remove();
  await waitFor(() => post.getAttribute('data-vigie-risk') === 'low', { what: 'new risk' });
  const batches = kinds(page, 'classify');
  assert.equal(batches.length, 2);
  assert.deepEqual(batches[1].items.map((i) => i.text), ['Début du message… et je veux mon remboursement.']);
  assert.equal(post.querySelectorAll('vigie-badge').length, 1);
  assert.doesNotMatch(post.querySelector('vigie-badge').shadowRoot.textContent, /Texte tronqué/);
  await page.vigie.running.scan();
  assert.equal(kinds(page, 'classify').length, 2, 'an unchanged text is not sent again');
});

test('SPA navigation: leaving the pages the adapter reads removes every badge and attribute; coming back resumes', async () => {
  const page = open(POSTS);
  const { window, document } = page;
  await classified(page);
  window.history.pushState({}, '', '/settings');
  document.body.append(document.createElement('div')); // the SPA renders its new page
  await waitFor(() => window.vigie.running === undefined, { what: 'core stopped' });
  assert.equal(document.querySelector('vigie-badge'), null);
  assert.equal(document.querySelector('[data-vigie-risk], [data-vigie-post-id]'), null);
  assert.equal((await page.tell({ type: 'status' })).recognized, false);

  window.history.pushState({}, '', '/forum/t/42');
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  await classified(page);
  assert.equal(kinds(page, 'classify').length, 1, 'the texts were classified before: nothing is sent again');
});

test('SPA navigation between pages the adapter reads rescans the new posts', async () => {
  const page = open(POSTS);
  const { window, document } = page;
  await classified(page);
  window.history.pushState({}, '', '/forum/t/43');
  document.getElementById('posts').innerHTML = '<div class="post" data-id="p9"><b class="author">Léo</b><div class="body">Nouveau sujet ?</div></div>';
  await waitFor(() => document.querySelector('[data-id="p9"]').getAttribute('data-vigie-risk') === 'low', { what: 'new page classified' });
  assert.equal(window.vigie.running.status().postsFound, 1);
});

test('the popup\'s status: engine, posts, counts by risk; only the extension\'s own pages get an answer', async () => {
  const page = open(POSTS);
  await classified(page);
  const status = await page.tell({ type: 'status' });
  assert.equal(status.recognized, true);
  assert.equal(status.adapter, 'fakebb');
  assert.equal(status.platform, 'phpbb');
  assert.equal(status.enabled, true);
  assert.equal(status.postsFound, 3);
  assert.deepEqual(status.counts, { critical: 1, high: 0, medium: 0, low: 1, none: 1, pending: 0 });
  assert.deepEqual(status.problems, []);
  const tab = { id: RUNTIME_ID, url: 'https://forum.example/forum/t/42', tab: { id: 3, windowId: 1 } };
  await assert.rejects(page.tell({ type: 'status' }, tab), /Receiving end/);
  await assert.rejects(page.tell({ type: 'status' }, { id: 'someotherextensionid', url: 'chrome-extension://someotherextensionid/x.html' }));
  await assert.rejects(page.tell({ type: 'site', enabled: 'no' }));
});

test('the per-site switch: off in storage means nothing sent and no badge; toggling stops and starts the tab', async () => {
  const page = open(POSTS, { storage: { [siteKey('forum.example')]: false } });
  await sleep(300);
  assert.equal(page.messages.length, 0);
  assert.equal(page.document.querySelector('vigie-badge'), null);
  const off = await page.tell({ type: 'status' });
  assert.equal(off.recognized, true);
  assert.equal(off.enabled, false);

  const on = await page.tell({ type: 'site', enabled: true });
  assert.equal(on.enabled, true);
  await classified(page);
  await page.tell({ type: 'site', enabled: false });
  assert.equal(page.document.querySelector('vigie-badge'), null);
  assert.equal(page.document.querySelector('[data-vigie-risk], [data-vigie-post-id]'), null);
  page.document.getElementById('posts').append(page.document.createElement('div'));
  await sleep(300);
  assert.equal(page.document.querySelector('vigie-badge'), null, 'a stopped core does not redraw on mutations');
});

test('dormant where no adapter recognises the page: no listener, no message, no badge', async () => {
  const page = open(POSTS, { url: 'https://news.example/article' });
  await sleep(300);
  assert.equal(page.listeners.length, 0);
  assert.equal(page.messages.length, 0);
  assert.equal(page.document.querySelector('vigie-badge'), null);
  assert.equal(page.window.vigie.running, undefined);
  await assert.rejects(page.tell({ type: 'status' }), /Receiving end/);
});

/** A core started by hand, with a short no-post delay. */
function coreOn(posts, adapter = fakeAdapter(), noPostsAfterMs = 60) {
  const page = open(posts, { adapters: [adapter], scripts: CORE });
  const core = page.vigie.createCore({
    window: page.window, adapter, noPostsAfterMs, sendMessage: (m) => page.window.chrome.runtime.sendMessage(m),
  });
  core.start();
  return { ...page, core };
}

/** The body the worker would post for a health message, checked against the shared schema. */
function assertValidReport(message) {
  const report = buildHealthReport(message, { extensionVersion: '0.1.0' });
  assert.deepEqual(validator.validate('adapter-health', report), [], JSON.stringify(report));
  return report;
}

test('canary no_posts: a recognised page without posts is reported once, without its query or fragment', async () => {
  const page = coreOn([]);
  const [health] = await waitFor(() => kinds(page, 'health').length > 0 && kinds(page, 'health'), { what: 'health' });
  assert.deepEqual(health, {
    type: 'health', adapter: 'fakebb', platform: 'phpbb', problem: 'no_posts', pageUrl: 'https://forum.example/forum/t/42', postsFound: 0,
  });
  assertValidReport(health);
  assert.deepEqual(plain(page.core.status().problems), [{ problem: 'no_posts' }]);
  page.document.body.append(page.document.createElement('p'));
  await sleep(300);
  assert.equal(kinds(page, 'health').length, 1, 'once per problem per page load');
  page.document.getElementById('posts').innerHTML = forum([POSTS[2]]).match(/<main id="posts">(.*)<\/main>/)[1];
  await waitFor(() => page.core.status().problems.length === 0, { what: 'problem cleared' });
});

test('canary empty_author: posts read without an author name', async () => {
  const page = coreOn([{ id: 'a1', text: 'Bonjour', author: '' }, { id: 'a2', text: 'Salut', author: ' ' }, POSTS[2]]);
  const health = await waitFor(() => kinds(page, 'health').find((m) => m.problem === 'empty_author'), { what: 'empty_author' });
  assert.equal(health.affected, 2);
  assert.equal(health.postsFound, 3);
  assertValidReport(health);
});

test('canary empty_text: one photo-only post is normal, half of three or more posts without text is not', async () => {
  const normal = coreOn([{ id: 't1', text: '' }, POSTS[1], POSTS[2]]);
  await classified(normal);
  await sleep(200);
  assert.equal(kinds(normal, 'health').length, 0);

  const broken = coreOn([{ id: 't1', text: '' }, { id: 't2', text: ' ' }, POSTS[2]]);
  const health = await waitFor(() => kinds(broken, 'health').find((m) => m.problem === 'empty_text'), { what: 'empty_text' });
  assert.equal(health.affected, 2);
  assertValidReport(health);
  assert.deepEqual(plain(broken.core.status().problems), [{ problem: 'empty_text', affected: 2 }]);
});

test('the popup sees the canary\'s problems in the status', async () => {
  const page = open([{ id: 'a1', text: 'Bonjour', author: '' }]);
  await classified(page, 1);
  const status = await page.tell({ type: 'status' });
  assert.deepEqual(status.problems, [{ problem: 'empty_author', affected: 1 }]);
});

test('only language tags the server accepts are sent', async () => {
  const { openPage } = await import('./helpers/page.mjs');
  const { vigie } = openPage('<html><body></body></html>', { url: 'https://example.org/' });
  assert.equal(vigie.languageTag('fr'), 'fr');
  assert.equal(vigie.languageTag('fr-be'), 'fr-BE');
  assert.equal(vigie.languageTag('zh-Hant-TW'), 'zh');
  assert.equal(vigie.languageTag('und'), null);
  assert.equal(vigie.languageTag('qme'), null);
  assert.equal(vigie.languageTag(''), null);
  assert.equal(vigie.languageTag(null), null);
});
