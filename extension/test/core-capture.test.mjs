// The capture seen from the page: only a trusted click captures, what the content script sends, and what the badge
// says of the capture afterwards (busy, sent with its id, kept for later, refused, failed).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createValidator } from '../../shared-schemas/js/validator.mjs';
import { completeMetadata } from '../src/lib/metadata.js';
import { sleep, waitFor } from './helpers/page.mjs';
import { LUCIE, article, badgeOf, badgeText, classifiedPage, pointAt } from './helpers/x-timeline.mjs';

const validator = createValidator();

test('an untrusted click on "Capturer la preuve" does nothing', async () => {
  const { document, messages, window } = await classifiedPage();
  const button = pointAt(article(document, LUCIE)).shadowRoot.querySelector('[data-action="capture"]');
  assert.equal(button.tagName, 'BUTTON');
  assert.equal(button.getAttribute('type'), 'button');
  button.click();
  button.dispatchEvent(new window.MouseEvent('click', { bubbles: true, composed: true }));
  await sleep(100);
  assert.equal(messages.filter((m) => m.type === 'capture').length, 0);
  assert.doesNotMatch(badgeText(article(document, LUCIE)), /Capture…/);
});

test('a capture sends the post, its box and the pixel ratio, then shows the stored capture id', async () => {
  let release;
  const { document, messages, window } = await classifiedPage({
    capture: () => new Promise((resolve) => { release = resolve; }),
  });
  const post = article(document, LUCIE);
  const done = window.vigie.running.capture(post);
  await waitFor(() => /Capture…/.test(badgeText(post)), { what: 'busy state' });
  await waitFor(() => release, { what: 'capture message' });
  const message = messages.find((m) => m.type === 'capture');
  assert.deepEqual(Object.keys(message.rect).sort(), ['height', 'width', 'x', 'y']);
  assert.equal(message.devicePixelRatio, 1);
  assert.equal(message.metadata.postId, LUCIE);
  assert.equal(message.metadata.classification.id, LUCIE);
  assert.equal(message.metadata.classification.risk, 'critical');
  assert.equal(message.metadata.author.handle, '@lucie_m');
  release({ ok: true, capture: { id: 'cap_0123456789' } });
  await done;
  assert.equal(badgeOf(post).getAttribute('data-capture-id'), 'cap_0123456789');
  assert.match(badgeText(post), /Envoyée/);
  assert.equal(badgeOf(post).getAttribute('data-capture'), 'sent');
});

test('the metadata a content script sends, completed by the worker, is a valid capture-metadata', async () => {
  const { document, messages, window } = await classifiedPage({ capture: async () => ({ ok: true, capture: { id: 'cap_0123456789' } }) });
  for (const id of [LUCIE, '1789975500000000000', '1789987766554433280']) {
    await window.vigie.running.capture(article(document, id));
  }
  const sent = messages.filter((m) => m.type === 'capture');
  assert.equal(sent.length, 3);
  for (const message of sent) {
    const metadata = completeMetadata(message.metadata, {
      capturedAt: new Date('2026-11-20T21:16:40.512Z'),
      screenshotSha256: 'a'.repeat(64),
      postRect: { x: 0, y: 120.5, width: 598, height: 212 },
      viewport: { width: 1280, height: 800, devicePixelRatio: 1 },
      timeZone: 'Europe/Paris',
      userAgent: 'Mozilla/5.0 Chrome/156',
      extensionVersion: '0.1.0',
      pageUrl: 'https://x.com/home',
    });
    assert.deepEqual(validator.validate('capture-metadata', metadata), [], message.metadata.postId);
  }
});

test('a failed capture shows the worker\'s French message and no capture id', async () => {
  const { document, window } = await classifiedPage({
    capture: async () => ({ ok: false, error: { code: 'unauthorized', message: 'Jeton refusé par le serveur Vigie.' } }),
  });
  const post = article(document, LUCIE);
  await window.vigie.running.capture(post);
  assert.match(badgeText(post), /Jeton refusé par le serveur Vigie\./);
  assert.equal(badgeOf(post).hasAttribute('data-capture-id'), false);
});

test('a capture the worker kept for later says so, then « Envoyée » when the worker reports it sent', async () => {
  const { document, window, tell } = await classifiedPage({
    capture: async () => ({ ok: true, status: 'queued', error: { code: 'unreachable', message: 'Serveur Vigie injoignable.' } }),
  });
  const post = article(document, LUCIE);
  await window.vigie.running.capture(post);
  const host = badgeOf(post);
  assert.equal(host.getAttribute('data-capture'), 'queued');
  assert.match(badgeText(post), /Enregistrée localement — envoi dès que le serveur répond/);
  assert.equal(host.shadowRoot.querySelector('.live').getAttribute('aria-live'), 'polite');
  assert.equal(host.shadowRoot.querySelector('.live').textContent, 'Enregistrée localement — envoi dès que le serveur répond');
  assert.match(host.shadowRoot.querySelector('.pill').getAttribute('aria-label'), /preuve : Enregistrée localement/);
  const sent = { type: 'capture-sent', postRef: { platform: 'x', postId: LUCIE }, captureId: 'cap_0123456789' };
  // Another tab's content script carries its tab: ignored. The worker's message has none.
  await assert.rejects(tell(sent, { id: 'edidkidbaobbdpdngaioniofhpehpfnc', tab: { id: 9 } }));
  assert.equal(host.getAttribute('data-capture'), 'queued');
  await assert.rejects(tell({ ...sent, postRef: { platform: 'reddit', postId: LUCIE } }), 'no answer is expected');
  assert.equal(host.getAttribute('data-capture'), 'queued', 'another platform\'s post of the same id');
  await assert.rejects(tell(sent, { id: 'edidkidbaobbdpdngaioniofhpehpfnc' }), 'no answer is expected');
  assert.equal(host.getAttribute('data-capture'), 'sent');
  assert.equal(host.getAttribute('data-capture-id'), 'cap_0123456789');
  assert.match(badgeText(post), /Envoyée/);
});

test('a capture the server refused shows its reason and can be taken again', async () => {
  const { document, window } = await classifiedPage({
    capture: async () => ({ ok: false, status: 'refused', error: { code: 'hash_mismatch', message: 'Le SHA-256 annoncé ne correspond pas.' } }),
  });
  const post = article(document, LUCIE);
  await window.vigie.running.capture(post);
  assert.equal(badgeOf(post).getAttribute('data-capture'), 'refused');
  assert.match(badgeText(post), /Refusée par le serveur : Le SHA-256 annoncé ne correspond pas\./);
  assert.equal(pointAt(post).shadowRoot.querySelector('[data-action="capture"]').textContent, 'Capturer à nouveau');
});
