// The adapters' two answers behind the deleted-post check: is this page the platform's "unavailable" page
// (isUnavailable), and does it show a thread so completely that a captured post missing from it is gone
// (threadComplete). On saved pages, at their real addresses.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { CONTENT_SCRIPTS, ROOT, fixture, openPage } from './helpers/page.mjs';

// Every adapter and the picker, without core.js and main.js: nothing starts, nothing is sent.
const ADAPTERS = CONTENT_SCRIPTS.filter((f) => f === 'content/text.js' || f.startsWith('content/adapters/') || f === 'content/pick.js');

// The unavailable pages have no post, so no expected-extraction file: their addresses are here.
const UNAVAILABLE = {
  'x/status-unavailable': 'https://x.com/lea_m/status/1790120000000000001',
  'facebook/content-unavailable':
    'https://www.facebook.com/MaisonDurand/posts/pfbid0Zx5Vb8nLm2QwE4rTy6uI1oP3aS7dF9gH2jK4lZ6xC8vB0nM1qW',
};

/**
 * @param {string} name fixture path without .html
 * @param {{ url?: string, edit?: (document: Document) => void }} [options]
 */
function open(name, { url, edit } = {}) {
  const expected = name in UNAVAILABLE ? { url: UNAVAILABLE[name], posts: [] } : JSON.parse(fixture(`${name}.expected.json`));
  const page = openPage(fixture(`${name}.html`), { url: url ?? expected.url, scripts: ADAPTERS });
  if (edit) edit(page.document);
  const adapter = page.vigie.pickAdapter(page.window.location, page.document);
  return { ...page, adapter, expected };
}

/** @param {Partial<CapturedPost>} fields */
const captured = (fields) => ({ captureId: '01JD2X8A0B1C', platform: 'x', permalink: null, deletedSeenAt: null, postId: '1', ...fields });

test('the two unavailable pages are unavailable, and not one of the saved pages with posts is', () => {
  const dir = join(ROOT, 'test', 'fixtures');
  const pages = readdirSync(dir).flatMap((site) => readdirSync(join(dir, site))
    .filter((file) => file.endsWith('.expected.json')).map((file) => `${site}/${file.replace(/\.expected\.json$/, '')}`));
  assert.ok(pages.length >= 15);
  for (const name of [...pages, ...Object.keys(UNAVAILABLE)]) {
    const { adapter, document } = open(name);
    assert.ok(adapter, `${name}: an adapter recognises it`);
    const answer = typeof adapter.isUnavailable === 'function' && adapter.isUnavailable(document);
    assert.equal(answer, name in UNAVAILABLE, name);
  }
});

test('X: the error page at a deleted post\'s address has no post and is unavailable', () => {
  const { adapter, document } = open('x/status-unavailable');
  assert.equal(adapter.name, 'x');
  assert.equal(adapter.findPosts(document).length, 0);
  assert.equal(adapter.isUnavailable(document), true);
});

test('X: a tombstone in place of the focal post is unavailable (French UI); above a focal post still shown, it is not', () => {
  const tombstone = (document) => {
    const cell = document.createElement('div');
    cell.setAttribute('data-testid', 'cellInnerDiv');
    cell.innerHTML = '<div><div><span>Ce post n’est pas disponible.</span> <a href="https://help.x.com/rules-and-policies/notices-on-x">En savoir plus</a></div></div>';
    return cell;
  };
  const gone = open('x/status-page', {
    edit: (document) => {
      const focal = document.querySelector('article[tabindex="-1"]').closest('[data-testid="cellInnerDiv"]');
      focal.replaceWith(tombstone(document));
    },
  });
  assert.equal(gone.adapter.isUnavailable(gone.document), true);

  const parentGone = open('x/status-page', {
    edit: (document) => {
      const focal = document.querySelector('article[tabindex="-1"]').closest('[data-testid="cellInnerDiv"]');
      focal.before(tombstone(document));
    },
  });
  assert.equal(parentGone.adapter.isUnavailable(parentGone.document), false);
});

test('X: a post that merely says "this page doesn\'t exist" does not make its page unavailable', () => {
  const { adapter, document } = open('x/status-page', {
    edit: (document) => {
      document.querySelector('[data-testid="tweetText"]').textContent = 'Hmm...this page doesn’t exist. This post is unavailable.';
    },
  });
  assert.equal(adapter.isUnavailable(document), false);
});

test('Facebook: the notice counts only as the page\'s own heading, never inside a post or a comment', () => {
  const notice = open('facebook/content-unavailable');
  assert.equal(notice.adapter.name, 'facebook');
  assert.equal(notice.adapter.isUnavailable(notice.document), true);
  const english = open('facebook/content-unavailable', {
    edit: (document) => { document.querySelector('h2 span').textContent = 'This content isn\'t available right now'; },
  });
  assert.equal(english.adapter.isUnavailable(english.document), true);

  const quoted = open('facebook/post-permalink', {
    edit: (document) => {
      document.querySelector('[data-ad-rendering-role="story_message"] div[dir="auto"]').innerHTML =
        '<span dir="auto">Ce contenu n’est pas disponible pour le moment</span>';
    },
  });
  assert.equal(quoted.adapter.isUnavailable(quoted.document), false);
});

test('Reddit: a comment permalink showing "[deleted]" for author and body is unavailable; a deleted account alone is not', () => {
  const url = 'https://www.reddit.com/r/france/comments/1abcd2e/comment/m8k2x1a/';
  const deleted = open('reddit/post-comments', {
    url,
    edit: (document) => {
      const comment = document.querySelector('shreddit-comment[thingid="t1_m8k2x1a"]');
      comment.setAttribute('author', '[deleted]');
      comment.querySelector('[slot="comment"]').innerHTML = '<p>[deleted]</p>';
    },
  });
  assert.equal(deleted.adapter.name, 'reddit');
  assert.equal(deleted.adapter.isUnavailable(deleted.document), true);

  const accountOnly = open('reddit/post-comments', {
    url,
    edit: (document) => document.querySelector('shreddit-comment[thingid="t1_m8k2x1a"]').setAttribute('author', '[deleted]'),
  });
  assert.equal(accountOnly.adapter.isUnavailable(accountOnly.document), false);

  const live = open('reddit/post-comments', { url });
  assert.equal(live.adapter.isUnavailable(live.document), false);
});

test('old Reddit: the permalink of the removed comment is unavailable, a live comment\'s and the thread\'s are not', () => {
  const base = 'https://old.reddit.com/r/france/comments/1abcd2e/maison_durand_service_client/';
  const removed = open('old-reddit/thread-comments', { url: `${base}m8kaj2p/` });
  assert.equal(removed.adapter.name, 'old-reddit');
  assert.equal(removed.adapter.isUnavailable(removed.document), true);
  const live = open('old-reddit/thread-comments', { url: `${base}m8k2x1a/` });
  assert.equal(live.adapter.isUnavailable(live.document), false);
  const thread = open('old-reddit/thread-comments', { url: base });
  assert.equal(thread.adapter.isUnavailable(thread.document), false);
});

test('phpBB and Discourse: their "does not exist" pages are unavailable, in the engine\'s own markup', () => {
  const phpbb = open('phpbb/viewtopic', {
    url: 'https://forum.exemple-conso.fr/viewtopic.php?p=51240',
    edit: (document) => {
      // message_body.html, as trigger_error(NO_POST) renders it in the French language pack.
      document.querySelector('#page-body').innerHTML = '<div class="panel" id="message" role="main"><div class="inner">'
        + '<h2 class="message-title">Information</h2><p>Le message demandé n’existe pas.</p></div></div>';
    },
  });
  assert.equal(phpbb.adapter.name, 'phpbb');
  assert.equal(phpbb.adapter.isUnavailable(phpbb.document), true);

  const discourse = open('discourse/topic', {
    url: 'https://communaute.exemple.fr/t/maison-durand-retard-de-livraison/3312/3',
    edit: (document) => {
      document.querySelector('#main-outlet').innerHTML = '<div class="page-not-found">'
        + '<h1 class="title">Oups ! Cette page n’existe pas ou est privée.</h1></div>';
    },
  });
  assert.equal(discourse.adapter.name, 'discourse');
  assert.equal(discourse.adapter.isUnavailable(discourse.document), true);
});

test('X: only a status page is a complete thread, and only for its own focal post; timelines never are', () => {
  const status = open('x/status-page');
  const focalId = status.expected.focalId;
  assert.equal(status.adapter.threadComplete(status.document, captured({ postId: focalId })), true);
  const reply = status.expected.posts.find((p) => p.id !== focalId).id;
  assert.equal(status.adapter.threadComplete(status.document, captured({ postId: reply })), false);

  for (const name of ['x/home-timeline', 'x/notifications-mentions']) {
    const page = open(name);
    for (const post of page.expected.posts) {
      assert.equal(page.adapter.threadComplete(page.document, captured({ postId: post.id, permalink: post.permalink })), false, name);
    }
  }
});

test('XenForo: the last page of a dated thread is complete for posts younger than its first; page 1 of 2 is not', () => {
  const permalink = (id) => `https://forum.exemple-tech.fr/threads/maison-durand-sav.20411/post-${id}`;
  const first = open('xenforo/thread');
  assert.equal(first.adapter.name, 'xenforo');
  assert.equal(first.adapter.threadComplete(first.document, captured({ postId: '998900', permalink: permalink(998900) })), false);

  // The same posts served as page 2, the last one: no "next" link.
  const last = open('xenforo/thread', {
    url: 'https://forum.exemple-tech.fr/threads/maison-durand-sav.20411/page-2',
    edit: (document) => { for (const next of document.querySelectorAll('.pageNav-jump--next')) next.remove(); },
  });
  const complete = (postId, link = permalink(postId)) => last.adapter.threadComplete(last.document, captured({ postId, permalink: link }));
  assert.equal(complete('998900'), true, 'younger than the page\'s first post');
  assert.equal(complete('998700'), false, 'older: it may have moved to page 1');
  assert.equal(complete('998900', 'https://forum.exemple-tech.fr/threads/autre-sujet.20999/post-998900'), false, 'another thread');
  assert.equal(complete('998900', null), false, 'no permalink, no thread to compare');

  const question = open('xenforo/thread', {
    url: 'https://forum.exemple-tech.fr/threads/maison-durand-sav.20411/page-2',
    edit: (document) => {
      for (const next of document.querySelectorAll('.pageNav-jump--next')) next.remove();
      document.documentElement.setAttribute('data-template', 'thread_view_type_question');
    },
  });
  assert.equal(question.adapter.threadComplete(question.document, captured({ postId: '998900', permalink: permalink(998900) })), false,
    'answers sorted by votes');
});
