// content/evidence.js in jsdom: the post's HTML without anything active, the navigation path, the top bars, and the
// scrolling the worker drives while it shoots a tall post in slices.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { RUNTIME_ID, fixture, openPage, plain, waitFor, workingWorker } from './helpers/page.mjs';

const EVIDENCE_ONLY = ['content/outline.js', 'content/evidence.js'];
const WORKER = { id: RUNTIME_ID };
const LUCIE = '1790000000000000001';

const ACTIVE_POST = `<article id="post" data-vigie-risk="critical" data-vigie-post-id="42" onclick="steal()">
  <vigie-badge></vigie-badge>
  <h3 ONMOUSEOVER="steal()">Nadia_B</h3>
  <p style="color: red">Le service client <b>ne répond plus</b> aux mails.</p>
  <script>steal()</script>
  <noscript><img src="https://forum.example/pixel.gif"></noscript>
  <noscript><script>steal()</script></noscript>
  <a href="https://forum.example/viewtopic.php?p=42">lien</a>
  <a href="java\tscript:steal()">piège</a>
  <a href=" JavaScript:steal()">piège 2</a>
  <form action="javascript:steal()"><button formaction="javascript:steal()">Envoyer</button></form>
  <iframe srcdoc="<script>steal()</script>" src="https://www.youtube.com/embed/x"></iframe>
  <object data="x.swf"></object><embed src="y.swf">
  <template><p>gabarit</p><script>steal()</script><img src="z" onerror="steal()"></template>
  <svg><script>steal()</script><a xlink:href="javascript:steal()"><text>svg</text></a><set attributeName="href" to="javascript:steal()"/></svg>
  <blockquote>Citation gardée</blockquote>
</article>`;

test('the post\'s HTML keeps text and structure and loses every script, handler, javascript: URL, srcdoc and Vigie mark', () => {
  const { window, vigie, document } = openPage(`<!doctype html><body>${ACTIVE_POST}</body>`, { scripts: EVIDENCE_ONLY });
  const html = vigie.evidence.postHtml(document.getElementById('post'));
  const copy = new JSDOM(`<!doctype html><body>${html}</body>`).window.document;
  const post = copy.getElementById('post');
  assert.ok(post, 'the post element itself is there');
  assert.equal(copy.querySelectorAll('script, object, embed, vigie-badge').length, 0);
  for (const template of copy.querySelectorAll('template')) assert.equal(template.content.querySelectorAll('script').length, 0);
  const everything = [...copy.querySelectorAll('*'), ...[...copy.querySelectorAll('template')].flatMap((t) => [...t.content.querySelectorAll('*')])];
  for (const el of everything) {
    for (const attribute of el.attributes) {
      assert.doesNotMatch(attribute.name, /^on|^srcdoc$|^data-vigie-/i, `${el.localName} ${attribute.name}`);
      assert.doesNotMatch(attribute.value.replace(/\s/g, ''), /^(java|vb)script:/i, `${el.localName} ${attribute.name}`);
    }
  }
  assert.doesNotMatch(html, /steal\(\)/, 'no trace of the active code anywhere');
  assert.match(post.textContent, /Nadia_B/);
  assert.equal(post.querySelector('p b').textContent, 'ne répond plus');
  assert.equal(post.querySelector('p').getAttribute('style'), 'color: red');
  assert.equal(post.querySelector('a').getAttribute('href'), 'https://forum.example/viewtopic.php?p=42');
  assert.equal(post.querySelector('iframe').getAttribute('src'), 'https://www.youtube.com/embed/x');
  assert.equal(post.querySelector('blockquote').textContent, 'Citation gardée');
  assert.equal(post.querySelectorAll('noscript').length, 1, 'the harmless <noscript> stays');
  assert.match(post.querySelector('template').innerHTML, /gabarit/);
  // The live page is not touched.
  const live = document.getElementById('post');
  assert.equal(live.querySelectorAll('script').length, 3, 'the template\'s script is in its content, not counted');
  assert.equal(live.getAttribute('onclick'), 'steal()');
  assert.ok(window.document.querySelector('vigie-badge'));
});

test('the navigation path: start page and each change, UTC, the latest 50 oldest first, ending with the page now', () => {
  const { window, vigie } = openPage('<p>fil</p>', { url: 'https://x.com/home', scripts: EVIDENCE_ONLY });
  let clock = Date.parse('2026-11-20T21:00:00Z');
  const log = vigie.evidence.createNavigationLog({ window, now: () => new Date(clock += 1000) });
  log.watch();
  window.history.pushState({}, '', '/lucie_m');
  window.dispatchEvent(new window.PopStateEvent('popstate'));
  window.history.pushState({}, '', '/lucie_m/status/1');
  // No event told of this one: the path still ends with it.
  const path = plain(log.path());
  assert.deepEqual(path.map((e) => e.url), ['https://x.com/home', 'https://x.com/lucie_m', 'https://x.com/lucie_m/status/1']);
  for (const entry of path) assert.match(entry.at, /^2026-11-20T21:00:0\d\.000Z$/);
  assert.deepEqual(plain(log.path()), path, 'reading it twice adds nothing');
  for (let i = 0; i < 60; i += 1) {
    window.history.pushState({}, '', `/p/${i}`);
    log.note();
  }
  const bounded = plain(log.path());
  assert.equal(bounded.length, 50);
  assert.equal(bounded[0].url, 'https://x.com/p/10');
  assert.equal(bounded[49].url, window.location.href);
  assert.ok(bounded.every((e, i) => i === 0 || e.at >= bounded[i - 1].at), 'oldest first');
});

/** Gives an element a fixed box, as layout would. */
function place(window, el, box) {
  el.getBoundingClientRect = () => {
    const r = typeof box === 'function' ? box() : box;
    return { ...r, top: r.y, left: r.x, bottom: r.y + r.height, right: r.x + r.width, toJSON() {} };
  };
}

test('top bars: the bottom of the fixed or sticky bars above the post, stacked ones too; none without layout', () => {
  const html = '<header id="bar" style="position: fixed"><nav id="tabs" style="position: sticky">t</nav></header><main><article id="post">p</article></main>';
  const { window, document, vigie } = openPage(html, { scripts: EVIDENCE_ONLY });
  const post = document.getElementById('post');
  assert.equal(vigie.evidence.topInset(window, post), 0, 'jsdom has no elementsFromPoint');
  place(window, post, { x: 100, y: 400, width: 600, height: 200 });
  place(window, document.getElementById('bar'), { x: 0, y: 0, width: 1024, height: 53 });
  place(window, document.getElementById('tabs'), { x: 0, y: 53, width: 1024, height: 40 });
  const main = document.querySelector('main');
  document.elementsFromPoint = (x, y) => (y < 53 ? [document.getElementById('bar'), main, document.body]
    : y < 93 ? [document.getElementById('tabs'), main, document.body] : [main, document.body]);
  assert.equal(vigie.evidence.topInset(window, post), 93);
  document.elementsFromPoint = () => [post, main, document.body];
  assert.equal(vigie.evidence.topInset(window, post), 0, 'the post itself is on top');
});

test('a tall post: put below the bar, scrolled where the worker asks, then the CM\'s scroll position is given back', async () => {
  const scrolls = [];
  let asked;
  let framedAtShot;
  let framedAfterScroll;
  const page = openPage(fixture('x/home-timeline.html'), {
    sendMessage: workingWorker({
      capture: async (message) => {
        framedAtShot = frameBox(page.document);
        // The worker, between two shots: asks for the post's row 675 below the bar, as lib/shots.js does.
        asked = await page.tell({ type: 'capture-scroll', postId: LUCIE, offset: 675 }, WORKER);
        framedAfterScroll = frameBox(page.document);
        await assert.rejects(page.tell({ type: 'capture-scroll', postId: LUCIE, offset: 0 }, { id: RUNTIME_ID, tab: { id: 3 } }),
          /Receiving end does not exist/, 'another tab\'s content script is not answered');
        assert.deepEqual(await page.tell({ type: 'capture-scroll', postId: 'other', offset: 0 }, WORKER), { ok: false });
        return { ok: true, capture: { id: 'cap_0123456789' }, sent: message };
      },
    }),
  });
  const { window, document } = page;
  await waitFor(() => document.querySelector(`article[data-vigie-post-id="${LUCIE}"][data-vigie-risk]`), { what: 'risk' });
  const post = document.querySelector(`article[data-vigie-post-id="${LUCIE}"]`);
  let scrollY = 1000;
  Object.defineProperty(window, 'scrollY', { get: () => scrollY });
  window.scrollBy = ({ top }) => { scrolls.push(['by', top]); scrollY += top; };
  window.scrollTo = ({ top }) => { scrolls.push(['to', top]); scrollY = top; };
  place(window, post, () => ({ x: 300, y: 1300 - scrollY, width: 600, height: 2000 }));
  const bar = document.createElement('div');
  bar.style.position = 'sticky';
  document.body.prepend(bar);
  place(window, bar, { x: 0, y: 0, width: 1024, height: 53 });
  document.elementsFromPoint = (x, y) => (y < 53 ? [bar, document.body] : [document.body]);

  await window.vigie.running.capture(post);
  const message = page.messages.find((m) => m.type === 'capture');
  assert.deepEqual(message.rect, { x: 300, y: 53, width: 600, height: 2000 }, 'the post\'s top just below the bar');
  assert.deepEqual(asked, { ok: true, rect: { x: 300, y: 53 - 675, width: 600, height: 2000 } });
  assert.deepEqual(scrolls, [['by', 300 - 53], ['by', 675], ['to', 1000]]);
  assert.equal(scrollY, 1000);
  assert.deepEqual(framedAtShot, { left: 297, top: 50, width: 600, height: 2000, border: 3 }, 'framed for the first shot');
  assert.equal(framedAfterScroll, null, 'no frame in the next slices: it would lie over the post');
  assert.equal(frameBox(document), null);
  assert.match(post.querySelector('vigie-badge').getAttribute('data-capture-id'), /cap_0123456789/);
});

/** The frame content/outline.js drew, in CSS pixels, or null. */
function frameBox(document) {
  const frame = document.querySelector('vigie-outline');
  if (!frame) return null;
  const px = (name) => Number.parseFloat(frame.style.getPropertyValue(name));
  return { left: px('left'), top: px('top'), width: px('width'), height: px('height'), border: px('border-top-width') };
}

test('a post that fits: framed 3 device pixels outside its box for the shot, whatever the page\'s CSS, then unframed', async () => {
  let seen;
  const page = openPage(fixture('x/home-timeline.html'), {
    sendMessage: workingWorker({
      capture: async (message) => {
        const frame = page.document.querySelector('vigie-outline');
        seen = { box: frameBox(page.document), rect: message.rect, parent: frame.parentElement.tagName,
          style: Object.fromEntries(['position', 'pointer-events', 'border-top-color', 'box-sizing', 'z-index']
            .map((name) => [name, [frame.style.getPropertyValue(name), frame.style.getPropertyPriority(name)]])),
          hidden: frame.getAttribute('aria-hidden') };
        return { ok: true, capture: { id: 'cap_0123456789' } };
      },
    }),
  });
  const { window, document } = page;
  await waitFor(() => document.querySelector(`article[data-vigie-post-id="${LUCIE}"][data-vigie-risk]`), { what: 'risk' });
  const post = document.querySelector(`article[data-vigie-post-id="${LUCIE}"]`);
  Object.defineProperty(window, 'devicePixelRatio', { value: 2 });
  place(window, post, { x: 300, y: 200, width: 600, height: 180 });
  const style = document.createElement('style');
  style.textContent = 'vigie-outline { display: none !important; border-color: blue !important }';
  document.head.append(style);

  await window.vigie.running.capture(post);
  assert.deepEqual(seen.rect, { x: 300, y: 200, width: 600, height: 180 });
  assert.deepEqual(seen.box, { left: 298.5, top: 198.5, width: 600, height: 180, border: 1.5 }, '3 device pixels at dpr 2');
  assert.equal(seen.parent, 'HTML', 'on <html>, outside the page\'s layout');
  assert.deepEqual(seen.style, {
    position: ['fixed', 'important'], 'pointer-events': ['none', 'important'], 'border-top-color': ['rgb(255, 0, 0)', 'important'],
    'box-sizing': ['content-box', 'important'], 'z-index': ['2147483647', 'important'],
  });
  assert.equal(seen.hidden, 'true');
  assert.equal(frameBox(document), null, 'removed once the worker answered');
});

test('the page moves the post before the shot (a timeline inserting above it): the frame and the box follow', async () => {
  let seen;
  const page = openPage(fixture('x/home-timeline.html'), {
    sendMessage: workingWorker({
      capture: async (message) => {
        seen = { box: frameBox(page.document), rect: message.rect };
        return { ok: true, capture: { id: 'cap_0123456789' } };
      },
    }),
  });
  const { window, document } = page;
  await waitFor(() => document.querySelector(`article[data-vigie-post-id="${LUCIE}"][data-vigie-risk]`), { what: 'risk' });
  const post = document.querySelector(`article[data-vigie-post-id="${LUCIE}"]`);
  let y = 200;
  place(window, post, () => ({ x: 300, y, width: 600, height: 180 }));
  const frame = window.requestAnimationFrame.bind(window);
  let frames = 0;
  window.requestAnimationFrame = (callback) => frame((t) => {
    frames += 1;
    if (frames === 1) y = 320; // new posts came in above during the first frame
    callback(t);
  });
  await window.vigie.running.capture(post);
  assert.deepEqual(seen.rect, { x: 300, y: 320, width: 600, height: 180 });
  assert.deepEqual(seen.box, { left: 297, top: 317, width: 600, height: 180, border: 3 });
});

test('what the core sends: the post\'s clean HTML, the shown time, the referrer and the path ending with this page', async () => {
  const page = openPage(fixture('x/home-timeline.html'), { sendMessage: workingWorker({ capture: async () => ({ ok: true, capture: { id: 'cap_0123456789' } }) }) });
  const { document, window } = page;
  await waitFor(() => document.querySelector(`article[data-vigie-post-id="${LUCIE}"][data-vigie-risk]`), { what: 'risk' });
  await window.vigie.running.capture(document.querySelector(`article[data-vigie-post-id="${LUCIE}"]`));
  const message = page.messages.find((m) => m.type === 'capture');
  assert.match(message.html, /^<article/);
  assert.match(message.html, /je vais me suicider/);
  assert.doesNotMatch(message.html, /vigie-badge|data-vigie-|<script/);
  assert.equal(message.metadata.publishedShown, '2m');
  assert.equal(message.page.referrer, null);
  assert.equal(message.page.navigationPath.at(-1).url, 'https://x.com/home');
  assert.match(message.page.navigationPath.at(-1).at, /Z$/);
});
