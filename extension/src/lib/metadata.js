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
 * What the worker adds at capture time: the browser's view of the moment and the screenshot's digest.
 * @typedef {object} CaptureContext
 * @property {Date} capturedAt
 * @property {string} screenshotSha256
 * @property {import('./crop.js').Rect} postRect
 * @property {{ width: number, height: number, devicePixelRatio: number }} viewport
 * @property {string} timeZone
 * @property {string} userAgent
 * @property {string} extensionVersion
 * @property {string} [pageUrl] the frame URL the browser reports for the sender, preferred over the page's word
 */

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
    pageUrl: context.pageUrl && /^https?:\/\//.test(context.pageUrl) ? context.pageUrl : partial.pageUrl,
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

/** Each evidence part the server accepts: its media type and file name, in the order they are sent. */
export const CAPTURE_PARTS = /** @type {const} */ ([
  { name: 'screenshot', type: 'image/png', file: 'screenshot.png' },
  { name: 'viewport', type: 'image/png', file: 'viewport.png' },
  { name: 'html', type: 'text/html', file: 'post.html' },
  { name: 'mhtml', type: 'multipart/related', file: 'page.mhtml' },
]);

/**
 * The multipart body of POST /captures: the JSON metadata, the screenshot, and whichever other parts exist.
 * @param {Record<string, unknown>} metadata
 * @param {{ screenshot: Blob, viewport?: Blob, html?: Blob, mhtml?: Blob }} parts
 */
export function buildCaptureForm(metadata, parts) {
  const form = new FormData();
  form.append('metadata', new Blob([JSON.stringify(metadata)], { type: 'application/json' }));
  for (const { name, type, file } of CAPTURE_PARTS) {
    const blob = parts[name];
    if (blob) form.append(name, new Blob([blob], { type }), file);
  }
  return form;
}
