import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const NAME = 'invision';
const HTML = fixture('invision/topic.html');
const EXPECTED = JSON.parse(fixture('invision/topic.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/invision.js'];

function invision(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === NAME) };
}

const matches = matchesPage;

test('extracts every post of the saved topic as the expected file says', () => {
  const { adapter, document, warnings } = invision();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
  assert.equal(adapter.platform, 'invision');
});

test('recognises an Invision topic on any domain from the body attributes', () => {
  assert.equal(matches(invision('https://forum.autre-exemple.org/topic/12-bonjour/')), true);
});

test('does not match the other sites and engines, a plain page nor a forum index', () => {
  for (const other of otherFixtures('invision')) {
    assert.equal(matches(invision(other.url, other.html)), false, other.name);
  }
  assert.equal(matches(invision(EXPECTED.url, '<html><body class="ipsApp"><p>Bonjour</p></body></html>')), false);
  const forumIndex = HTML.replace('data-pageController="topic"', 'data-pageController="forums"');
  assert.notEqual(forumIndex, HTML);
  assert.equal(matches(invision('https://communaute.exemple-mode.fr/forum/9-marques-et-boutiques/', forumIndex)), false);
});

test('reads the desktop author pane and the desktop time, not the phone ones', () => {
  const { adapter, document } = invision();
  const post = adapter.findPosts(document)[0];
  post.querySelector('.cAuthorPane_mobile h3 a').textContent = 'Pseudo mobile';
  post.querySelector('.cAuthorPane_mobile time').setAttribute('datetime', '2001-01-01T00:00:00Z');
  const extraction = adapter.extract(post);
  assert.equal(extraction.author.name, 'ChloéStyle');
  assert.equal(extraction.publishedAt, '2025-06-14T08:31:12.000Z');
});

test('keeps quotes, signatures, edit notes and attachment file names out of the text', () => {
  const { adapter, document } = invision();
  const [first, brand, guest] = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.doesNotMatch(first.text, /seconde main/, 'signature');
  assert.doesNotMatch(brand.text, /Modifié|lien corrigé/, 'edit note');
  assert.doesNotMatch(guest.text, /a dit|Des retours sur les tailles/, 'quote');
  assert.doesNotMatch(guest.text, /IMG_2041/, 'attachment');
  assert.deepEqual(plain(guest.author), { name: 'Julie (invitée)', handle: null, profileUrl: null });
});

test('the topic id comes from the quote data when the address has no /topic/{id}-', () => {
  const { adapter, document } = invision('https://communaute.exemple-mode.fr/index.php?app=forums&module=forums&controller=topic&id=5567');
  const posts = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(posts.map((post) => post.parentId), posts.map(() => '5567'));
});

test('a post whose desktop author pane is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = invision();
  const post = adapter.findPosts(document)[0];
  post.querySelector('aside.cAuthorPane').remove();
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:invision\] .*aside\.cAuthorPane/);
});

test('a post without its meta time or its body is reported, never taken from the phone pane', () => {
  const { adapter, document, warnings } = invision();
  const [first, second] = adapter.findPosts(document);
  first.querySelector('.ipsComment_meta time').remove();
  second.querySelector('[data-role="commentContent"]').removeAttribute('data-role');
  assert.equal(adapter.extract(first), null);
  assert.equal(adapter.extract(second), null);
  assert.match(warnings[0], /^\[vigie:invision\] .*ipsComment_meta time/);
  assert.match(warnings[1], /^\[vigie:invision\] .*commentContent/);
});
