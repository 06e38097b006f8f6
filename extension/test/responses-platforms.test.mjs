// « Répondre sur la plateforme » from the panel on each kind of site: a quote page opened after copying, a composer
// filled, the copy when the platform opened nothing, and the clipboard fallback of http:// forums.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLES_DIR } from '../../shared-schemas/js/validator.mjs';
import { fixture, openPage, waitFor, workingWorker } from './helpers/page.mjs';
import { installExecCommand, trustedClick } from './helpers/trusted.mjs';

const SUGGESTION = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'valid', 'response-suggestion.distress-fr.json'), 'utf8'));

/**
 * A saved page with every content script, a worker that classifies, suggests and records, and the browser parts
 * jsdom lacks (window.open, clipboard, execCommand), recorded in one timeline.
 * @param {string} file fixture path without .html
 * @param {{ clipboard?: boolean }} [options] clipboard: false for a page without the async clipboard (http://)
 */
async function site(file, { clipboard = true } = {}) {
  const expected = JSON.parse(fixture(`${file}.expected.json`));
  const events = [];
  const interventions = [];
  const page = openPage(fixture(`${file}.html`), {
    url: expected.url,
    sendMessage: workingWorker({
      suggest: async () => ({ ok: true, suggestion: structuredClone(SUGGESTION) }),
      intervention: async (message) => { interventions.push(message); return { ok: true, intervention: { id: 'int_00000001' } }; },
    }),
    setup: (window) => {
      window.open = (url) => { events.push(['open', url]); return null; };
      if (clipboard) {
        Object.defineProperty(window.navigator, 'clipboard', {
          value: { writeText: async (text) => { events.push(['clipboard', text]); } }, configurable: true,
        });
      }
    },
  });
  const exec = installExecCommand(page.window);
  await waitFor(() => page.document.querySelectorAll('[data-vigie-risk]').length >= expected.posts.length - 1, { what: 'risks' });
  /** Opens the panel of a post with its badge's « Répondre », waits for the text, clicks « Répondre sur la plateforme ». */
  const replyTo = async (id) => {
    const badge = page.document.querySelector(`[data-vigie-post-id="${id}"] vigie-badge`);
    badge.dispatchEvent(new page.window.Event('pointerenter'));
    trustedClick(badge.shadowRoot.querySelector('[data-action="respond"]'));
    const root = await waitFor(() => page.document.querySelector('vigie-response-panel')?.shadowRoot, { what: 'panel' });
    const textarea = await waitFor(() => root.querySelector('textarea'), { what: 'text' });
    trustedClick(root.querySelector('[data-action="reply"]'));
    return { root, textarea, status: () => root.querySelector('.status').textContent };
  };
  return { ...page, events, interventions, exec, replyTo };
}

test('phpBB: the text is copied, then the post\'s quote page opens, and "opened" is recorded', async () => {
  const page = await site('phpbb/viewtopic');
  const { textarea, status } = await page.replyTo('51252');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention' });
  assert.deepEqual(page.events, [
    ['clipboard', textarea.value],
    ['open', 'https://forum.exemple-conso.fr/posting.php?mode=quote&p=51252'],
  ]);
  assert.equal(page.interventions[0].action, 'opened');
  assert.equal(page.interventions[0].platform, 'phpbb');
  assert.equal(page.interventions[0].postId, '51252');
  assert.equal(status(), 'Texte copié : collez-le dans la réponse.');
});

test('an http:// forum without the async clipboard copies from the selected field, from the CM\'s click', async () => {
  const page = await site('phpbb/viewtopic', { clipboard: false });
  const { root, textarea, status } = await page.replyTo('51252');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention' });
  const copy = page.exec.find((call) => call.command === 'copy');
  assert.ok(copy, 'execCommand("copy")');
  assert.equal(root.activeElement, textarea);
  assert.equal(textarea.selectionStart, 0);
  assert.equal(textarea.selectionEnd, textarea.value.length);
  assert.equal(status(), 'Texte copié : collez-le dans la réponse.');
});

test('Facebook: a comment\'s reply box receives the text as typed; nothing is sent; "opened" is recorded', async () => {
  const page = await site('facebook/page-feed');
  const comment = page.document.querySelector('[data-vigie-post-id="3344556677889900"]');
  const reply = Array.from(comment.querySelectorAll('[role="button"]')).find((b) => b.textContent === 'Répondre');
  let box = null;
  // Facebook's script, absent from the saved page: « Répondre » opens a focused reply box under the comment.
  reply.addEventListener('click', () => {
    box = page.document.createElement('div');
    box.setAttribute('contenteditable', 'true');
    box.setAttribute('role', 'textbox');
    comment.append(box);
    box.focus();
  });
  let submitted = 0;
  page.document.addEventListener('submit', () => { submitted += 1; });
  const { textarea, status } = await page.replyTo('3344556677889900');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention' });
  assert.equal(box.textContent, textarea.value);
  assert.equal(page.interventions[0].action, 'opened');
  assert.match(status(), /Texte placé dans la zone de réponse : relisez-le et envoyez-le vous-même\./);
  assert.deepEqual(page.events, [], 'nothing opened, nothing copied');
  assert.equal(submitted, 0);
});

test('a composer that does not open: the text is copied instead, said so, and recorded as "copied"', async () => {
  const page = await site('facebook/page-feed');
  const { textarea, status } = await page.replyTo('3344556677889900');
  assert.equal(status(), 'Ouverture de la zone de réponse…');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention', timeout: 5000 });
  assert.equal(page.interventions[0].action, 'copied');
  assert.deepEqual(page.events, [['clipboard', textarea.value]]);
  assert.equal(status(), 'Texte copié : collez-le dans la réponse.');
});

test('an unknown engine (schema.org): the text is copied and the CM told to paste it', async () => {
  const page = await site('schema-org/topic');
  const { textarea, status } = await page.replyTo('msg-1204');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention' });
  assert.deepEqual(page.events, [['clipboard', textarea.value]]);
  assert.equal(page.interventions[0].action, 'copied');
  assert.equal(page.interventions[0].platform, 'schema_org');
  assert.equal(status(), 'Texte copié : collez-le dans la réponse.');
});

test('a quote link the page made into javascript: is never opened: the text is copied instead', async () => {
  const page = await site('phpbb/viewtopic');
  page.document.querySelector('#p51252 a[href*="mode=quote"]').setAttribute('href', 'javascript:alert(1)//posting.php?mode=quote');
  const { textarea, status } = await page.replyTo('51252');
  await waitFor(() => page.interventions.length === 1, { what: 'intervention' });
  assert.deepEqual(page.events, [['clipboard', textarea.value]]);
  assert.equal(page.interventions[0].action, 'copied');
  assert.equal(status(), 'Texte copié : collez-le dans la réponse.');
});
