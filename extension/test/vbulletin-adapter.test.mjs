import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const NAME = 'vbulletin';
const HTML = fixture('vbulletin/thread.html');
const EXPECTED = JSON.parse(fixture('vbulletin/thread.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/vbulletin.js'];

function vbulletin(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === NAME) };
}

const matches = matchesPage;

test('extracts every post of the saved thread as the expected file says', () => {
  const { adapter, document, warnings } = vbulletin();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
  assert.equal(adapter.platform, 'vbulletin');
});

test('dates come from data-node-publishdate (UTC), not from the offset-less forum-local datetime', () => {
  const { adapter, document } = vbulletin();
  const first = adapter.findPosts(document)[0];
  assert.equal(first.querySelector('time[itemprop="dateCreated"]').getAttribute('datetime'), '2025-06-12T18:20:00');
  assert.equal(adapter.extract(first).publishedAt, '2025-06-12T16:20:00.000Z');
});

test('recognises a vBulletin 5 thread on any domain, by the generator meta or the body id', () => {
  assert.equal(matches(vbulletin('https://www.club-exemple.org/forum/general/77-bonjour')), true);
  const withoutMeta = HTML.replace('<meta name="generator" content="vBulletin 5.7.5" />', '');
  assert.notEqual(withoutMeta, HTML);
  assert.equal(matches(vbulletin(EXPECTED.url, withoutMeta)), true, 'body#vb-page-body');
  assert.equal(matches(vbulletin(EXPECTED.url, withoutMeta.replace('id="vb-page-body"', 'id="page"'))), false, 'no vBulletin marker left');
});

test('does not match the other sites and engines, a plain page, a channel list nor a vB4 thread', () => {
  for (const other of otherFixtures('vbulletin')) {
    assert.equal(matches(vbulletin(other.url, other.html)), false, other.name);
  }
  assert.equal(matches(vbulletin(EXPECTED.url, '<html><body><p>Bonjour</p></body></html>')), false);
  assert.equal(matches(vbulletin('https://forums.exemple-auto.fr/forum/marques', HTML.replace('id="thread-view-tab"', 'id="channel-view"'))), false);
  const vb4 = '<html><head><meta name="generator" content="vBulletin 4.2.5" /></head><body><ol id="posts"><li id="post_1"></li></ol></body></html>';
  assert.equal(matches(vbulletin('https://vieux-forum.example/showthread.php?t=1', vb4)), false);
});

test('keeps quotes and signatures out of the text but keeps code blocks', () => {
  const { adapter, document } = vbulletin();
  const posts = adapter.findPosts(document);
  const guest = adapter.extract(posts[2]);
  assert.doesNotMatch(guest.text, /Posté par|sous 48 h/);
  assert.deepEqual(plain(guest.author), { name: 'Paul (invité)', handle: null, profileUrl: null });
  assert.doesNotMatch(adapter.extract(posts[0]).text, /Peugeot/, 'signature');
  posts[3].querySelector('.js-post__content-text').insertAdjacentHTML('beforeend',
    '<div class="bbcode_container"><div class="bbcode_description">Code:</div><pre class="bbcode_code">commande 48213</pre></div>');
  assert.match(adapter.extract(posts[3]).text, /Code: commande 48213$/);
});

test('the starter is the thread itself; replies point at it, from the address or the thread form', () => {
  const { adapter, document } = vbulletin('https://forums.exemple-auto.fr/node/1251');
  const parents = adapter.findPosts(document).map((post) => adapter.extract(post).parentId);
  assert.deepEqual(plain(parents), [null, '1234', '1234', '1234', '1234']);
});

test('a post whose publish date is missing is reported once with the adapter name, never dated now', () => {
  const { adapter, document, warnings } = vbulletin();
  const post = adapter.findPosts(document)[1];
  post.removeAttribute('data-node-publishdate');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:vbulletin\] .*data-node-publishdate/);
});

test('a post without its author block or its post link is reported with the adapter name', () => {
  const { adapter, document, warnings } = vbulletin();
  const [first, second] = adapter.findPosts(document);
  first.querySelector('.b-userinfo .author').classList.remove('author');
  second.querySelector('a.b-post__count').remove();
  assert.equal(adapter.extract(first), null);
  assert.equal(adapter.extract(second), null);
  assert.match(warnings[0], /^\[vigie:vbulletin\] .*\.b-userinfo \.author/);
  assert.match(warnings[1], /^\[vigie:vbulletin\] .*a\.b-post__count/);
});
