// Every adapter's replyAction on its saved pages: the right reply URL, or the platform's own reply box receiving the
// text. Where the saved page lacks the platform's script, the test plays that script's part (it is marked so).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fixture, openPage, plain } from './helpers/page.mjs';
import { installExecCommand } from './helpers/trusted.mjs';

const TEXT = 'Bonjour, nous avons lu votre message : appelez le 3114 (gratuit, 24 h/24). Vous n’êtes pas seul·e 🙏';

/** A fixture with only its adapter and the shared reply tools loaded. */
function site(name, file, adapterName = name) {
  const expected = JSON.parse(fixture(`${name}/${file}.expected.json`));
  const page = openPage(fixture(`${name}/${file}.html`), {
    url: expected.url, scripts: ['content/text.js', 'content/reply.js', `content/adapters/${adapterName}.js`],
  });
  const adapter = page.vigie.adapters.find((a) => a.name === adapterName);
  const posts = adapter.findPosts(page.document);
  const extractions = posts.map((post) => adapter.extract(post));
  const calls = installExecCommand(page.window);
  /** The post element and its extraction, by platform id. */
  const post = (id) => {
    const index = extractions.findIndex((e) => e && e.id === id);
    assert.ok(index >= 0, `post ${id} in ${name}/${file}`);
    return { el: posts[index], extraction: extractions[index] };
  };
  // Objects made in the page's realm compare as JSON (TOOLCHAIN.md); a composer keeps its open() function.
  const action = (id, text = TEXT) => {
    const { el, extraction } = post(id);
    const made = adapter.replyAction(el, extraction, text);
    return made.kind === 'composer' ? made : plain(made);
  };
  return { ...page, adapter, expected, post, action, calls };
}

test('X: the reply intent names the status id and carries the text, encoded', () => {
  for (const file of ['home-timeline', 'status-page', 'notifications-mentions']) {
    const x = site('x', file);
    for (const { id } of x.expected.posts) {
      const action = x.action(id);
      assert.equal(action.kind, 'intent');
      const url = new URL(action.url);
      assert.equal(`${url.origin}${url.pathname}`, 'https://x.com/intent/post');
      assert.equal(url.searchParams.get('in_reply_to'), id);
      assert.equal(url.searchParams.get('text'), TEXT);
      assert.match(action.url, /text=Bonjour%2C%20nous/, 'spaces as %20, not +');
    }
  }
});

test('Facebook: a post\'s own comment box receives the text as typed, with the focus, not the comments\' boxes', async () => {
  const fb = site('facebook', 'page-feed');
  const postId = fb.expected.posts[0].id;
  const box = fb.document.querySelector('[aria-label="Écrivez un commentaire…"][role="textbox"]');
  const action = fb.action(postId);
  assert.equal(action.kind, 'composer');
  assert.equal(await action.open(TEXT), true);
  assert.equal(box.textContent, TEXT);
  assert.deepEqual(fb.calls.map((c) => [c.command, c.active]), [['insertText', box]]);
});

test('Facebook permalink: the focal post\'s "Write a comment…" box is its own', async () => {
  const fb = site('facebook', 'post-permalink');
  const box = fb.document.querySelector('[aria-label="Write a comment…"][role="textbox"]');
  assert.equal(await fb.action(fb.expected.posts[0].id).open(TEXT), true);
  assert.equal(box.textContent, TEXT);
});

test('Facebook: a comment\'s own « Répondre » opens the reply box under it, which receives the text', async () => {
  const fb = site('facebook', 'page-feed');
  const { el: comment } = fb.post('3344556677889900');
  const reply = Array.from(comment.querySelectorAll('[role="button"]')).find((b) => b.textContent === 'Répondre');
  let clicks = 0;
  // Facebook's script, absent from the saved page: a click on « Répondre » adds a focused reply box under the comment.
  reply.addEventListener('click', () => {
    clicks += 1;
    setTimeout(() => {
      const box = fb.document.createElement('div');
      box.setAttribute('contenteditable', 'true');
      box.setAttribute('role', 'textbox');
      box.setAttribute('aria-label', 'Répondre à Thomas Girard');
      comment.append(box);
      box.focus();
    }, 30);
  });
  const other = fb.document.querySelector('[aria-label="Écrivez un commentaire…"]');
  assert.equal(await fb.action('3344556677889900').open(TEXT), true);
  assert.equal(clicks, 1);
  assert.equal(comment.querySelector('[aria-label="Répondre à Thomas Girard"]').textContent, TEXT);
  assert.equal(other.textContent, '', 'the post\'s comment box is left alone');
});

test('Facebook: a reply\'s « Répondre » is its own, not its parent\'s; no box appearing gives false, not a guess', async () => {
  const fb = site('facebook', 'page-feed');
  const { el: parent } = fb.post('1122334455667788');
  const { el: reply } = fb.post('2233445566778899');
  const clicked = [];
  for (const button of parent.querySelectorAll('[role="button"]')) {
    button.addEventListener('click', () => clicked.push(reply.contains(button) ? 'reply' : 'parent'));
  }
  const action = fb.action('2233445566778899');
  const started = Date.now();
  assert.equal(await action.open(TEXT), false);
  assert.ok(Date.now() - started >= 2900, 'it waited for Facebook to open the box');
  assert.deepEqual(clicked, ['reply']);
});

test('phpBB: each post opens its own quote page (posting.php?mode=quote&p=…), else the topic\'s reply page', () => {
  const phpbb = site('phpbb', 'viewtopic');
  for (const id of ['51234', '51240', '51252', '51260']) {
    assert.deepEqual(phpbb.action(id), { kind: 'page', url: `https://forum.exemple-conso.fr/posting.php?mode=quote&p=${id}` });
  }
  // The saved page shows no quote button on 51247: the topic's « Répondre » button is the way.
  assert.deepEqual(phpbb.action('51247'), { kind: 'page', url: 'https://forum.exemple-conso.fr/posting.php?mode=reply&t=4821' });
  const { el } = phpbb.post('51252');
  el.querySelector('a[href*="mode=quote"]').remove();
  assert.deepEqual(phpbb.action('51252'), { kind: 'page', url: 'https://forum.exemple-conso.fr/posting.php?mode=reply&t=4821' });
  for (const link of phpbb.document.querySelectorAll('a[href*="mode=reply"]')) link.remove();
  assert.deepEqual(phpbb.action('51252'), { kind: 'page', url: 'https://forum.exemple-conso.fr/posting.php?mode=reply&t=4821' });
});

test('SMF: the quote page of the post on the forum\'s own script, from its « Citer » link when members see one', () => {
  const smf = site('smf', 'display');
  assert.deepEqual(smf.action('9114'), { kind: 'page', url: 'https://communaute.exemple.fr/index.php?action=post;quote=9114;topic=912.0' });
  const { el } = smf.post('9114');
  el.querySelector('.under_message').insertAdjacentHTML('beforeend',
    '<ul class="quickbuttons"><li><a href="https://communaute.exemple.fr/index.php?action=post;quote=9114;topic=912.0;last_msg=9123">Citer</a></li></ul>');
  assert.deepEqual(smf.action('9114'), { kind: 'page', url: 'https://communaute.exemple.fr/index.php?action=post;quote=9114;topic=912.0;last_msg=9123' });
});

test('XenForo: the thread\'s reply page quoting the post, from its own quote action or its permalink', () => {
  const xf = site('xenforo', 'thread');
  for (const { id } of xf.expected.posts) {
    assert.deepEqual(xf.action(id), { kind: 'page', url: `https://forum.exemple-tech.fr/threads/maison-durand-sav.20411/reply?quote=${id}` });
  }
  xf.post('998817').el.querySelector('a[data-xf-click="quote"]').remove();
  assert.deepEqual(xf.action('998817'), { kind: 'page', url: 'https://forum.exemple-tech.fr/threads/maison-durand-sav.20411/reply?quote=998817' });
});

/**
 * A composer adapter whose trigger opens an editor: the engine's script is played by `opens`, which receives the
 * clicked control and returns the editor it created.
 */
async function composerOpens(name, file, id, selector, opens, adapterName = name) {
  const page = site(name, file, adapterName);
  const { el } = page.post(id);
  // New Reddit's « Ajouter un commentaire » sits above the comment tree, outside the post element.
  const trigger = el.querySelector(selector) ?? page.document.querySelector(selector);
  assert.ok(trigger, `${selector} in ${name}`);
  let editor = null;
  trigger.addEventListener('click', (event) => {
    event.preventDefault();
    editor = opens(page.document, el);
    editor.focus();
  });
  const action = page.action(id);
  assert.equal(action.kind, 'composer');
  assert.equal(await action.open(TEXT), true);
  assert.ok(editor, 'the engine\'s control was clicked');
  return editor;
}

const textarea = (document, className, value = '') => {
  const area = document.createElement('textarea');
  area.className = className;
  area.value = value;
  document.body.append(area);
  return area;
};

test('Discourse: the post\'s « Répondre » opens the composer, whose textarea receives the text', async () => {
  const editor = await composerOpens('discourse', 'topic', '48130', 'button.post-action-menu__reply',
    (doc) => textarea(doc, 'd-editor-input'));
  assert.equal(editor.value, TEXT);
});

test('a textarea in a browser without execCommand gets the text through its value setter and an input event', async () => {
  let inputs = 0;
  const editor = await composerOpens('discourse', 'topic', '48121', 'button.post-action-menu__reply', (doc) => {
    delete doc.execCommand;
    const area = textarea(doc, 'd-editor-input');
    area.addEventListener('input', () => { inputs += 1; });
    return area;
  });
  assert.equal(editor.value, TEXT);
  assert.equal(inputs, 1);
});

test('Flarum: the text goes after the @mention Flarum writes in its Composer', async () => {
  const editor = await composerOpens('flarum', 'discussion', '5131', '.item-reply button',
    (doc) => textarea(doc, 'TextEditor-editor', '@"Thomas_L"#p5131 '));
  assert.equal(editor.value, `@"Thomas_L"#p5131 \n\n${TEXT}`);
});

test('vBulletin 5 and Invision: « Citer » opens the reply editor with the quote; the text goes after it', async () => {
  const rich = (quote) => (doc) => {
    const box = doc.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.innerHTML = `<blockquote>${quote}</blockquote><p><br></p>`;
    doc.body.append(box);
    return box;
  };
  const vb = await composerOpens('vbulletin', 'thread', '1243', '[data-action="quote"]', rich('citation vB'));
  assert.match(vb.textContent, new RegExp(`citation vB ${TEXT.slice(0, 20)}`));
  const ips = await composerOpens('invision', 'topic', '88024', '[data-action="quoteComment"]', rich('citation IPS'));
  assert.match(ips.textContent, /citation IPS Bonjour, nous avons lu/);
});

test('old Reddit: a comment\'s "reply" clones the reply form under it, which receives the text', async () => {
  const editor = await composerOpens('old-reddit', 'thread-comments', 't1_m8k6e4s', 'a[data-event-action="comment"]', (doc, comment) => {
    const area = doc.createElement('textarea');
    area.name = 'text';
    comment.querySelector('.child').append(area);
    return area;
  });
  assert.equal(editor.value, TEXT);
});

test('old Reddit: the link itself goes to the thread\'s comment box, when the reader is signed in', async () => {
  const old = site('old-reddit', 'thread-comments');
  assert.equal(await old.action('t3_1abcd2e').open(TEXT), false, 'signed out: no comment box, nothing to click');
  old.document.querySelector('.commentarea').insertAdjacentHTML('afterbegin', '<form class="usertext"><textarea name="text"></textarea></form>');
  assert.equal(await old.action('t3_1abcd2e').open(TEXT), true);
  assert.equal(old.document.querySelector('.commentarea textarea').value, TEXT);
});

test('new Reddit: « Ajouter un commentaire » opens the post\'s composer; a comment without a visible « Répondre » is not guessed', async () => {
  const editor = await composerOpens('reddit', 'post-comments', 't3_1abcd2e', 'comment-body-header button', (doc) => {
    const box = doc.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('role', 'textbox');
    doc.querySelector('comment-body-header').append(box);
    return box;
  });
  assert.equal(editor.textContent, TEXT);
  const reddit = site('reddit', 'post-comments');
  const started = Date.now();
  assert.equal(await reddit.action('t1_m8k6e4s').open(TEXT), false);
  assert.ok(Date.now() - started < 500, 'no control: no wait');
});

test('new Reddit: a comment\'s « Répondre » in its action row\'s shadow root opens the reply box', async () => {
  const reddit = site('reddit', 'post-comments');
  const { el } = reddit.post('t1_m8k6e4s');
  const row = el.querySelector('shreddit-comment-action-row');
  const button = reddit.document.createElement('button');
  button.textContent = 'Répondre';
  row.attachShadow({ mode: 'open' }).append(button);
  button.addEventListener('click', () => {
    const box = reddit.document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    el.append(box);
    box.focus();
  });
  assert.equal(await reddit.action('t1_m8k6e4s').open(TEXT), true);
  assert.equal(el.querySelector(':scope > [contenteditable]').textContent, TEXT);
});

test('schema.org (an unknown engine): copy only', () => {
  const generic = site('schema-org', 'topic');
  for (const { id } of generic.expected.posts) assert.deepEqual(generic.action(id), { kind: 'copy' });
});
