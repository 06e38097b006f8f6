// The response panel in the page: opened from the badge, text as text, X counting, alternatives, keyboard use,
// trusted clicks only, errors, palettes. What it records (interventions) is in responses-interventions.test.mjs.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { EXAMPLES_DIR } from '../../shared-schemas/js/validator.mjs';
import { openPage, sleep, waitFor } from './helpers/page.mjs';
import { LUCIE, SUGGESTION, inPanel, openPanel, panelOf, timeline } from './helpers/response-panel.mjs';
import { trustedClick, type } from './helpers/trusted.mjs';

test('« Répondre » on the badge opens a dialog near the post: loading, then the suggested text, helplines and reporting help', async () => {
  let answer;
  const page = await timeline({ suggest: () => new Promise((resolve) => { answer = resolve; }) });
  assert.equal(page.respond.textContent, 'Répondre');
  trustedClick(page.respond);
  const host = await waitFor(() => panelOf(page.document), { what: 'panel' });
  const dialog = host.shadowRoot.querySelector('[role="dialog"]');
  assert.equal(host.shadowRoot.mode, 'open');
  assert.match(dialog.getAttribute('aria-label'), /^Réponse suggérée par Vigie — Response suggested by Vigie$/);
  assert.match(dialog.textContent, /Préparation de la réponse…/);
  assert.equal(host.shadowRoot.activeElement, dialog, 'the focus moved into the panel');
  assert.match(host.style.cssText, /position: absolute/);
  answer({ ok: true, suggestion: structuredClone(SUGGESTION) });
  const textarea = await waitFor(() => host.shadowRoot.querySelector('textarea'), { what: 'text' });
  assert.equal(textarea.value, SUGGESTION.best.text);
  assert.equal(host.shadowRoot.activeElement, textarea);
  assert.match(dialog.textContent, /Détresse · Réponse publique/);
  assert.match(dialog.textContent, /Raccourcie pour tenir/);
  assert.match(dialog.textContent, /Lignes d’écoute.*le 3114.*SOS Amitié.*Urgence : le 15 ou le 112/);
  assert.match(dialog.textContent, /Signaler à la plateforme.*Règle : Règles de X : suicide et automutilation\..*Où : Menu « ⋯ » du post › Signaler le post/);
  const buttons = Array.from(host.shadowRoot.querySelectorAll('.actions button')).map((b) => b.textContent);
  assert.deepEqual(buttons, ['Copier', 'Répondre sur la plateforme']);
});

test('text from the page and the server is shown as text, never as markup', async () => {
  const evil = '<img src=x onerror="globalThis.pwned=1"><b>gras</b>';
  const suggestion = structuredClone(SUGGESTION);
  suggestion.best.text = `Bonjour ${evil}`;
  suggestion.reporting.rule = evil;
  suggestion.helplines.other = evil;
  const page = await timeline({ suggest: async () => ({ ok: true, suggestion }) });
  const textarea = await openPanel(page);
  const root = panelOf(page.document).shadowRoot;
  assert.equal(textarea.value, `Bonjour ${evil}`);
  assert.equal(root.querySelector('img'), null);
  assert.equal(root.querySelector('b'), null);
  assert.match(root.textContent, /Règle : <img src=x onerror/);
  assert.equal(page.window.pwned, undefined);
});

test('the counter weighs X characters as X does, and says by how much a text is too long', async () => {
  const { textLength } = (await timeline()).vigie.responses;
  assert.equal(textLength('x', 'abc é —'), 7, 'Latin and general punctuation weigh 1');
  assert.equal(textLength('x', '中文'), 4, 'CJK weighs 2');
  assert.equal(textLength('x', '🙏'), 2, 'an emoji is one code point of weight 2');
  assert.equal(textLength('x', '\u2010\u201f\u2032\u2037'), 4, 'the light general-punctuation ranges');
  assert.equal(textLength('x', '\u2028\u2030\u2038'), 6, 'between those ranges: 2');
  assert.equal(textLength('facebook', '🙏中'), 2, 'elsewhere, code points');

  const page = await timeline();
  const textarea = await openPanel(page);
  const count = inPanel(page.document, '.count');
  assert.equal(count.textContent, `${SUGGESTION.best.text.length} / 280`);
  type(textarea, 'a'.repeat(279) + '🙏');
  assert.equal(count.textContent, '281 / 280 — 1 de trop');
  assert.equal(count.hasAttribute('data-over'), true);
  type(textarea, 'a'.repeat(278) + '🙏');
  assert.equal(count.textContent, '280 / 280');
  assert.equal(count.hasAttribute('data-over'), false);
});

test('alternatives swap the text, the label and the pressed choice; a private message is not offered as a public reply', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  const options = Array.from(panelOf(page.document).shadowRoot.querySelectorAll('[data-action="option"]'));
  assert.deepEqual(options.map((o) => o.textContent), ['Réponse publique — Détresse', 'Message privé — Détresse']);
  assert.deepEqual(options.map((o) => o.getAttribute('aria-pressed')), ['true', 'false']);
  trustedClick(options[1]);
  assert.equal(textarea.value, SUGGESTION.alternatives[0].text);
  assert.deepEqual(options.map((o) => o.getAttribute('aria-pressed')), ['false', 'true']);
  assert.match(inPanel(page.document, '[data-role="meta"]').textContent, /Message privé/);
  assert.equal(inPanel(page.document, '[data-action="reply"]').hidden, true);
  // "Bonjour Léa,\n\n…": 14 light characters and the ellipsis (U+2026, outside X's light ranges), which weighs 2.
  assert.equal(inPanel(page.document, '.count').textContent, '16 / 10000');
  trustedClick(options[0]);
  assert.equal(textarea.value, SUGGESTION.best.text);
  assert.equal(inPanel(page.document, '[data-action="reply"]').hidden, false);
});

test('Escape closes the panel and gives the focus back to the badge; Tab cycles inside the panel', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  const root = panelOf(page.document).shadowRoot;
  const focusable = Array.from(root.querySelectorAll('button:not([hidden]), textarea'));
  assert.deepEqual(focusable.map((el) => el.getAttribute('data-action') ?? el.tagName),
    ['close', 'TEXTAREA', 'copy', 'reply', 'option', 'option']);
  const tab = (target, shiftKey = false) => {
    const event = new page.window.KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, composed: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  focusable.at(-1).focus();
  assert.equal(tab(focusable.at(-1)), true);
  assert.equal(root.activeElement, focusable[0], 'Tab on the last control wraps to the first');
  assert.equal(tab(focusable[0], true), true);
  assert.equal(root.activeElement, focusable.at(-1), 'Shift+Tab on the first wraps to the last');
  textarea.focus();
  assert.equal(tab(textarea), false, 'inside, Tab moves as usual');
  textarea.dispatchEvent(new page.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  assert.equal(panelOf(page.document), null);
  assert.equal(page.document.activeElement, page.badge);
  assert.equal(page.badge.shadowRoot.activeElement, page.badge.shadowRoot.querySelector('.pill'));
});

test('untrusted clicks do nothing: no panel from the badge, no copy, no reply, no swap, no close', async () => {
  const page = await timeline();
  page.respond.click();
  page.respond.dispatchEvent(new page.window.MouseEvent('click', { bubbles: true, composed: true }));
  await sleep(50);
  assert.equal(panelOf(page.document), null);
  const textarea = await openPanel(page);
  for (const action of ['copy', 'reply', 'option', 'close']) {
    const button = inPanel(page.document, `[data-action="${action}"]:not([aria-pressed="true"])`);
    button.click();
    button.dispatchEvent(new page.window.MouseEvent('click', { bubbles: true, composed: true }));
  }
  await sleep(50);
  assert.ok(panelOf(page.document));
  assert.equal(textarea.value, SUGGESTION.best.text);
  assert.deepEqual([page.interventions, page.opened, page.clipboard], [[], [], []]);
});

test('keys typed and clicks in the panel never reach the page (X\'s shortcuts, its click-to-open)', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  const reached = [];
  for (const type of ['keydown', 'keypress', 'keyup', 'input', 'click']) page.document.addEventListener(type, () => reached.push(type));
  for (const type of ['keydown', 'keypress', 'keyup']) {
    textarea.dispatchEvent(new page.window.KeyboardEvent(type, { key: 'r', bubbles: true, composed: true }));
  }
  textarea.dispatchEvent(new page.window.InputEvent('input', { bubbles: true, composed: true }));
  inPanel(page.document, '.count').dispatchEvent(new page.window.MouseEvent('click', { bubbles: true, composed: true }));
  assert.deepEqual(reached, []);
});

test('« Répondre sur la plateforme » on X opens the reply intent with the post id and the text, and records "opened"', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  type(textarea, 'Lucie, nous sommes là. Appelez le 3114 🙏');
  trustedClick(inPanel(page.document, '[data-action="reply"]'));
  await waitFor(() => page.interventions.length === 2, { what: 'interventions' });
  assert.equal(page.opened.length, 1);
  const [url, target, features] = page.opened[0];
  assert.equal(url, `https://x.com/intent/post?in_reply_to=${LUCIE}&text=${encodeURIComponent('Lucie, nous sommes là. Appelez le 3114 🙏')}`);
  assert.deepEqual([target, features], ['_blank', 'noopener']);
  assert.deepEqual(page.interventions.map((i) => i.action), ['edited', 'opened']);
  assert.match(inPanel(page.document, '.status').textContent, /publiez-la vous-même/);
  assert.deepEqual(page.clipboard, [], 'the intent carries the text: nothing copied');
});

test('a server error says why and offers « Réessayer », which asks again', async () => {
  let calls = 0;
  const page = await timeline({
    suggest: async () => {
      calls += 1;
      return calls === 1 ? { ok: false, error: { code: 'unreachable', message: 'Serveur Vigie injoignable.' } } : { ok: true, suggestion: structuredClone(SUGGESTION) };
    },
  });
  trustedClick(page.respond);
  const retry = await waitFor(() => panelOf(page.document) && inPanel(page.document, '[data-action="retry"]'), { what: 'error' });
  assert.match(inPanel(page.document, '[role="alert"]').textContent, /Réponse indisponible : Serveur Vigie injoignable\./);
  assert.equal(panelOf(page.document).shadowRoot.activeElement, retry);
  trustedClick(retry);
  await waitFor(() => inPanel(page.document, 'textarea'), { what: 'text after retry' });
  assert.equal(calls, 2);
});

test('"nothing needed": the server\'s note, and no text or button to use', async () => {
  const nothing = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'valid', 'response-suggestion.nothing-needed.json'), 'utf8'));
  const page = await timeline({ suggest: async () => ({ ok: true, suggestion: nothing }) });
  trustedClick(page.respond);
  await waitFor(() => panelOf(page.document) && inPanel(page.document, '.note'), { what: 'note' });
  assert.equal(inPanel(page.document, '.note').textContent, 'Message sans risque : aucune réponse n’est nécessaire.');
  assert.equal(inPanel(page.document, 'textarea'), null);
  assert.equal(inPanel(page.document, '[data-action="copy"]'), null);
});

test('one panel at a time: opening another post\'s panel closes the first', async () => {
  const page = await timeline();
  await openPanel(page);
  const other = page.document.querySelector('article[data-vigie-post-id="1789995500112233472"] > vigie-badge');
  other.dispatchEvent(new page.window.Event('pointerenter'));
  trustedClick(other.shadowRoot.querySelector('[data-action="respond"]'));
  await waitFor(() => page.document.querySelector('vigie-response-panel[data-post-id="1789995500112233472"]'), { what: 'second panel' });
  assert.equal(page.document.querySelectorAll('vigie-response-panel').length, 1);
});

/** WCAG relative luminance contrast of two #rrggbb colours. */
function contrast(a, b) {
  const lum = (hex) => {
    const [r, g, bl] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
      .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

test('light and dark palettes: every text colour on its background meets WCAG AA (≥ 4.5)', async () => {
  const page = openPage('<!doctype html><p>x</p>', { url: 'https://news.example/', scripts: ['content/text.js', 'content/response-view.js'] });
  const { PALETTES, STYLE } = page.vigie.responseView;
  for (const [scheme, p] of Object.entries(PALETTES)) {
    const pairs = [['text', 'background'], ['muted', 'background'], ['error', 'background'], ['ok', 'background'],
      ['onAccent', 'accent'], ['text', 'soft'], ['text', 'field'], ['accent', 'background']];
    for (const [fg, bg] of pairs) {
      assert.ok(contrast(p[fg], p[bg]) >= 4.5, `${scheme} ${fg} on ${bg}: ${contrast(p[fg], p[bg]).toFixed(2)}`);
    }
  }
  assert.match(STYLE, /@media \(prefers-color-scheme: dark\)/);
  assert.match(STYLE, /:host \{ all: initial; \}/, 'no page style reaches the panel');
});

test('an SPA navigation to another page closes the panel; a #fragment change does not', async () => {
  const page = await timeline();
  await openPanel(page);
  page.window.history.pushState({}, '', '/home#top');
  page.window.dispatchEvent(new page.window.PopStateEvent('popstate'));
  assert.ok(panelOf(page.document), 'same page, another fragment');
  page.window.history.pushState({}, '', '/lucie_m/status/1790000000000000001');
  page.window.dispatchEvent(new page.window.PopStateEvent('popstate'));
  assert.equal(panelOf(page.document), null);
});
