import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, openPage } from './helpers/page.mjs';

const HTML = fixture('x/home-timeline.html');
const EXPECTED = JSON.parse(fixture('x/home-timeline.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/x.js'];

/** jsdom objects come from another realm: compare their JSON, not the objects. */
const plain = (value) => JSON.parse(JSON.stringify(value));

function xAdapter(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'x') };
}

test('extracts every post of the saved home timeline as the expected file says', () => {
  const { adapter, document, warnings } = xAdapter();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('isPost says of every element what findPosts of its parent says', () => {
  const { adapter, document } = xAdapter();
  for (const el of Array.from(document.body.querySelectorAll('*'))) {
    assert.equal(adapter.isPost(el), adapter.findPosts(el.parentElement).includes(el), el.outerHTML.slice(0, 80));
  }
});

test('finds tweets only, not the Who to follow cells nor trends', () => {
  const { adapter, document } = xAdapter();
  const posts = adapter.findPosts(document);
  assert.equal(posts.length, EXPECTED.posts.length);
  for (const selector of EXPECTED.notPosts) {
    assert.ok(document.querySelector(selector), `fixture has ${selector}`);
    assert.ok(posts.every((post) => !post.querySelector(selector) && !post.closest(selector)));
  }
});

test('keeps the quoted tweet out of the quoting post', () => {
  const { adapter, document } = xAdapter();
  const quoting = adapter.findPosts(document).find((post) => post.querySelector('div[role="link"] [data-testid="tweetText"]'));
  const extraction = adapter.extract(quoting);
  assert.equal(extraction.author.handle, '@julien_rvl');
  assert.doesNotMatch(extraction.text, /collection/);
  assert.doesNotMatch(extraction.author.name, /Maison Durand/);
});

test('resolves root-relative links against x.com even on twitter.com', () => {
  const { adapter, document } = xAdapter('https://mobile.twitter.com/home');
  const first = adapter.extract(adapter.findPosts(document)[0]);
  assert.equal(first.permalink, 'https://x.com/lucie_m/status/1790000000000000001');
  assert.equal(first.author.profileUrl, 'https://x.com/lucie_m');
});

test('matches X hosts only', () => {
  const { adapter } = xAdapter();
  for (const url of ['https://x.com/home', 'https://twitter.com/a/status/1', 'https://mobile.twitter.com/home']) {
    assert.equal(adapter.matches(new URL(url)), true, url);
  }
  for (const url of ['https://www.facebook.com/', 'https://notx.com/home', 'https://x.com.evil.example/home']) {
    assert.equal(adapter.matches(new URL(url)), false, url);
  }
});

test('a post whose author block is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = xAdapter();
  const post = adapter.findPosts(document)[0];
  post.querySelector('[data-testid="User-Name"]').removeAttribute('data-testid');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:x\] .*User-Name/);
});

test('a post without a status link is reported, never keyed on a made-up id', () => {
  const { adapter, document, warnings } = xAdapter();
  const post = adapter.findPosts(document)[1];
  post.querySelector('a[href*="/status/"] > time').parentElement.remove();
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:x\] .*time\[datetime\]/);
});

test('a photo-only post has an empty text and no language, without a warning', () => {
  const { adapter, document, warnings } = xAdapter();
  const photo = adapter.findPosts(document).find((post) => post.querySelector('[data-testid="tweetPhoto"]'));
  const extraction = adapter.extract(photo);
  assert.equal(extraction.text, '');
  assert.equal(extraction.lang, null);
  assert.deepEqual(warnings, []);
});

const STATUS = { html: fixture('x/status-page.html'), expected: JSON.parse(fixture('x/status-page.expected.json')) };
const MENTIONS = {
  html: fixture('x/notifications-mentions.html'),
  expected: JSON.parse(fixture('x/notifications-mentions.expected.json')),
};

for (const [name, page] of [['status page', STATUS], ['mentions tab (French UI)', MENTIONS]]) {
  test(`extracts every post of the saved ${name} as the expected file says`, () => {
    const { adapter, document, warnings } = xAdapter(page.expected.url, page.html);
    const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
    assert.deepEqual(plain(extracted), page.expected.posts);
    assert.deepEqual(warnings, []);
  });
}

test('names the shared-schema platform x', () => {
  assert.equal(xAdapter().adapter.platform, 'x');
});

test('on a status page the focal tweet is found by tabindex="-1" and its date link under the text', () => {
  const { adapter, document } = xAdapter(STATUS.expected.url, STATUS.html);
  const focal = document.querySelector('article[data-testid="tweet"][tabindex="-1"]');
  assert.ok(focal, 'fixture has a focal tweet');
  assert.equal(focal.querySelector('[data-testid="User-Name"] time'), null, 'no time in the focal User-Name');
  const extraction = adapter.extract(focal);
  assert.equal(extraction.id, STATUS.expected.focalId);
  assert.equal(extraction.parentId, null);
  assert.equal(extraction.publishedAt, '2026-11-21T08:02:00.000Z');
});

test('replies below the focal tweet answer it; Discover more cells, after their heading, answer nothing', () => {
  const { adapter, document } = xAdapter(STATUS.expected.url, STATUS.html);
  assert.ok(document.querySelector('[data-testid="cellInnerDiv"] h2'), 'fixture has the Discover more heading cell');
  assert.ok(Array.from(document.querySelectorAll('button')).some((b) => /Show probable spam/.test(b.textContent)));
  const byId = new Map(adapter.findPosts(document).map((post) => [adapter.extract(post).id, adapter.extract(post)]));
  const discover = new Set(STATUS.expected.discoverMore);
  assert.equal(discover.size, 2);
  for (const [id, extraction] of byId) {
    const want = id === STATUS.expected.focalId || discover.has(id) ? null : STATUS.expected.focalId;
    assert.equal(extraction.parentId, want, id);
  }
});

test('replies are told from recommendations by translateY, not by DOM order (cells are recycled)', () => {
  const { adapter, document } = xAdapter(STATUS.expected.url, STATUS.html);
  const cells = Array.from(document.querySelectorAll('[data-testid="cellInnerDiv"]'));
  const list = cells[0].parentElement;
  // Reverse the DOM order: the heading cell now comes before every reply in the DOM.
  for (const cell of cells.reverse()) list.append(cell);
  const parents = Object.fromEntries(adapter.findPosts(document).map((post) => {
    const extraction = adapter.extract(post);
    return [extraction.id, extraction.parentId];
  }));
  assert.deepEqual(parents, Object.fromEntries(STATUS.expected.posts.map((p) => [p.id, p.parentId])));
});

test('once the focal cell is unmounted by scrolling, replies still answer the tweet the address names', () => {
  const { adapter, document } = xAdapter(STATUS.expected.url, STATUS.html);
  document.querySelector('article[tabindex="-1"]').closest('[data-testid="cellInnerDiv"]').remove();
  const extractions = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extractions.map((e) => e.parentId)), STATUS.expected.posts.slice(1).map((p) => p.parentId));
});

test('timelines and the mentions tab give no parent', () => {
  for (const page of [{ expected: EXPECTED, html: HTML }, MENTIONS]) {
    const { adapter, document } = xAdapter(page.expected.url, page.html);
    assert.ok(adapter.findPosts(document).every((post) => adapter.extract(post).parentId === null));
  }
});

/** Counts of the first post once its action bar says label. */
function countsFor(label) {
  const { adapter, document } = xAdapter();
  const post = adapter.findPosts(document)[0];
  post.querySelector('[role="group"][aria-label]').setAttribute('aria-label', label);
  return plain(adapter.extract(post).counts);
}

test('reads the counters of English action bar labels, abbreviations and separators included', () => {
  assert.deepEqual(countsFor('3 replies, 1 repost, 22 likes, 1 bookmark, 1178 views'), { replies: 3, reposts: 1, likes: 22 });
  assert.deepEqual(countsFor('1 reply, 1.2K reposts, 2,531 likes, 184306 views'), { replies: 1, reposts: 1200, likes: 2531 });
  assert.deepEqual(countsFor('12.5K likes, 3M views'), { likes: 12500 });
  assert.deepEqual(countsFor('2 Replies, 4 Reposts, 1.5M Likes'), { replies: 2, reposts: 4, likes: 1500000 });
});

test('reads the counters of French action bar labels, thin spaces and « k » included', () => {
  assert.deepEqual(countsFor('3 réponses, 1 repost, 22 J\'aime, 1 signet, 1\u202f178 vues'), { replies: 3, reposts: 1, likes: 22 });
  assert.deepEqual(countsFor('1 réponse, 12 reposts, 1,2 k J’aime, 98,4 k vues'), { replies: 1, reposts: 12, likes: 1200 });
  assert.deepEqual(countsFor('2\u00a0345 réponses, 1 234 J\'aime'), { replies: 2345, likes: 1234 });
  assert.deepEqual(countsFor('4 J\'aime, 65 vues'), { likes: 4 });
});

test('an empty or missing action bar gives empty counts; a quoted card never lends its counters', () => {
  assert.deepEqual(countsFor(''), {});
  const { adapter, document } = xAdapter();
  const post = adapter.findPosts(document)[0];
  post.querySelector('[role="group"][aria-label]').remove();
  assert.deepEqual(plain(adapter.extract(post).counts), {});
  const quoting = adapter.findPosts(document).find((p) => p.querySelector('div[role="link"] [data-testid="tweetText"]'));
  const card = quoting.querySelector('div[role="link"]');
  quoting.querySelector('[role="group"][aria-label]').remove();
  card.insertAdjacentHTML('beforeend', '<div role="group" aria-label="99 replies, 99 reposts, 99 likes"></div>');
  assert.deepEqual(plain(adapter.extract(quoting).counts), {});
});

test('matches stays host-based on every X page kind', () => {
  const { adapter } = xAdapter();
  for (const url of [STATUS.expected.url, MENTIONS.expected.url, 'https://twitter.com/MaisonDurand/status/1', 'https://mobile.twitter.com/notifications/mentions']) {
    assert.equal(adapter.matches(new URL(url)), true, url);
  }
  assert.equal(adapter.matches(new URL('https://example.com/MaisonDurand/status/1790100000000000001')), false);
});
