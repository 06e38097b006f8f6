// The compact badge: pill by default, panel on hover / focus / click, keyboard use, readable colours.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RISK_ROWS } from '../src/lib/popup-view.js';
import { labelNames, openPage } from './helpers/page.mjs';

function badgePage() {
  const page = openPage('<!doctype html><article style="position: relative"><p>Texte</p></article>', {
    url: 'https://news.example/', scripts: ['content/text.js', 'content/badge-style.js', 'content/badge-panel.js', 'content/badge.js', 'content/capture-state.js'],
  });
  const captures = [];
  const host = page.vigie.badge.create(page.document, 'p1', () => captures.push('p1'));
  page.document.querySelector('article').prepend(host);
  page.vigie.badge.render(host, {
    state: 'classified',
    labelNames: labelNames(),
    classification: {
      risk: 'critical',
      labels: [
        { label: 'distress', evidence: [{ text: 'je vais me suicider', explanation: 'intention suicidaire exprimée' }] },
        { label: 'question', evidence: [] },
      ],
    },
  });
  const root = host.shadowRoot;
  const built = root.querySelector('.panel').childElementCount;
  // The CM points at the badge: its panel is built then, not for every post of the page.
  host.dispatchEvent(new page.window.Event('pointerenter'));
  return { ...page, host, root, captures, built, pill: root.querySelector('.pill'), capture: root.querySelector('[data-action="capture"]') };
}

test('a badge nobody pointed at has only its pill: the panel is built on first hover, focus or click', () => {
  const { built, root } = badgePage();
  assert.equal(built, 0);
  assert.ok(root.querySelector('.panel [data-action="capture"]'));
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

test('white text on every risk colour meets WCAG AA (≥ 4.5); the popup uses the same colours', () => {
  const { vigie } = badgePage();
  for (const [risk, { color }] of Object.entries(vigie.badge.RISKS)) {
    assert.ok(contrast(color, '#ffffff') >= 4.5, `${risk} ${color}: ${contrast(color, '#ffffff').toFixed(2)}`);
  }
  for (const row of RISK_ROWS) assert.equal(row.color, vigie.badge.RISKS[row.risk].color, row.risk);
});

test('by default only the pill shows: icon and French word, a button with aria-expanded="false"', () => {
  const { host, root, pill, capture } = badgePage();
  assert.equal(host.getAttribute('data-state'), 'classified');
  assert.equal(host.getAttribute('data-risk'), 'critical');
  assert.equal(pill.tagName, 'BUTTON');
  assert.equal(pill.getAttribute('type'), 'button');
  assert.equal(pill.getAttribute('aria-expanded'), 'false');
  assert.equal(pill.textContent, '!!Critique');
  assert.equal(root.querySelector('.badge').hasAttribute('data-open'), false);
  assert.equal(capture.tabIndex, -1, 'the closed panel is out of the tab order');
  assert.ok(root.querySelector('.panel').contains(capture));
  const css = root.querySelector('style').textContent;
  assert.match(css, /:host \{ all: initial; position: absolute; top: 0; right: 0; width: 0; height: 0;/, 'the host takes no room');
  assert.match(css, /:host\(:hover\) \.panel/, 'hovering opens the panel');
});

test('the panel shows the labels, the evidence marked and explained, and « Capturer la preuve »', () => {
  const { root } = badgePage();
  const panel = root.querySelector('.panel');
  assert.match(panel.querySelector('h2').textContent, /Pourquoi \?/);
  assert.equal(panel.querySelector('mark').textContent, '« je vais me suicider »');
  assert.match(panel.textContent, /Détresse.*intention suicidaire exprimée/);
  assert.match(panel.textContent, /Question — sans passage précis/);
  assert.equal(panel.querySelector('[data-action="capture"]').textContent, 'Capturer la preuve');
});

test('a click on the pill opens the panel; Escape closes it and gives the focus back to the pill', () => {
  const { window, root, pill, capture } = badgePage();
  pill.dispatchEvent(new window.MouseEvent('click', { bubbles: true, composed: true }));
  assert.equal(pill.getAttribute('aria-expanded'), 'true');
  assert.equal(root.querySelector('.badge').hasAttribute('data-open'), true);
  assert.equal(capture.tabIndex, 0);
  capture.focus();
  capture.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  assert.equal(pill.getAttribute('aria-expanded'), 'false');
  assert.equal(root.activeElement, pill);
  assert.equal(capture.tabIndex, -1);
});

test('keyboard focus opens the panel and Tab stays inside it while it is open', () => {
  const { window, root, pill, capture } = badgePage();
  pill.focus();
  assert.equal(pill.getAttribute('aria-expanded'), 'true');
  const tab = (target, shiftKey = false) => {
    const event = new window.KeyboardEvent('keydown', { key: 'Tab', shiftKey, bubbles: true, composed: true, cancelable: true });
    target.dispatchEvent(event);
    return event.defaultPrevented;
  };
  capture.focus();
  assert.equal(tab(capture), true);
  assert.equal(root.activeElement, pill, 'Tab on the last button wraps to the pill');
  assert.equal(tab(pill, true), true);
  assert.equal(root.activeElement, capture, 'Shift+Tab on the pill wraps to the last button');
});

test('a synthetic (untrusted) click on the capture button files nothing', () => {
  const { window, capture, captures, pill } = badgePage();
  pill.dispatchEvent(new window.MouseEvent('click', { bubbles: true, composed: true }));
  capture.click();
  capture.dispatchEvent(new window.MouseEvent('click', { bubbles: true, composed: true }));
  assert.deepEqual(captures, []);
});

test('while a capture runs the panel is hidden, so the screenshot shows the post', () => {
  const { vigie, host, root } = badgePage();
  vigie.badge.render(host, {
    state: 'classified', labelNames: labelNames(), capture: { status: 'busy' },
    classification: { risk: 'low', labels: [] },
  });
  assert.equal(root.querySelector('.badge').getAttribute('data-capture'), 'busy');
  assert.match(root.querySelector('style').textContent, /\.badge\[data-capture="busy"\] \.panel \{ display: none; \}/);
  assert.equal(root.querySelector('.status').textContent, 'Capture…');
});
