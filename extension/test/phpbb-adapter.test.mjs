import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const NAME = 'phpbb';
const HTML = fixture('phpbb/viewtopic.html');
const EXPECTED = JSON.parse(fixture('phpbb/viewtopic.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/phpbb.js'];

function phpbb(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === NAME) };
}

test('extracts every post of the saved topic as the expected file says', () => {
  const { adapter, document, warnings } = phpbb();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
  assert.equal(adapter.platform, 'phpbb');
});

test('the long-post page (a post three viewports tall, for the e2e slice capture) reads as its expected file says', () => {
  const expected = JSON.parse(fixture('phpbb/long-post.expected.json'));
  const { adapter, document, warnings } = phpbb(expected.url, fixture('phpbb/long-post.html'));
  assert.deepEqual(plain(adapter.findPosts(document).map((post) => adapter.extract(post))), expected.posts);
  assert.deepEqual(warnings, []);
  assert.deepEqual(expected.posts.slice(1), EXPECTED.posts.slice(1), 'only the first post differs from the topic');
  assert.match(expected.posts[0].text, /^Bonjour à tous, .* Jour 1 : .* Jour 40 : /);
});

test('recognises a prosilver topic on any domain, from the page itself', () => {
  for (const url of [EXPECTED.url, 'https://www.autre-forum.example/communaute/viewtopic.php?t=12', 'http://192.168.1.20/forum/viewtopic.php?p=3']) {
    const { adapter, document } = phpbb(url);
    assert.equal(adapter.matches(new URL(url), document), true, url);
  }
});

test('does not match the other sites and engines, a plain page nor the board index', () => {
  for (const other of otherFixtures('phpbb')) {
    const { adapter, document } = phpbb(other.url, other.html);
    assert.equal(adapter.matches(new URL(other.url), document), false, other.name);
  }
  const plainPage = phpbb('https://forum.exemple-conso.fr/viewtopic.php?t=4821', '<html><body><p>Bonjour</p></body></html>');
  assert.equal(plainPage.adapter.matches(new URL(plainPage.window.location.href), plainPage.document), false);
  const index = phpbb('https://forum.exemple-conso.fr/index.php', HTML.replace('section-viewtopic', 'section-index'));
  assert.equal(index.adapter.matches(new URL(index.window.location.href), index.document), false);
});

test('keeps quotes and signatures out of the text, and the guest without a profile link', () => {
  const { adapter, document } = phpbb();
  const [first, , guest] = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.doesNotMatch(first.text, /Lyon 3e/, 'signature');
  assert.equal(guest.author.name, 'Marc (invité)');
  assert.equal(guest.author.profileUrl, null);
  assert.doesNotMatch(guest.text, /a écrit|ne répond plus aux mails/, 'quote');
});

test('a page opened from a post link (?p=) takes the topic id from the topic title link', () => {
  const { adapter, document } = phpbb('https://forum.exemple-conso.fr/viewtopic.php?p=51252#p51252');
  const posts = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(posts.map((post) => post.parentId), posts.map(() => '4821'));
});

test('session ids of cookieless visitors are dropped from permalinks and profile links', () => {
  const sid = '&amp;sid=0f3a9c2b7e1d4f6a8b5c3d2e1f0a9b8c';
  const html = HTML.replace('href="./viewtopic.php?p=51234#p51234" title="Message"', `href="./viewtopic.php?p=51234${sid}#p51234" title="Message"`)
    .replaceAll('href="./memberlist.php?mode=viewprofile&amp;u=1542" class="username"', `href="./memberlist.php?mode=viewprofile&amp;u=1542${sid}" class="username"`);
  assert.equal(html.split('sid=').length - 1, 3, 'the session id is in the fixture links');
  const { adapter, document } = phpbb(EXPECTED.url, html);
  const first = adapter.extract(adapter.findPosts(document)[0]);
  assert.equal(first.permalink, EXPECTED.posts[0].permalink);
  assert.equal(first.author.profileUrl, EXPECTED.posts[0].author.profileUrl);
});

test('a post whose author column is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = phpbb();
  const post = adapter.findPosts(document)[0];
  post.querySelector('dl.postprofile').classList.remove('postprofile');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:phpbb\] .*dl\.postprofile/);
});

test('a post without its time or its body is reported, never given a made-up date or an empty text', () => {
  const { adapter, document, warnings } = phpbb();
  const [first, second] = adapter.findPosts(document);
  first.querySelector('p.author time').remove();
  second.querySelector('div.content').classList.remove('content');
  assert.equal(adapter.extract(first), null);
  assert.equal(adapter.extract(second), null);
  assert.match(warnings[0], /^\[vigie:phpbb\] .*time\[datetime\]/);
  assert.match(warnings[1], /^\[vigie:phpbb\] .*div\.content/);
});
