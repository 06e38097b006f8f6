// @ts-check
// Builds the bodies the worker sends, keeping only the fields the shared schemas allow.

export const MAX_BATCH = 100;
const PLATFORMS = ['x', 'facebook', 'reddit', 'phpbb', 'discourse', 'xenforo', 'vbulletin', 'invision', 'flarum', 'smf', 'schema_org', 'other'];
// X tags emoji-only posts "qme", unknown ones "und" and no-text ones "zxx": not BCP 47 hints the server accepts.
const LANG = /^[a-z]{2}(-[A-Za-z]{2})?$/;

/**
 * @typedef {{ id: string, text: string, lang?: string, platform?: string }} ClassifyItem
 */

/**
 * The body of POST /classify for one batch sent by a content script.
 * @param {unknown} items
 * @returns {{ items: ClassifyItem[] }}
 * @throws {TypeError} when the batch is empty, too large or malformed
 */
export function buildClassifyRequest(items) {
  if (!Array.isArray(items) || items.length < 1 || items.length > MAX_BATCH) {
    throw new TypeError(`a batch holds 1 to ${MAX_BATCH} items`);
  }
  return {
    items: items.map((item) => {
      if (typeof item !== 'object' || item === null || typeof item.id !== 'string' || item.id === '' || typeof item.text !== 'string') {
        throw new TypeError('each item needs a non-empty string id and a string text');
      }
      /** @type {ClassifyItem} */
      const clean = { id: item.id.slice(0, 200), text: item.text.slice(0, 100000) };
      if (typeof item.lang === 'string' && LANG.test(item.lang)) clean.lang = item.lang;
      if (typeof item.platform === 'string' && PLATFORMS.includes(item.platform)) clean.platform = item.platform;
      return clean;
    }),
  };
}

/**
 * What the worker adds at capture time: the browser's view of the moment and the digest of every part.
 * @typedef {object} CaptureContext
 * @property {Date} capturedAt
 * @property {string} screenshotSha256
 * @property {import('./crop.js').Rect} postRect
 * @property {{ width: number, height: number, devicePixelRatio: number }} viewport
 * @property {string} timeZone
 * @property {string} userAgent
 * @property {string} extensionVersion
 * @property {string} [pageUrl] the frame URL the browser reports for the sender, preferred over the page's word
 * @property {string} [viewportSha256]
 * @property {string} [htmlSha256]
 * @property {string} [mhtmlSha256] absent when Chrome could not save the page
 * @property {number} [screenshotSlices]
 * @property {{ name: string, version: string, os: string }} [browser]
 * @property {Record<string, unknown>} [environment] lib/environment.js environmentFacts()
 */

/**
 * The captured page's address: the one the browser reports for the sender when it is a web page, else the page's word.
 * @param {Record<string, any>} partial
 * @param {string | undefined} senderUrl
 */
export function pageUrlOf(partial, senderUrl) {
  return senderUrl && /^https?:\/\//.test(senderUrl) ? senderUrl : partial.pageUrl;
}

/**
 * Completes the metadata a content script sent (post, author, classification) for POST /captures.
 * Unknown fields are dropped so a drifting content script cannot make the server refuse the capture.
 * @param {Record<string, any>} partial
 * @param {CaptureContext} context
 */
export function completeMetadata(partial, context) {
  const author = partial.author ?? {};
  /** @type {Record<string, unknown>} */
  const metadata = {
    pageUrl: pageUrlOf(partial, context.pageUrl),
    platform: partial.platform,
    postId: partial.postId,
    author: {
      name: String(author.name ?? ''),
      handle: typeof author.handle === 'string' ? author.handle : null,
      profileUrl: typeof author.profileUrl === 'string' ? author.profileUrl : null,
    },
    permalink: typeof partial.permalink === 'string' ? partial.permalink : null,
    publishedAt: typeof partial.publishedAt === 'string' ? partial.publishedAt : null,
    text: String(partial.text ?? ''),
    capturedAt: context.capturedAt.toISOString(),
    classification: partial.classification,
    screenshotSha256: context.screenshotSha256,
    postRect: {
      x: context.postRect.x,
      y: context.postRect.y,
      width: context.postRect.width,
      height: context.postRect.height,
    },
    viewport: context.viewport,
    timeZone: context.timeZone,
    userAgent: context.userAgent,
    extensionVersion: context.extensionVersion,
  };
  if (typeof partial.pageTitle === 'string') metadata.pageTitle = partial.pageTitle.slice(0, 2000);
  if (typeof partial.automatic === 'boolean') metadata.automatic = partial.automatic;
  if ('publishedShown' in partial) {
    metadata.publishedShown = typeof partial.publishedShown === 'string' ? partial.publishedShown.slice(0, 200) : null;
  }
  for (const key of /** @type {const} */ (['viewportSha256', 'htmlSha256', 'mhtmlSha256', 'screenshotSlices', 'browser', 'environment'])) {
    if (context[key] !== undefined) metadata[key] = context[key];
  }
  return metadata;
}

/**
 * Lowercase hex SHA-256 of some bytes, as the server checks it.
 * @param {Blob} blob
 */
export async function sha256Hex(blob) {
  const digest = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The parts of a capture, named as the server reads them, with their file names and media types.
 * @typedef {{ screenshot: Blob, viewport?: Blob, html?: Blob, mhtml?: Blob }} CaptureParts
 */
const PART_FILES = /** @type {const} */ ([
  ['screenshot', 'screenshot.png', 'image/png'],
  ['viewport', 'viewport.png', 'image/png'],
  ['html', 'post.html', 'text/html;charset=utf-8'],
  ['mhtml', 'page.mhtml', 'multipart/related'],
]);

/**
 * The multipart body of POST /captures: the JSON metadata, then each part that is present.
 * @param {Record<string, unknown>} metadata
 * @param {CaptureParts} parts
 */
export function buildCaptureForm(metadata, parts) {
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  for (const [name, file, type] of PART_FILES) {
    const part = parts[name];
    if (part) form.append(name, new Blob([part], { type }), file);
  }
  return form;
}
