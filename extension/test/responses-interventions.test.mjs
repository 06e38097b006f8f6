// What the response panel records: the suggest request it sends, the capture as case reference, one intervention per
// use of the text (edits included, with the final text), nothing for a panel closed untouched, and a refusal said.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { buildIntervention, buildSuggestRequest } from '../src/lib/responses.js';
import { plain, sleep, waitFor } from './helpers/page.mjs';
import { LUCIE, SUGGESTION, inPanel, openPanel, panelOf, timeline } from './helpers/response-panel.mjs';
import { trustedClick, type } from './helpers/trusted.mjs';

const validator = createValidator();

test('the suggest message is a valid request: the post, the badge\'s classification, no capture', async () => {
  const page = await timeline();
  await openPanel(page);
  const message = page.messages.find((m) => m.type === 'suggest');
  assert.equal(message.captureId, null);
  assert.equal(message.post.postId, LUCIE);
  assert.equal(message.classification.risk, 'critical');
  assert.deepEqual(validator.validate('response-suggest-request', buildSuggestRequest(message)), []);
  assert.equal(page.messages.filter((m) => m.type === 'capture').length, 0, 'nothing captured');
});

test('after a capture the panel opens by itself, with the capture as case reference and in every intervention', async () => {
  const page = await timeline({ capture: async () => ({ ok: true, capture: { id: 'cap_0123456789' } }) });
  await page.window.vigie.running.capture(page.post);
  const textarea = await waitFor(() => panelOf(page.document) && inPanel(page.document, 'textarea'), { what: 'panel' });
  assert.equal(page.messages.find((m) => m.type === 'suggest').captureId, 'cap_0123456789');
  trustedClick(inPanel(page.document, '[data-action="copy"]'));
  await waitFor(() => page.interventions.length === 1, { what: 'copied' });
  assert.equal(page.interventions[0].captureId, 'cap_0123456789');
  assert.equal(page.clipboard[0], textarea.value);
});

test('a CM edit is one "edited" intervention with the final text when the text is used, then once more per new edit at closing', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  const edited = `${SUGGESTION.best.text} Nous restons disponibles.`;
  type(textarea, edited);
  trustedClick(inPanel(page.document, '[data-action="copy"]'));
  trustedClick(inPanel(page.document, '[data-action="copy"]'));
  await waitFor(() => page.interventions.length === 3, { what: 'interventions' });
  assert.deepEqual(page.interventions.map((i) => i.action), ['edited', 'copied', 'copied']);
  for (const intervention of page.interventions) {
    assert.equal(intervention.finalText, edited);
    assert.equal(intervention.templateId, SUGGESTION.best.templateId);
    assert.equal(intervention.templateVersion, 1);
    assert.equal(intervention.postId, LUCIE);
    assert.equal(intervention.platform, 'x');
    assert.deepEqual(validator.validate('intervention-input', buildIntervention(intervention)), []);
  }
  assert.deepEqual(page.clipboard, [edited, edited]);
  type(textarea, 'Texte réécrit.');
  textarea.dispatchEvent(new page.window.KeyboardEvent('keydown', { key: 'Escape', bubbles: true, composed: true }));
  await waitFor(() => page.interventions.length === 4, { what: 'edit at closing' });
  assert.deepEqual(plain(page.interventions.at(-1)).finalText, 'Texte réécrit.');
});

test('a panel closed without edits records nothing; typing back the suggested text is no edit', async () => {
  const page = await timeline();
  const textarea = await openPanel(page);
  type(textarea, 'brouillon');
  type(textarea, SUGGESTION.best.text);
  trustedClick(inPanel(page.document, '[data-action="close"]'));
  await sleep(50);
  assert.equal(panelOf(page.document), null);
  assert.deepEqual(page.interventions, []);
});

test('a recorded intervention the server refused is said in the panel', async () => {
  const page = await timeline();
  page.window.vigie.running.status(); // the core keeps running; only the intervention answer changes below
  await openPanel(page);
  const panel = panelOf(page.document);
  const original = page.window.chrome.runtime.sendMessage;
  page.window.chrome.runtime.sendMessage = async (message) => (message.type === 'intervention'
    ? { ok: false, error: { message: 'Aucune capture cap_x.' } } : original(message));
  trustedClick(inPanel(page.document, '[data-action="copy"]'));
  await waitFor(() => /Trace non enregistrée : Aucune capture cap_x\./.test(panel.shadowRoot.querySelector('.trace').textContent), { what: 'trace error' });
});
