import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('discourse/topic.html');
const EXPECTED = JSON.parse(fixture('discourse/topic.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/discourse.js'];

function discourse(html = HTML, url = EXPECTED.url) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'discourse') };
}

test('extracts every rendered post of the topic as the expected file says, without warnings', () => {
  const { adapter, document, warnings } = discourse();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post)).filter(Boolean);
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('declares the discourse platform', () => {
  assert.equal(discourse().adapter.platform, 'discourse');
});

test('matches a Discourse page on any domain, from its generator meta', () => {
  const { adapter, window, document } = discourse(HTML, 'https://forum.marque-inconnue.example/t/x/1');
  assert.equal(adapter.matches(window.location, document), true);
});

test('does not match the other fixtures nor a plain page', () => {
  const others = otherFixtures('discourse');
  for (const other of others) {
    const { adapter, window, document } = discourse(other.html, other.url);
    assert.equal(adapter.matches(window.location, document), false, other.name);
  }
  const { adapter, window, document } = discourse('<!DOCTYPE html><html><body><article><p>Bonjour</p></article></body></html>', 'https://communaute.exemple.fr/');
  assert.equal(adapter.matches(window.location, document), false);
});

test('cloaked posts are skipped without a warning and extracted once they are rendered again', () => {
  const { adapter, document, warnings } = discourse();
  const posts = adapter.findPosts(document);
  const cloaked = posts.filter((post) => post.getAttribute('data-post-number') === '1');
  assert.equal(cloaked.length, 1);
  assert.equal(adapter.extract(cloaked[0]), null);
  assert.deepEqual(warnings, []);

  // Discourse re-renders the post in the same wrapper with a new article when it scrolls back into view.
  const rendered = posts.find((post) => post.getAttribute('data-post-number') === '5');
  const wrapper = cloaked[0];
  wrapper.className = rendered.className;
  wrapper.removeAttribute('id');
  wrapper.removeAttribute('style');
  const article = rendered.querySelector('article').cloneNode(true);
  article.id = 'post_1';
  article.setAttribute('data-post-id', '48090');
  article.querySelector('a.post-date').setAttribute('href', '/t/maison-durand-retard-de-livraison/3312/1');
  wrapper.append(article);
  const extraction = adapter.extract(wrapper);
  assert.equal(extraction.id, '48090');
  assert.equal(extraction.permalink, 'https://communaute.exemple.fr/t/maison-durand-retard-de-livraison/3312/1');
  assert.equal(adapter.badgeAnchor(wrapper), article.querySelector('.topic-meta-data'));
  assert.deepEqual(warnings, []);
});

test('small actions (pinned, closed …) are not posts', () => {
  const { adapter, document } = discourse();
  const posts = adapter.findPosts(document);
  assert.ok(document.querySelector('article.small-action'));
  assert.ok(posts.every((post) => !post.querySelector('article.small-action')));
});

test('replies shown inside a post stay out of its author and text', () => {
  const { adapter, document } = discourse();
  const staff = adapter.findPosts(document).find((post) => post.querySelector('.embedded-posts .reply'));
  const extraction = adapter.extract(staff);
  assert.equal(extraction.author.handle, 'maison_durand');
  assert.doesNotMatch(extraction.text, /suicider|emballage/);
  assert.equal(extraction.permalink, 'https://communaute.exemple.fr/t/maison-durand-retard-de-livraison/3312/4');
});

test('keeps the quoted post and the image caption out of the text', () => {
  const { adapter, document } = discourse();
  const quoting = adapter.findPosts(document).find((post) => post.querySelector('aside.quote'));
  const extraction = adapter.extract(quoting);
  assert.doesNotMatch(extraction.text, /Livraison annoncée|camille_r|1280×720|suivi-colis/);
  assert.match(extraction.text, /^Même chose pour moi/);
});

test('a hidden profile (hide_user_profiles_from_public) has no profile URL but keeps its name', () => {
  const { adapter, document, warnings } = discourse();
  const post = adapter.findPosts(document).find((el) => el.getAttribute('data-post-number') === '3');
  for (const link of post.querySelectorAll('.names a[data-user-card]')) {
    link.removeAttribute('href');
    link.classList.add('non-clickable');
  }
  const extraction = adapter.extract(post);
  assert.deepEqual(plain(extraction.author), { name: 'Nadia Benali', handle: 'nadia_b', profileUrl: null });
  assert.deepEqual(warnings, []);
});

test('reads the username from data-user-card when the site puts full names first', () => {
  const { adapter, document } = discourse();
  const post = adapter.findPosts(document).find((el) => el.getAttribute('data-post-number') === '8');
  const names = post.querySelector('.names');
  names.innerHTML = '<span class="first full-name"><a href="/u/jp.durieux" data-user-card="jp.durieux">Jean-Pierre Durieux</a></span>'
    + '<span class="second username"><a href="/u/jp.durieux" data-user-card="jp.durieux">jp.durieux</a></span>';
  assert.deepEqual(plain(adapter.extract(post).author), EXPECTED.posts[4].author);
});

test('a rendered post whose name link is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = discourse();
  const post = adapter.findPosts(document).find((el) => el.classList.contains('topic-post'));
  for (const link of post.querySelectorAll('.names a')) link.removeAttribute('data-user-card');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:discourse\] .*data-user-card/);
});

test('a rendered post without its date link is reported, never keyed without a permalink', () => {
  const { adapter, document, warnings } = discourse();
  const post = adapter.findPosts(document).find((el) => el.classList.contains('topic-post'));
  post.querySelector('a.post-date').remove();
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:discourse\] .*a\.post-date/);
});

test('a rendered wrapper that lost its article is drift, not cloaking', () => {
  const { adapter, document, warnings } = discourse();
  const post = adapter.findPosts(document).find((el) => el.classList.contains('topic-post'));
  post.querySelector('article').remove();
  assert.equal(adapter.extract(post), null);
  assert.match(warnings[0], /^\[vigie:discourse\] .*article/);
});
