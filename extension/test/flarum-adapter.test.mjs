import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('flarum/discussion.html');
const EXPECTED = JSON.parse(fixture('flarum/discussion.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/flarum.js'];

function flarum(html = HTML, url = EXPECTED.url) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'flarum') };
}

test('extracts every comment of the discussion as the expected file says, without warnings', () => {
  const { adapter, document, warnings } = flarum();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post)).filter(Boolean);
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('declares the flarum platform', () => {
  assert.equal(flarum().adapter.platform, 'flarum');
});

test('matches a Flarum page on any domain, from its boot payload or its loading markup', () => {
  const { adapter, window, document } = flarum(HTML, 'https://forum.autre-marque.example/d/1-x');
  assert.equal(adapter.matches(window.location, document), true);
  const withoutPayload = flarum(HTML.replace(/<script id="flarum-json-payload"[\s\S]*?<\/script>/, ''));
  assert.equal(withoutPayload.document.querySelector('script#flarum-json-payload'), null);
  assert.equal(withoutPayload.adapter.matches(withoutPayload.window.location, withoutPayload.document), true);
});

test('does not match the other fixtures nor a plain page with an #app.App', () => {
  for (const other of otherFixtures('flarum')) {
    const { adapter, window, document } = flarum(other.html, other.url);
    assert.equal(adapter.matches(window.location, document), false, other.name);
  }
  const { adapter, window, document } = flarum('<!DOCTYPE html><html><body><div id="app" class="App"><p>Bonjour</p></div></body></html>', 'https://discuter.exemple.fr/');
  assert.equal(adapter.matches(window.location, document), false);
});

test('the crawler copy in noscript#flarum-content gives no duplicate posts', () => {
  const { adapter, document } = flarum();
  const copies = document.querySelectorAll('noscript#flarum-content .Post-body');
  assert.ok(copies.length >= 4, 'the fixture parses the noscript copy as markup, as jsdom and crawlers do');
  const posts = adapter.findPosts(document);
  assert.ok(posts.every((post) => !post.closest('noscript')));
  const ids = posts.map((post) => post.getAttribute('data-id'));
  assert.equal(new Set(ids).size, ids.length);
});

test('event posts, loading placeholders and the reply placeholder are not posts, without warnings', () => {
  const { adapter, document, warnings } = flarum();
  const posts = adapter.findPosts(document);
  const event = posts.find((post) => post.getAttribute('data-type') !== 'comment');
  assert.ok(event, 'the fixture has an event post');
  assert.equal(adapter.extract(event), null);
  assert.ok(posts.every((post) => !post.querySelector('.LoadingPost, .ReplyPlaceholder')));
  assert.deepEqual(warnings, []);
});

test('keeps the quoted post out of the text', () => {
  const { adapter, document } = flarum();
  const quoting = adapter.findPosts(document).find((post) => post.querySelector('.Post-body blockquote'));
  const extraction = adapter.extract(quoting);
  assert.doesNotMatch(extraction.text, /moyen de paiement/);
  assert.match(extraction.text, /^Ça fait six semaines/);
});

test('builds the permalink from the page URL and data-number when the dropdown gives none', () => {
  const { adapter, document } = flarum(HTML, 'https://discuter.exemple.fr/forum/d/845-maison-durand-remboursement/4');
  const post = adapter.findPosts(document).find((el) => el.getAttribute('data-number') === '5');
  assert.equal(post.querySelector('.PostMeta-permalink'), null);
  const extraction = adapter.extract(post);
  assert.equal(extraction.permalink, 'https://discuter.exemple.fr/forum/d/845-maison-durand-remboursement/5');
  assert.equal(extraction.parentId, '845');
});

test('reads the permalink input as Mithril sets it (the value property)', () => {
  const { adapter, document } = flarum();
  const post = adapter.findPosts(document)[0];
  const input = post.querySelector('input.PostMeta-permalink');
  input.removeAttribute('value');
  input.value = 'https://discuter.exemple.fr/d/845/1';
  assert.equal(adapter.extract(post).permalink, 'https://discuter.exemple.fr/d/845/1');
});

test('a deleted author keeps the placeholder name and has no profile', () => {
  const { adapter, document } = flarum();
  const post = adapter.findPosts(document).find((el) => el.querySelector('.PostUser-name') && !el.querySelector('.PostUser-name a'));
  assert.deepEqual(plain(adapter.extract(post).author), { name: '[supprimé]', handle: null, profileUrl: null });
});

test('a comment whose body is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = flarum();
  const post = adapter.findPosts(document)[0];
  post.querySelector('.Post-body').className = 'Post-content';
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:flarum\] .*\.Post-body/);
});

test('a comment whose author name is missing is reported, not extracted', () => {
  const { adapter, document, warnings } = flarum();
  const post = adapter.findPosts(document)[1];
  post.querySelector('.PostUser-name .username').classList.remove('username');
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:flarum\] .*PostUser-name/);
});
