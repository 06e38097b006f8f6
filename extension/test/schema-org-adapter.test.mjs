import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const HTML = fixture('schema-org/topic.html');
const EXPECTED = JSON.parse(fixture('schema-org/topic.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/schema-org.js'];

function schemaOrg(html = HTML, url = EXPECTED.url) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === 'schema-org') };
}

const page = (body) => `<!DOCTYPE html><html lang="fr"><head><title>t</title></head><body>${body}</body></html>`;
const COMMENT = '<div itemscope itemtype="https://schema.org/Comment" id="c1">'
  + '<span itemprop="author">Léa</span><div itemprop="text">Bonjour</div></div>';

test('extracts the topic and every comment as the expected file says, without warnings', () => {
  const { adapter, document, warnings } = schemaOrg();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
});

test('declares the schema_org platform', () => {
  assert.equal(schemaOrg().adapter.platform, 'schema_org');
});

test('matches a page with post microdata on any domain', () => {
  const { adapter, window, document } = schemaOrg(page(COMMENT), 'https://blog.inconnu.example/billet/1');
  assert.equal(adapter.matches(window.location, document), true);
  const http = schemaOrg(page(COMMENT.replace('https://schema.org/Comment', 'http://schema.org/SocialMediaPosting')));
  assert.equal(http.adapter.matches(http.window.location, http.document), true);
});

test('yields to every engine of the other fixtures, even those with the same microdata', () => {
  const others = otherFixtures('schema-org');
  assert.ok(others.some((other) => /itemtype="https?:\/\/schema\.org\/Comment"/.test(other.html)),
    'at least one other fixture (XenForo) marks its posts as schema.org Comments');
  for (const other of others) {
    const { adapter, window, document } = schemaOrg(other.html, other.url);
    assert.equal(adapter.matches(window.location, document), false, other.name);
  }
});

test('does not match a plain page, other microdata, nor a known engine marker added to this page', () => {
  const plainPage = schemaOrg(page('<article><p>Bonjour</p></article>'));
  assert.equal(plainPage.adapter.matches(plainPage.window.location, plainPage.document), false);
  const breadcrumb = schemaOrg(page('<ol itemscope itemtype="https://schema.org/BreadcrumbList"></ol>'
    + '<div itemscope itemtype="https://schema.org/CommentAction"></div>'));
  assert.equal(breadcrumb.adapter.matches(breadcrumb.window.location, breadcrumb.document), false);
  for (const marker of ['<body id="phpbb"', '<body class="ipsApp"', '<body id="vb-page-body"']) {
    const engine = schemaOrg(HTML.replace('<body class="page page-sujet theme-clair"', marker));
    assert.equal(engine.adapter.matches(engine.window.location, engine.document), false, marker);
  }
  const x = schemaOrg(page(COMMENT), 'https://x.com/home');
  assert.equal(x.adapter.matches(x.window.location, x.document), false);
});

test('a reply nested in a comment is its own post, with the comment as parent and no id of its own but its anchor', () => {
  const { adapter, document } = schemaOrg();
  const posts = adapter.findPosts(document);
  const reply = posts.find((post) => post.id === 'msg-1204');
  const parent = posts.find((post) => post.id === 'msg-1201');
  assert.ok(posts.indexOf(parent) < posts.indexOf(reply));
  const extraction = adapter.extract(reply);
  assert.equal(extraction.parentId, 'https://www.forum-independant.fr/sujet/maison-durand/42#msg-1201');
  assert.equal(extraction.permalink, 'https://www.forum-independant.fr/sujet/maison-durand/42#msg-1204');
  assert.doesNotMatch(adapter.extract(parent).text, /Merci Gérard/);
});

test('keeps the quote and the signature out of the text, and the author item apart from the post url', () => {
  const { adapter, document } = schemaOrg();
  const quoting = adapter.findPosts(document).find((post) => post.id === 'msg-1201');
  assert.ok(quoting.querySelector('[itemprop="text"] blockquote'));
  const extraction = adapter.extract(quoting);
  assert.doesNotMatch(extraction.text, /a écrit|émettre de réserves|ancien de la grande distribution/);
  assert.equal(extraction.permalink, 'https://www.forum-independant.fr/sujet/maison-durand/42#msg-1201');
  assert.equal(extraction.author.profileUrl, 'https://www.forum-independant.fr/membre/gerard-l');
});

test('reads InteractionCounter likes and commentCount', () => {
  const { adapter, document } = schemaOrg();
  const [topic] = adapter.findPosts(document);
  assert.deepEqual(plain(adapter.extract(topic).counts), { likes: 3, replies: 9 });
});

test('a post without text is reported once with the adapter name, not extracted', () => {
  const { adapter, document, warnings } = schemaOrg();
  const post = adapter.findPosts(document)[1];
  post.querySelector(':scope > .corps').removeAttribute('itemprop');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:schema-org\] .*itemprop="text"/);
});

test('a post without author, or without any id, is reported, not extracted', () => {
  const { adapter, document, warnings } = schemaOrg();
  const posts = adapter.findPosts(document);
  posts[3].querySelector('[itemprop="author"]').removeAttribute('itemprop');
  assert.equal(adapter.extract(posts[3]), null);
  assert.match(warnings[0], /^\[vigie:schema-org\] .*itemprop="author"/);
  const reply = posts.find((post) => post.id === 'msg-1204');
  reply.removeAttribute('id');
  assert.equal(adapter.extract(reply), null);
  assert.match(warnings[1], /^\[vigie:schema-org\] .*itemid/);
});

test('a date the page gives in a form Date cannot read becomes null, not a wrong date', () => {
  const { adapter, document } = schemaOrg(page(COMMENT.replace('</span>', '</span><span itemprop="datePublished">hier soir</span>')));
  const [post] = adapter.findPosts(document);
  assert.equal(adapter.extract(post).publishedAt, null);
});
