import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('xenforo/thread.html');
const EXPECTED = JSON.parse(fixture('xenforo/thread.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/xenforo.js'];

function xenforo(html = HTML, url = EXPECTED.url) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'xenforo') };
}

test('extracts every post of the thread page as the expected file says, without warnings', () => {
  const { adapter, document, warnings } = xenforo();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('declares the xenforo platform', () => {
  assert.equal(xenforo().adapter.platform, 'xenforo');
});

test('matches a XenForo thread on any domain, from html#XF', () => {
  const { adapter, window, document } = xenforo(HTML, 'https://www.club-inconnu.example/threads/x.1/');
  assert.equal(adapter.matches(window.location, document), true);
});

test('does not match the admin panel, the other fixtures nor a plain page', () => {
  const admin = HTML.replace('data-app="public"', 'data-app="admin"');
  const { adapter, window, document } = xenforo(admin);
  assert.equal(adapter.matches(window.location, document), false);
  for (const other of otherFixtures('xenforo')) {
    const page = xenforo(other.html, other.url);
    assert.equal(page.adapter.matches(page.window.location, page.document), false, other.name);
  }
  const blank = xenforo('<!DOCTYPE html><html><body><article class="message"><p>Bonjour</p></article></body></html>', 'https://forum.exemple-tech.fr/');
  assert.equal(blank.adapter.matches(blank.window.location, blank.document), false);
});

test('keeps the signature and the quote out of the text', () => {
  const { adapter, document } = xenforo();
  const posts = adapter.findPosts(document);
  const signed = posts.find((post) => post.querySelector('.message-signature') && post.querySelector('blockquote'));
  const extraction = adapter.extract(signed);
  assert.ok(signed.querySelector('.message-signature .bbWrapper'), 'the signature has its own .bbWrapper');
  assert.doesNotMatch(extraction.text, /lundi au vendredi|maison-durand\.example|a dit|Cliquez pour agrandir|fuit par le dessous/);
  assert.match(extraction.text, /^Bonjour Karine/);
});

test('the signature is never taken for the text, even when it comes first in the post', () => {
  const { adapter, document } = xenforo();
  const post = adapter.findPosts(document)[0];
  const content = post.querySelector('.message-content');
  content.prepend(post.querySelector('.message-signature'));
  assert.equal(adapter.extract(post).text, EXPECTED.posts[0].text);
});

test('names in the reactions bar are not authors', () => {
  const { adapter, document } = xenforo();
  const reacted = adapter.findPosts(document).find((post) => post.querySelectorAll('.reactionsBar bdi').length > 1);
  const extraction = adapter.extract(reacted);
  assert.equal(extraction.author.name, 'Bricoleur38');
  assert.doesNotMatch(extraction.text, /Karine_75|autres/);
});

test('a guest post has a name and no profile URL', () => {
  const { adapter, document } = xenforo();
  const guest = adapter.findPosts(document).find((post) => post.querySelector('.message-name span.username'));
  assert.deepEqual(plain(adapter.extract(guest).author), { name: 'Sandrine', handle: null, profileUrl: null });
});

test('reads the time from data-timestamp, not the colon-less datetime offset', () => {
  const { adapter, document } = xenforo();
  const post = adapter.findPosts(document)[0];
  assert.equal(post.querySelector('time.u-dt').getAttribute('datetime'), '2026-11-12T09:14:00+0100');
  assert.equal(adapter.extract(post).publishedAt, '2026-11-12T08:14:00.000Z');
});

test('XenForo 2.0 markup, with the class on the date link itself, still gives the permalink', () => {
  const { adapter, document, warnings } = xenforo();
  const post = adapter.findPosts(document)[2];
  const list = post.querySelector('ul.message-attribution-main');
  const link = list.querySelector('a');
  link.className = 'message-attribution-main u-concealed';
  list.replaceWith(link);
  assert.equal(adapter.extract(post).permalink, EXPECTED.posts[2].permalink);
  assert.deepEqual(warnings, []);
});

test('a post whose body is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = xenforo();
  const post = adapter.findPosts(document)[1];
  post.querySelector('.message-body').classList.remove('message-body');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:xenforo\] .*\.message-body \.bbWrapper/);
});

test('a post without its date link is reported, never keyed without a permalink', () => {
  const { adapter, document, warnings } = xenforo();
  const post = adapter.findPosts(document)[3];
  post.querySelector('.message-attribution-main a').remove();
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:xenforo\] .*message-attribution-main/);
});
