// The X timeline with the response panel reachable: shared by the panel tests (responses-panel.test.mjs) and the
// intervention tests (responses-interventions.test.mjs).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES_DIR } from '../../../shared-schemas/js/validator.mjs';
import { fixture, openPage, waitFor, workingWorker } from './page.mjs';
import { trustedClick } from './trusted.mjs';

export const LUCIE = '1790000000000000001';
export const SUGGESTION = JSON.parse(readFileSync(join(EXAMPLES_DIR, 'valid', 'response-suggestion.distress-fr.json'), 'utf8'));

/**
 * The X timeline, classified, with a worker answering suggest (by default the distress example) and intervention.
 * @param {{ suggest?: (message: any) => any, capture?: (message: any) => any }} [answers]
 */
export async function timeline(answers = {}) {
  const interventions = [];
  const opened = [];
  const clipboard = [];
  const page = openPage(fixture('x/home-timeline.html'), {
    sendMessage: workingWorker({
      suggest: answers.suggest ?? (async () => ({ ok: true, suggestion: structuredClone(SUGGESTION) })),
      intervention: async (message) => { interventions.push(message); return { ok: true, intervention: { id: 'int_00000001' } }; },
      capture: answers.capture,
    }),
    setup: (window) => {
      window.open = (...args) => { opened.push(args); return null; };
      Object.defineProperty(window.navigator, 'clipboard', {
        value: { writeText: async (text) => { clipboard.push(text); } }, configurable: true,
      });
    },
  });
  await waitFor(() => page.document.querySelectorAll('article[data-vigie-risk]').length === 7, { what: 'risks' });
  const post = page.document.querySelector(`article[data-vigie-post-id="${LUCIE}"]`);
  const badge = post.querySelector(':scope > vigie-badge');
  badge.dispatchEvent(new page.window.Event('pointerenter'));
  const respond = badge.shadowRoot.querySelector('[data-action="respond"]');
  return { ...page, interventions, opened, clipboard, post, badge, respond };
}

export const panelOf = (document) => document.querySelector('vigie-response-panel');
export const inPanel = (document, selector) => panelOf(document).shadowRoot.querySelector(selector);
/** Clicks « Répondre » on the badge as the CM does and waits for the suggested text. */
export async function openPanel(page) {
  trustedClick(page.respond);
  await waitFor(() => panelOf(page.document) && inPanel(page.document, 'textarea'), { what: 'suggested text' });
  return inPanel(page.document, 'textarea');
}
