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
