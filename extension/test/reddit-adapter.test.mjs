import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('reddit/post-comments.html');
const EXPECTED = JSON.parse(fixture('reddit/post-comments.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/reddit.js'];

function redditAdapter(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'reddit') };
}

/** The URL an expected file names, or a neutral one while another fixture is still being written. */
function servedAt(expectedPath) {
  try {
    return JSON.parse(readFileSync(expectedPath, 'utf8')).url ?? 'https://example.org/';
  } catch {
    return 'https://example.org/';
  }
}

test('extracts the post and every comment of the saved thread as the expected file says', () => {
  const { adapter, document, warnings } = redditAdapter();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('finds nested replies as posts of their own, in page order, and no loader or action row', () => {
  const { adapter, document } = redditAdapter();
  const posts = adapter.findPosts(document);
  assert.deepEqual(plain(posts.map((p) => p.getAttribute('thingid') ?? p.id)), EXPECTED.posts.map((p) => p.id));
  assert.ok(posts.some((p) => p.getAttribute('depth') === '2'), 'the fixture nests replies two deep');
  for (const selector of EXPECTED.notPosts) {
    assert.ok(document.querySelector(selector), `fixture has ${selector}`);
    assert.ok(posts.every((post) => !post.matches(selector)));
  }
});

test('a comment keeps its own text, not its replies\' nor the quote it answers', () => {
  const { adapter, document } = redditAdapter();
  const [, first, , quoting] = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.doesNotMatch(first.text, /désolés|Appelez-moi/);
  assert.match(quoting.text, /06 12 34 56 78/);
  assert.doesNotMatch(quoting.text, /Pouvez-vous/);
});

test('a collapsed comment is still read: its body stays in the DOM', () => {
  const { adapter, document } = redditAdapter();
  const collapsed = document.querySelector('shreddit-comment[collapsed]');
  assert.match(adapter.extract(collapsed).text, /^Bande d'escrocs/);
});

test('the post text is its title, a blank line, then its body', () => {
  const { adapter, document } = redditAdapter();
  const post = adapter.extract(document.querySelector('shreddit-post'));
  assert.ok(post.text.startsWith('Maison Durand : service client injoignable depuis trois semaines\n\nBonjour'));
  assert.deepEqual(plain(post.counts), { likes: 37, replies: 9 });
});

test('without its post-title attribute, the title comes from the slotted heading', () => {
  const { adapter, document, warnings } = redditAdapter();
  const element = document.querySelector('shreddit-post');
  element.removeAttribute('post-title');
  assert.equal(adapter.extract(element).text, EXPECTED.posts[0].text);
  assert.deepEqual(warnings, []);
});

test('matches new Reddit pages on Reddit hosts only', () => {
  const { adapter, document } = redditAdapter();
  for (const url of ['https://www.reddit.com/r/france/', 'https://reddit.com/r/france/', 'https://new.reddit.com/r/france/']) {
    assert.equal(adapter.matches(new URL(url), document), true, url);
  }
  for (const url of ['https://old.reddit.com/r/france/', 'https://reddit.com.evil.example/r/france/', 'https://x.com/home']) {
    assert.equal(adapter.matches(new URL(url), document), false, url);
  }
});

test('does not match a plain page, a Reddit page without shreddit markup, nor any other fixture', () => {
  const plainPage = redditAdapter('https://www.reddit.com/prefs', '<!DOCTYPE html><html><body><p>Bonjour</p></body></html>');
  assert.equal(plainPage.adapter.matches(plainPage.window.location, plainPage.document), false);
  const others = otherFixtures('reddit');
  assert.ok(others.some((other) => other.name.startsWith('old-reddit/')), 'the old-Reddit fixture is among them');
  for (const other of others) {
    const { adapter, window, document } = redditAdapter(other.url, fixture(other.name));
    assert.equal(adapter.matches(window.location, document), false, other.name);
  }
});

test('a comment whose body slot is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = redditAdapter();
  const comment = document.querySelector('shreddit-comment[thingid="t1_m8k6e4s"]');
  comment.querySelector(':scope > [slot="comment"]').removeAttribute('slot');
  assert.equal(adapter.extract(comment), null);
  assert.equal(adapter.extract(comment), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:reddit\] .*\[slot="comment"\]/);
  // Its reply still has its own body.
  assert.match(adapter.extract(document.querySelector('shreddit-comment[thingid="t1_m8k7f1u"]')).text, /3114/);
});

test('a post without its t3_ id is reported, never keyed on a made-up id', () => {
  const { adapter, document, warnings } = redditAdapter();
  const post = document.querySelector('shreddit-post');
  post.removeAttribute('id');
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:reddit\] .*shreddit-post\[id/);
});

test('the time falls back to faceplate-timeago, and a comment with no date at all is still read, with a warning', () => {
  const { adapter, document, warnings } = redditAdapter();
  const comment = document.querySelector('shreddit-comment[thingid="t1_m8k9h3w"]');
  comment.removeAttribute('created');
  assert.equal(adapter.extract(comment).publishedAt, '2026-11-20T19:02:44.925Z');
  assert.deepEqual(warnings, []);
  comment.querySelector('faceplate-timeago').remove();
  const extraction = adapter.extract(comment);
  assert.equal(extraction.publishedAt, null);
  assert.match(extraction.text, /canapé/);
  assert.match(warnings[0], /^\[vigie:reddit\] .*created/);
});

test('a deleted comment is skipped without a warning', () => {
  const { adapter, document, warnings } = redditAdapter();
  const comment = document.querySelector('shreddit-comment[thingid="t1_m8k8g6v"]');
  comment.setAttribute('author', '[deleted]');
  assert.equal(adapter.extract(comment), null);
  assert.deepEqual(warnings, []);
});

test('the badge goes into the slotted author line of each post, never into a reply', () => {
  const { adapter, document } = redditAdapter();
  for (const post of adapter.findPosts(document)) {
    const anchor = adapter.badgeAnchor(post);
    assert.ok(anchor.matches('[slot="commentMeta"], [slot="credit-bar"]'));
    assert.equal(anchor.closest('shreddit-post, shreddit-comment'), post);
  }
});
