import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('old-reddit/thread-comments.html');
const EXPECTED = JSON.parse(fixture('old-reddit/thread-comments.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/old-reddit.js'];

function oldRedditAdapter(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'old-reddit') };
}

/** The URL an expected file names, or a neutral one while another fixture is still being written. */
function servedAt(expectedPath) {
  try {
    return JSON.parse(readFileSync(expectedPath, 'utf8')).url ?? 'https://example.org/';
  } catch {
    return 'https://example.org/';
  }
}

test('extracts the link and every live comment of the saved thread as the expected file says', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post)).filter(Boolean);
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('finds nested comments in page order, and neither "load more comments" nor the sidebar', () => {
  const { adapter, document } = oldRedditAdapter();
  const posts = adapter.findPosts(document);
  const live = posts.filter((post) => !post.classList.contains('deleted'));
  assert.deepEqual(plain(live.map((p) => p.getAttribute('data-fullname'))), EXPECTED.posts.map((p) => p.id));
  assert.ok(document.querySelector('.child > .sitetable > .thing.comment .child > .sitetable > .thing.comment'), 'replies nest two deep');
  for (const selector of EXPECTED.notPosts) {
    assert.ok(document.querySelector(selector), `fixture has ${selector}`);
    assert.ok(posts.every((post) => !post.matches(selector)));
  }
  const texts = EXPECTED.posts.map((p) => p.text).join('\n');
  assert.doesNotMatch(texts, /Bienvenue sur r\/france|load more comments|add to the discussion/);
});

test('a comment keeps its own text, not its replies\' nor the quote it answers', () => {
  const { adapter, document } = oldRedditAdapter();
  const byId = (id) => adapter.extract(document.querySelector(`.thing[data-fullname="${id}"]`));
  assert.doesNotMatch(byId('t1_m8k2x1a').text, /désolés|Appelez-moi/);
  assert.match(byId('t1_m8k4c2z').text, /06 12 34 56 78/);
  assert.doesNotMatch(byId('t1_m8k4c2z').text, /Pouvez-vous/);
});

test('a collapsed comment is still read: only CSS hides its body', () => {
  const { adapter, document } = oldRedditAdapter();
  assert.match(adapter.extract(document.querySelector('.thing.comment.collapsed')).text, /^Bande d'escrocs/);
});

test('a deleted comment is skipped without a warning, and its reply still points to it', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const deleted = document.querySelector('.thing.comment.deleted');
  assert.equal(adapter.extract(deleted), null);
  const reply = adapter.extract(deleted.querySelector('.child .thing.comment'));
  assert.equal(reply.parentId, 't1_m8kaj2p');
  assert.deepEqual(warnings, []);
});

test('matches old Reddit markup on old.reddit.com and on www for accounts that kept the old design', () => {
  const { adapter, document } = oldRedditAdapter();
  for (const url of ['https://old.reddit.com/r/france/', 'https://www.reddit.com/r/france/', 'https://reddit.com/r/france/']) {
    assert.equal(adapter.matches(new URL(url), document), true, url);
  }
  for (const url of ['https://old.reddit.com.evil.example/r/france/', 'https://forum.example.fr/r/france/']) {
    assert.equal(adapter.matches(new URL(url), document), false, url);
  }
});

test('does not match a plain page, an old.reddit.com page without things, nor any other fixture', () => {
  const empty = oldRedditAdapter('https://old.reddit.com/prefs/', '<!DOCTYPE html><html><body><div class="content"><p>Préférences</p></div></body></html>');
  assert.equal(empty.adapter.matches(empty.window.location, empty.document), false);
  const others = otherFixtures('old-reddit');
  assert.ok(others.some((other) => other.name.startsWith('reddit/')), 'the new-Reddit fixture is among them');
  for (const other of others) {
    const { adapter, window, document } = oldRedditAdapter(other.url, fixture(other.name));
    assert.equal(adapter.matches(window.location, document), false, other.name);
  }
});

test('a comment whose body is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const comment = document.querySelector('.thing[data-fullname="t1_m8k6e4s"]');
  comment.querySelector(':scope > .entry .usertext-body > .md').classList.remove('md');
  assert.equal(adapter.extract(comment), null);
  assert.equal(adapter.extract(comment), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:old-reddit\] .*\.usertext-body > \.md/);
  // Its reply, in .child, still has its own body.
  assert.match(adapter.extract(document.querySelector('.thing[data-fullname="t1_m8k7f1u"]')).text, /3114/);
});

test('a thing without data-author that is not marked deleted is drift, reported', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const link = document.querySelector('.thing.link');
  link.removeAttribute('data-author');
  assert.equal(adapter.extract(link), null);
  assert.match(warnings[0], /^\[vigie:old-reddit\] .*data-author/);
});

test('a promoted link is an ad, not a post', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const link = document.querySelector('.thing.link');
  link.classList.add('promoted');
  link.setAttribute('data-promoted', 'true');
  assert.equal(adapter.extract(link), null);
  assert.deepEqual(warnings, []);
});

test('the link falls back to data-timestamp when its tagline has no time', () => {
  const { adapter, document, warnings } = oldRedditAdapter();
  const link = document.querySelector('.thing.link');
  link.querySelector('.tagline time').remove();
  assert.equal(adapter.extract(link).publishedAt, '2026-11-20T17:02:11.512Z');
  assert.deepEqual(warnings, []);
});

test('the badge goes into the thing\'s own entry, never into a reply', () => {
  const { adapter, document } = oldRedditAdapter();
  for (const post of adapter.findPosts(document)) {
    const anchor = adapter.badgeAnchor(post);
    assert.ok(anchor.matches('.entry'));
    assert.equal(anchor.parentElement, post);
  }
});
