// @ts-check
// Everything one capture holds, gathered by the worker: the post's screenshot (slices stitched), the viewport with the
// post outlined, the post's HTML, the page's MHTML, and the metadata that names each part by its SHA-256.
// Uploading is the caller's business (handlers.js now, the outbox later): collect, then send.
import { isRect } from './crop.js';
import { UA_HINTS, describeBrowser, describeProxy, environmentFacts } from './environment.js';
import { VigieError } from './errors.js';
import { completeMetadata, pageUrlOf, sha256Hex } from './metadata.js';
import { shootPost } from './shots.js';

const MHTML_ATTEMPTS = 2;

/**
 * @typedef {import('./shots.js').ShotDeps & {
 *   saveAsMhtml: (tabId: number) => Promise<Blob | undefined>,
 *   uaHints: (hints: string[]) => Promise<any>,
 *   proxySettings: () => Promise<any>,
 *   env: { userAgent: string, extensionVersion: string, timeZone: string, languages: readonly string[] },
 * }} EvidenceDeps
 *   uaHints: navigator.userAgentData.getHighEntropyValues, null when the browser has no user-agent data
 */

/**
 * @typedef {{ id?: string, url?: string, frameId?: number, tab: { id: number, windowId: number } }} TabSender
 */

/**
 * @param {{ metadata?: unknown, rect?: unknown, devicePixelRatio?: unknown, html?: unknown, page?: unknown }} request
 *   the content script's {type: 'capture'} message (content/evidence.js)
 * @param {TabSender} sender
 * @param {EvidenceDeps} deps
 * @returns {Promise<{ metadata: Record<string, unknown>, parts: import('./metadata.js').CaptureParts }>}
 */
export async function collectEvidence(request, sender, deps) {
  const { rect, metadata } = request;
  if (!isRect(rect) || typeof metadata !== 'object' || metadata === null) {
    throw new VigieError('bad_message', 'Demande de capture incomplète.', 'Incomplete capture request.');
  }
  const partial = /** @type {Record<string, any>} */ (metadata);
  const dpr = typeof request.devicePixelRatio === 'number' && request.devicePixelRatio > 0 ? request.devicePixelRatio : 1;
  // Read while the first shot is taken; done before the MHTML starts (see below).
  const facts = Promise.all([browserOf(deps), proxyOf(deps)]);
  // The page is saved once the first shot is taken, while it is decoded and painted or while the next one waits its
  // turn; never alongside another call to Chrome: with tabs.sendMessage and captureVisibleTab in flight, Chrome 156
  // often lost the MHTML's temporary file before it was read (NotFoundError in CaptureEvidenceTest, 2 runs in 4;
  // 0 in 8 since).
  /** @type {Promise<Blob | undefined>} */
  let mhtml = Promise.resolve(undefined);
  const shots = await shootPost({
    tab: sender.tab, frameId: sender.frameId ?? 0, postId: String(partial.postId), rect, devicePixelRatio: dpr,
  }, deps, () => (mhtml = facts.then(() => saveMhtml(sender.tab.id, deps))));
  const capturedAt = shots.takenAt;
  const html = typeof request.html === 'string'
    ? new Blob([htmlDocument(request.html, pageUrlOf(partial, sender.url), capturedAt)], { type: 'text/html;charset=utf-8' })
    : undefined;
  const hash = (/** @type {Blob | undefined} */ blob) => (blob ? sha256Hex(blob) : Promise.resolve(undefined));
  // The pictures and the HTML are hashed while the MHTML may still be on its way.
  const [screenshotSha256, viewportSha256, htmlSha256, [browser, proxy], page] = await Promise.all(
    [hash(shots.screenshot), hash(shots.viewport), hash(html), facts, mhtml],
  );
  const mhtmlSha256 = await hash(page);
  const full = completeMetadata(partial, {
    capturedAt,
    screenshotSha256: /** @type {string} */ (screenshotSha256),
    viewportSha256,
    htmlSha256,
    mhtmlSha256,
    screenshotSlices: shots.slices,
    postRect: rect,
    viewport: {
      width: Math.max(1, Math.round(shots.image.width / dpr)),
      height: Math.max(1, Math.round(shots.image.height / dpr)),
      devicePixelRatio: dpr,
    },
    timeZone: deps.env.timeZone,
    userAgent: deps.env.userAgent,
    extensionVersion: deps.env.extensionVersion,
    pageUrl: sender.url,
    browser,
    environment: environmentFacts(request.page, { proxy, languages: deps.env.languages }),
  });
  /** @type {import('./metadata.js').CaptureParts} */
  const parts = { screenshot: shots.screenshot, viewport: shots.viewport };
  if (html) parts.html = html;
  if (page) parts.mhtml = page;
  return { metadata: full, parts };
}

/**
 * The post's sanitized outerHTML as a standalone UTF-8 document, with where and when it was taken in a comment.
 * @param {string} outerHtml from content/evidence.js postHtml()
 * @param {string} pageUrl
 * @param {Date} capturedAt
 */
export function htmlDocument(outerHtml, pageUrl, capturedAt) {
  // "--" would end the comment early; a URL keeps its meaning with the hyphen percent-encoded.
  const url = String(pageUrl).replace(/-(?=-)/g, '%2D');
  return '<!DOCTYPE html>\n'
    + `<!-- Vigie : HTML du message capturé / captured post's HTML. Page : ${url} ; capturé le / captured at`
    + ` ${capturedAt.toISOString()} (UTC). Scripts, gestionnaires d'événements et URL javascript: retirés`
    + ' / scripts, event handlers and javascript: URLs removed. -->\n'
    + `<html><head><meta charset="utf-8"></head><body>\n${outerHtml}\n</body></html>\n`;
}

/**
 * The whole page as MHTML; undefined when Chrome refuses (some pages do): the capture goes without it.
 * @param {number} tabId
 * @param {EvidenceDeps} deps
 */
async function saveMhtml(tabId, deps) {
  let failure = 'empty';
  // A second try: the temporary file Chrome hands over can still be gone by the time it is read (see above).
  for (let attempt = 0; attempt < MHTML_ATTEMPTS; attempt += 1) {
    try {
      const blob = await deps.saveAsMhtml(tabId);
      if (blob && blob.size > 0) return new Blob([blob], { type: 'multipart/related' });
    } catch (error) {
      failure = String(error);
    }
  }
  deps.warn(`[vigie] MHTML refusé : capture envoyée sans la page / MHTML refused: capture sent without the page (${failure})`);
  return undefined;
}

/** @param {EvidenceDeps} deps */
async function browserOf(deps) {
  try {
    return describeBrowser(await deps.uaHints(UA_HINTS));
  } catch {
    return describeBrowser(null);
  }
}

/** @param {EvidenceDeps} deps */
async function proxyOf(deps) {
  try {
    return describeProxy(await deps.proxySettings());
  } catch {
    return 'unknown';
  }
}
