import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

const NAME = 'smf';
const HTML = fixture('smf/display.html');
const EXPECTED = JSON.parse(fixture('smf/display.expected.json'));
const ADAPTER_ONLY = ['content/text.js', 'content/adapters/smf.js'];

function smf(url = EXPECTED.url, html = HTML) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  return { ...page, adapter: page.vigie.adapters.find((a) => a.name === NAME) };
}

const matches = matchesPage;

test('extracts every message of the saved topic as the expected file says', () => {
  const { adapter, document, warnings } = smf();
  const extracted = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(plain(extracted), EXPECTED.posts);
  assert.deepEqual(warnings, []);
  assert.equal(adapter.platform, 'smf');
});

test('leaves the time unknown: SMF prints it as text in a time zone the page does not give', () => {
  const { adapter, document } = smf();
  const posts = adapter.findPosts(document);
  assert.ok(posts.some((post) => /Aujourd'hui/.test(post.querySelector('.postinfo a.smalltext').textContent)));
  assert.deepEqual(posts.map((post) => adapter.extract(post).publishedAt), posts.map(() => null));
});

test('recognises an SMF topic on any domain by the copyright link or the smf_scripturl variable alone', () => {
  assert.equal(matches(smf('https://forum.autre-exemple.org/index.php?topic=3.0')), true);
  const withoutCopyright = HTML.replace('href="https://www.simplemachines.org" title="Simple Machines"', 'href="https://example.org/" title="Simple Machines"');
  assert.notEqual(withoutCopyright, HTML);
  assert.equal(matches(smf(EXPECTED.url, withoutCopyright)), true, 'inline smf_scripturl');
  const withoutScript = HTML.replace(/<script>[\s\S]*?<\/script>/, '');
  assert.notEqual(withoutScript, HTML);
  assert.equal(matches(smf(EXPECTED.url, withoutScript)), true, 'copyright link');
  assert.equal(matches(smf(EXPECTED.url, withoutScript.replace('href="https://www.simplemachines.org" title', 'href="https://example.org/" title'))), false, 'no SMF marker left');
});

test('does not match the other sites and engines, a plain page nor a board index', () => {
  for (const other of otherFixtures('smf')) {
    assert.equal(matches(smf(other.url, other.html)), false, other.name);
  }
  assert.equal(matches(smf(EXPECTED.url, '<html><body><div id="forumposts"><p>Bonjour</p></div></body></html>')), false);
  assert.equal(matches(smf('https://communaute.exemple.fr/index.php?board=3.0', HTML.replace('id="quickModForm"', 'id="messageIndexForm"'))), false);
});

test('keeps quotes and signatures out of the text; a guest has a name and no profile link', () => {
  const { adapter, document } = smf();
  const byId = Object.fromEntries(adapter.findPosts(document).map((post) => [post.id, adapter.extract(post)]));
  assert.doesNotMatch(byId.msg9114.text, /Citation de|Trois appels/);
  assert.doesNotMatch(byId.msg9114.text, /du lundi au samedi/i);
  assert.deepEqual(plain(byId.msg9105.author), { name: 'Sophie', handle: null, profileUrl: null });
});

test('drops PHPSESSID from links without re-encoding the ;-separated query', () => {
  const html = HTML.replaceAll('index.php?msg=9101"', 'index.php?PHPSESSID=5f0c2a9e8b7d41c3a6e0f9b2d8c4e1a7&amp;msg=9101"')
    .replaceAll('index.php?action=profile;u=58"', 'index.php?action=profile;u=58;PHPSESSID=5f0c2a9e8b7d41c3a6e0f9b2d8c4e1a7"');
  assert.equal(html.split('PHPSESSID=').length - 1, 4);
  const { adapter, document } = smf(EXPECTED.url, html);
  const first = adapter.extract(adapter.findPosts(document)[0]);
  assert.equal(first.permalink, 'https://communaute.exemple.fr/index.php?msg=9101');
  assert.equal(first.author.profileUrl, 'https://communaute.exemple.fr/index.php?action=profile;u=58');
});

test('the topic id comes from the quick moderation form when the address is a ?msg= link', () => {
  const { adapter, document } = smf('https://communaute.exemple.fr/index.php?msg=9114');
  const posts = adapter.findPosts(document).map((post) => adapter.extract(post));
  assert.deepEqual(posts.map((post) => post.parentId), posts.map(() => '912'));
});

test('a message whose link does not point at its own id is reported once, not extracted', () => {
  const { adapter, document, warnings } = smf();
  const post = adapter.findPosts(document)[1];
  post.querySelector('.postinfo a.smalltext').setAttribute('href', 'https://communaute.exemple.fr/index.php?msg=1');
  assert.equal(adapter.extract(post), null);
  assert.equal(adapter.extract(post), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:smf\] .*a\.smalltext/);
});

test('a message without its body or its author block is reported with the adapter name', () => {
  const { adapter, document, warnings } = smf();
  const [first, second] = adapter.findPosts(document);
  first.querySelector('.inner[data-msgid]').removeAttribute('data-msgid');
  second.querySelector('.poster h4').remove();
  assert.equal(adapter.extract(first), null);
  assert.equal(adapter.extract(second), null);
  assert.match(warnings[0], /^\[vigie:smf\] .*data-msgid/);
  assert.match(warnings[1], /^\[vigie:smf\] .*\.poster h4/);
});
