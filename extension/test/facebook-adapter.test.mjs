import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, fixture, matchesPage, openPage, otherFixtures, plain } from './helpers/page.mjs';

// Facebook writes post dates in the viewer's time zone: pin it, as a French CM's browser would be.
process.env.TZ = 'Europe/Paris';

const ADAPTER_ONLY = ['content/text.js', 'content/adapters/facebook.js'];
const FIXTURES = ['facebook/page-feed', 'facebook/post-permalink'].map((name) => ({
  name,
  html: fixture(`${name}.html`),
  expected: JSON.parse(fixture(`${name}.expected.json`)),
}));
const [FEED, PERMALINK] = FIXTURES;

function facebook({ html, expected }, url = expected.url) {
  const page = openPage(html, { url, scripts: ADAPTER_ONLY });
  const adapter = page.vigie.adapters.find((a) => a.name === 'facebook');
  const posts = adapter.findPosts(page.document);
  return { ...page, adapter, posts };
}

/** The post or comment whose extraction has this id. */
function byId({ adapter, posts }, id) {
  const post = posts.find((el) => {
    const extraction = adapter.extract(el);
    return extraction !== null && extraction.id === id;
  });
  assert.ok(post, `post ${id} in the fixture`);
  return post;
}

for (const page of FIXTURES) {
  test(`extracts every post and comment of ${page.name} as the expected file says`, () => {
    const { adapter, posts, warnings } = facebook(page);
    assert.deepEqual(plain(posts.map((post) => adapter.extract(post))), page.expected.posts);
    assert.deepEqual(warnings, []);
  });
}

test('is the Facebook platform adapter', () => {
  const { adapter } = facebook(FEED);
  assert.equal(adapter.platform, 'facebook');
});

test('matches Facebook hosts that show the Facebook app, nothing else', () => {
  const { adapter, document } = facebook(FEED);
  for (const url of ['https://www.facebook.com/MaisonDurand', 'https://facebook.com/MaisonDurand',
    'https://m.facebook.com/MaisonDurand', 'https://web.facebook.com/MaisonDurand']) {
    assert.equal(adapter.matches(new URL(url), document), true, url);
  }
  for (const url of ['https://facebook.com.evil.example/MaisonDurand', 'https://notfacebook.com/', 'https://x.com/home']) {
    assert.equal(adapter.matches(new URL(url), document), false, url);
  }
  const permalink = facebook(PERMALINK);
  assert.equal(permalink.adapter.matches(new URL(PERMALINK.expected.url), permalink.document), true);
});

test('does not match a plain page on facebook.com (login, help) without the app markers', () => {
  const html = '<!DOCTYPE html><html lang="fr"><body><div id="content"><h1>Aide</h1><p>Mot de passe oublié ?</p></div></body></html>';
  const { adapter, document } = facebook({ html, expected: FEED.expected });
  assert.equal(adapter.matches(new URL('https://www.facebook.com/help'), document), false);
});

test('does not match the other sites\' fixtures, at their own address nor at a facebook.com one', () => {
  const root = join(ROOT, 'test', 'fixtures');
  const others = readdirSync(root).filter((dir) => dir !== 'facebook')
    .flatMap((dir) => readdirSync(join(root, dir)).filter((file) => file.endsWith('.html')).map((file) => `${dir}/${file}`));
  assert.ok(others.length > 0, 'at least the X fixture');
  for (const name of others) {
    let url = 'https://example.org/';
    try {
      url = JSON.parse(fixture(name.replace(/\.html$/, '.expected.json'))).url;
    } catch {
      // A fixture without an expected file is still a page that must not look like Facebook.
    }
    const { adapter, document } = facebook({ html: fixture(name), expected: { url } });
    assert.equal(adapter.matches(new URL(url), document), false, `${name} at ${url}`);
    assert.equal(adapter.matches(new URL('https://www.facebook.com/MaisonDurand'), document), false, `${name} on facebook.com`);
  }
});

test('a truncated post gives the visible text without « Voir plus », then the full text once expanded', () => {
  const page = facebook(FEED);
  const { adapter, document, warnings } = page;
  const post = page.posts[0];
  const before = adapter.extract(post);
  assert.equal(adapter.isTruncated(post), true);
  assert.match(before.text, /délai de retour…$/);
  assert.doesNotMatch(before.text, /Voir plus/);

  // What Facebook does on click: the cut text nodes are replaced by the whole text, without the control.
  const message = post.querySelector('[data-ad-comet-preview="message"] span[dir="auto"]');
  message.innerHTML = [
    'Nouveau service client Maison Durand : à partir du 1er décembre, nos conseillers vous répondent aussi le dimanche.',
    'Nous avons aussi allongé le délai de retour à 60 jours pour toutes les commandes passées en ligne.',
  ].map((line) => `<div class="xdj266r"><div dir="auto" style="text-align: start;">${line}</div></div>`).join('');

  const after = adapter.extract(post);
  assert.equal(adapter.isTruncated(post), false);
  assert.equal(after.id, before.id);
  assert.match(after.text, /délai de retour à 60 jours pour toutes les commandes passées en ligne\.$/);
  assert.notEqual(after.text, before.text);
  assert.ok(document.body.contains(post));
  assert.deepEqual(warnings, []);
});

test('a truncated comment gives its visible text without "See more" and says it is truncated', () => {
  const page = facebook(PERMALINK);
  const comment = byId(page, '8899001122334455');
  assert.equal(page.adapter.isTruncated(comment), true);
  assert.doesNotMatch(page.adapter.extract(comment).text, /See more|See translation/);
  const others = page.posts.filter((post) => post !== comment);
  assert.ok(others.every((post) => page.adapter.isTruncated(post) === false));
});

test('keys a post on the id its comments name while the timestamp link is still href="#", then strips tracking once hovered', () => {
  const page = facebook(FEED);
  const post = page.posts[0];
  const link = post.querySelector('a[aria-label="mercredi 18 novembre 2026 à 09:30"]');
  assert.equal(link.getAttribute('href'), '#');
  const before = page.adapter.extract(post);
  assert.match(before.id, /^pfbid0Rk4/);

  link.setAttribute('href', `https://www.facebook.com/MaisonDurand/posts/${before.id}?__cft__[0]=AZWq8mT3kLxR0v&__tn__=%2CO%2CP-R`);
  const after = page.adapter.extract(post);
  assert.equal(after.id, before.id);
  assert.equal(after.permalink, `https://www.facebook.com/MaisonDurand/posts/${before.id}`);
});

test('a post with neither a filled link nor comments keeps one stand-in key until Facebook fills its link', () => {
  const page = facebook(FEED);
  const post = page.posts.at(-1);
  const before = page.adapter.extract(post);
  assert.equal(before.id, 'unresolved:MaisonDurand:samedi 14 novembre 2026 à 11:00');
  assert.equal(before.permalink, null);
  assert.equal(page.adapter.extract(post).id, before.id);

  post.querySelector('a[aria-label^="samedi 14 novembre"]').setAttribute('href',
    '/permalink.php?story_fbid=pfbid0Zz9Yy8Xx7&id=100064123456789&__cft__[0]=AZT9sQw1&__tn__=%2CO%2CP-R');
  const after = page.adapter.extract(post);
  assert.equal(after.id, 'pfbid0Zz9Yy8Xx7');
  assert.equal(after.permalink, 'https://www.facebook.com/permalink.php?story_fbid=pfbid0Zz9Yy8Xx7&id=100064123456789');
});

test('reads English (US) timestamp labels and leaves relative or unknown ones without a date', () => {
  const page = facebook(PERMALINK);
  const post = page.posts[0];
  const link = post.querySelector('a[aria-label^="Friday 20 November"]');
  link.setAttribute('aria-label', 'Friday, November 20, 2026 at 10:15 AM');
  assert.equal(page.adapter.extract(post).publishedAt, '2026-11-20T09:15:00.000Z');
  link.setAttribute('aria-label', 'Friday, November 20, 2026 at 10:15 PM');
  assert.equal(page.adapter.extract(post).publishedAt, '2026-11-20T21:15:00.000Z');
  link.setAttribute('aria-label', '3 hours ago');
  const relative = page.adapter.extract(post);
  assert.equal(relative.publishedAt, null);
  assert.match(relative.id, /^pfbid0Hq7/);
  assert.deepEqual(page.warnings, []);
});

test('replies are their own posts: scoped author and text, parent = the comment they sit in', () => {
  const page = facebook(PERMALINK);
  const comment = page.adapter.extract(byId(page, '4455667788990011'));
  const reply = page.adapter.extract(byId(page, '5566778899001122'));
  const nested = page.adapter.extract(byId(page, '6677889900112233'));
  assert.equal(comment.parentId, page.adapter.extract(page.posts[0]).id);
  assert.equal(reply.parentId, comment.id);
  assert.equal(nested.parentId, reply.id);
  assert.doesNotMatch(comment.text, /désolés|plainte/);
  assert.doesNotMatch(reply.text, /plainte/);
  assert.doesNotMatch(page.adapter.extract(page.posts[0]).text, /remboursement de ma commande/);
  assert.equal(reply.author.name, 'Maison Durand');
  assert.equal(nested.author.name, 'Nadia Benali');
});

test('the Top fan, Fan assidu and Author chips are never taken for the name', () => {
  for (const page of FIXTURES) {
    const { adapter, posts } = facebook(page);
    for (const post of posts) {
      assert.doesNotMatch(adapter.extract(post).author.name, /Top fan|Fan assidu|Author|Auteur/);
    }
  }
});

test('a post whose author heading is missing is reported once with the adapter name, not extracted', () => {
  const { adapter, posts, warnings } = facebook(FEED);
  posts[0].querySelector('[data-ad-rendering-role="profile_name"]').removeAttribute('data-ad-rendering-role');
  assert.equal(adapter.extract(posts[0]), null);
  assert.equal(adapter.extract(posts[0]), null);
  assert.equal(warnings.length, 1);
  assert.match(warnings[0], /^\[vigie:facebook\] .*profile_name/);
});

test('a comment without its time link is reported, never keyed on a made-up id', () => {
  const page = facebook(PERMALINK);
  const comment = byId(page, '7788990011223344');
  comment.querySelector('a[href*="comment_id=7788990011223344"]').remove();
  assert.equal(page.adapter.extract(comment), null);
  assert.equal(page.warnings.length, 1);
  assert.match(page.warnings[0], /^\[vigie:facebook\] .*comment_id/);
});

test('a comment whose label no longer names its author is reported', () => {
  const page = facebook(PERMALINK);
  const comment = byId(page, '9900112233445566');
  comment.setAttribute('aria-label', 'Comment by Someone Else 2 days ago');
  assert.equal(page.adapter.extract(comment), null);
  assert.match(page.warnings[0], /^\[vigie:facebook\] .*Someone Else/);
});

test('a sponsored unit is skipped without a warning', () => {
  const { adapter, posts, warnings } = facebook(FEED);
  const unit = posts.find((el) => el.getAttribute('aria-posinset') === '2');
  unit.querySelector('[data-ad-rendering-role="profile_name"]')
    .insertAdjacentHTML('afterend', '<a href="/ads/about/?entry_product=ad_preferences" role="link" tabindex="0"><span>Sponsorisé</span></a>');
  assert.equal(adapter.extract(unit), null);
  assert.deepEqual(warnings, []);
});

test('finds feed units, the permalink post and comments only, in document order', () => {
  const feed = facebook(FEED);
  assert.deepEqual(plain(feed.posts.map((el) => el.getAttribute('aria-posinset') ?? el.getAttribute('role'))),
    ['1', 'article', 'article', 'article', '2', '3']);
  assert.ok(feed.document.querySelector('[role="status"][data-visualcompletion="loading-state"]'));
  // A labelled wrapper around the whole feed is not one more post.
  const timeline = feed.document.querySelector('[data-pagelet="ProfileTimeline"]');
  timeline.setAttribute('aria-labelledby', ':r1:');
  timeline.setAttribute('aria-describedby', ':r2:');
  assert.equal(feed.adapter.findPosts(feed.document).length, feed.posts.length);
  const permalink = facebook(PERMALINK);
  assert.equal(permalink.posts.length, PERMALINK.expected.posts.length);
  assert.equal(permalink.posts[0].querySelectorAll('[role="article"]').length, 6);
});

test('anchors the badge on the post or comment element itself', () => {
  const { adapter, posts } = facebook(PERMALINK);
  for (const post of posts) assert.equal(adapter.badgeAnchor(post), post);
});
