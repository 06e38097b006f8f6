// The X home timeline fixture with every content script, for the core's tests: open it classified, find a post and
// its badge, add a post the way X adds a cell.
import { fixture, openPage, waitFor, workingWorker } from './page.mjs';

export const HTML = fixture('x/home-timeline.html');
export const LUCIE = '1790000000000000001';

export const classifyMessages = (messages) => messages.filter((m) => m.type === 'classify');
export const article = (document, id) => document.querySelector(`article[data-vigie-post-id="${id}"]`);
export const badgeOf = (post) => post.querySelector(':scope > vigie-badge');
/** Points at the badge, as a CM does: its panel is built on first hover, focus or click. */
export const pointAt = (post) => {
  const host = badgeOf(post);
  host.dispatchEvent(new host.ownerDocument.defaultView.Event('pointerenter'));
  return host;
};
export const badgeText = (post) => pointAt(post).shadowRoot.textContent;

/** Opens the fixture with all content scripts and waits until every post is classified. */
export async function classifiedPage(extra) {
  const page = openPage(HTML, { sendMessage: workingWorker(extra) });
  await waitFor(() => page.document.querySelectorAll('article[data-vigie-risk]').length === 7, { what: 'risks' });
  return page;
}

/**
 * Appends a new cell to the timeline as X does: a copy of an existing one, without Vigie's marks, with its own
 * permalink and text.
 * @param {Document} document
 * @param {string} permalink e.g. '/karim_bnl/status/1700000000000000042'
 * @param {string} text
 */
export function addPost(document, permalink, text) {
  const container = document.querySelector('div[aria-label^="Timeline: "] > div');
  const cell = article(document, '1789990001234567168').closest('[data-testid="cellInnerDiv"]').cloneNode(true);
  const post = cell.querySelector('article');
  post.querySelector('vigie-badge').remove();
  post.removeAttribute('data-vigie-post-id');
  post.removeAttribute('data-vigie-risk');
  post.querySelector('a[href*="/status/"] > time').parentElement.setAttribute('href', permalink);
  post.querySelector('[data-testid="tweetText"] span').textContent = text;
  container.append(cell);
  return { container, post };
}
