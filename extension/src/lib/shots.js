// @ts-check
// The two pictures of a capture: the post's box (stitched from slices when the post is taller than the viewport)
// and the whole viewport with the post outlined, both from captureVisibleTab shots. The worker drives: it shoots,
// asks the tab (content/evidence.js) to scroll the post's next rows below the top bars, and shoots again. The
// viewport picture is the first shot's PNG exactly as Chrome made it: the tab drew the frame around the post before
// asking (content/outline.js), so only the post's box is decoded and encoded here.
import { columns, isRect, sliceRows } from './crop.js';
import { VigieError } from './errors.js';

export const MAX_SLICES = 50;
// Chrome grants captureVisibleTab 2 calls a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND): a bucket of 2 tokens
// refilled every second, so calls ≥ 500 ms apart never find it empty; 10 ms spare for timer jitter.
export const SHOT_INTERVAL_MS = 510;
// Chrome's canvases stop at 32,767 pixels a side: a longer post is stitched up to there (screenshotSlices tells).
export const MAX_CANVAS_SIDE = 32767;
const QUOTA_ERROR = /MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/;
const QUOTA_RETRIES = 2;

/**
 * @typedef {{ width: number, height: number, close(): void }} Bitmap
 * @typedef {{ source: Bitmap, sx: number, sy: number, width: number, height: number, dx: number, dy: number }} Piece
 * @typedef {object} Raster drawing, kept behind this seam: OffscreenCanvas in the worker (image.js), pixel arrays in tests
 * @property {(png: Blob) => Promise<Bitmap>} decode a PNG from captureVisibleTab
 * @property {(picture: { width: number, height: number, pieces: Piece[] }) => Promise<Blob>} paint
 *   a PNG of that size with each piece copied in
 */

/**
 * @typedef {object} ShotDeps
 * @property {(windowId: number) => Promise<string>} captureVisibleTab returns a PNG data URL of the visible area
 * @property {(tabId: number) => Promise<boolean>} isTabActive
 * @property {(tabId: number, frameId: number, message: object) => Promise<any>} askTab chrome.tabs.sendMessage to one frame
 * @property {Raster} raster
 * @property {() => Date} now
 * @property {(ms: number) => Promise<void>} sleep
 * @property {(message: string) => void} warn
 */

/**
 * @param {{ tab: { id: number, windowId: number }, frameId: number, postId: string,
 *   rect: import('./crop.js').Rect, devicePixelRatio: number }} target the post's box as the content script measured it
 * @param {ShotDeps} deps
 * @param {() => Promise<unknown>} [afterFirstShot] work started as soon as the first shot is taken and finished before
 *   the next call to Chrome (the page's MHTML, see evidence.js): it runs while the shot is decoded and painted, or
 *   during the wait between two shots
 * @returns {Promise<{ screenshot: Blob, viewport: Blob, slices: number, takenAt: Date,
 *   image: { width: number, height: number } }>} image: the first shot's size, in device pixels
 */
export async function shootPost(target, deps, afterFirstShot = async () => {}) {
  const { tab, frameId, postId, rect, devicePixelRatio: dpr } = target;
  const wanted = Math.min(rect.height, MAX_CANVAS_SIDE / dpr);
  // Scroll positions are whole device pixels, so a post's top put at 0 may land at -0.5: less than a device pixel
  // above the viewport is still "in view" (crop.js rounds it to row 0).
  const above = -1 / dpr;
  /** @type {{ bitmap: Bitmap, y: number, from: number, to: number }[]} */
  const shots = [];
  let current = rect;
  let covered = 0;
  let lastShotAt = -Infinity;
  let takenAt = deps.now();
  /** @type {Promise<unknown> | null} */
  let aside = null;
  /** @type {Blob | null} the first shot, as taken */
  let viewport = null;
  try {
    while (shots.length < MAX_SLICES && covered < wanted) {
      if (aside) await aside;
      if (shots.length > 0 || current.y <= above) {
        const moved = await scrollTo(covered);
        if (!moved) break;
        current = moved;
      }
      const wait = lastShotAt + SHOT_INTERVAL_MS - deps.now().getTime();
      if (wait > 0) await deps.sleep(wait);
      lastShotAt = deps.now().getTime();
      if (shots.length === 0) takenAt = deps.now();
      const png = pngOf(await shoot());
      aside ??= afterFirstShot();
      viewport ??= png;
      const bitmap = await deps.raster.decode(png);
      const top = current.y + covered;
      const bottom = Math.min(bitmap.height / dpr, current.y + wanted);
      if (top <= above || bottom - top < 1 / dpr) {
        // The page did not bring the next rows into view (it ended, or changed under the scroll).
        bitmap.close();
        break;
      }
      shots.push({ bitmap, y: current.y, from: covered, to: bottom - current.y });
      covered = bottom - current.y;
    }
    if (covered < rect.height && shots.length > 0) {
      deps.warn(`[vigie] capture: ${Math.round(covered)} px sur ${Math.round(rect.height)} du message en ${shots.length} tranche(s)`
        + ` / ${Math.round(covered)} of ${Math.round(rect.height)} px of the post in ${shots.length} slice(s)`);
    }
    const first = shots[0];
    const cols = first ? columns(rect, dpr, first.bitmap.width) : null;
    if (!first || !cols || !viewport) throw offscreen();
    const image = { width: first.bitmap.width, height: first.bitmap.height };
    const pieces = shots.map((shot) => {
      const rows = sliceRows(shot, dpr, shot.bitmap.height);
      return { source: shot.bitmap, sx: cols.left, sy: rows.sy, width: cols.width, height: rows.height, dx: 0, dy: rows.dy };
    }).filter((piece) => piece.height > 0);
    const last = pieces[pieces.length - 1];
    const screenshot = await deps.raster.paint({ width: cols.width, height: last.dy + last.height, pieces });
    return { screenshot, viewport, slices: shots.length, takenAt, image };
  } finally {
    for (const shot of shots) shot.bitmap.close();
  }

  /**
   * Asks the content script to put the post's row `offset` below the top bars.
   * @param {number} offset CSS pixels from the post's top
   * @returns {Promise<import('./crop.js').Rect | null>} where the post is now; null when the page no longer answers
   */
  async function scrollTo(offset) {
    try {
      const answer = await deps.askTab(tab.id, frameId, { type: 'capture-scroll', postId, offset });
      return answer && answer.ok === true && isRect(answer.rect) ? answer.rect : null;
    } catch {
      return null;
    }
  }

  /**
   * captureVisibleTab shoots the window's active tab, which may no longer be the one that asked: both are asked at
   * once, and a shot of another tab is thrown away.
   */
  async function shoot() {
    for (let attempt = 0; ; attempt += 1) {
      const [active, shot] = await Promise.allSettled([deps.isTabActive(tab.id), deps.captureVisibleTab(tab.windowId)]);
      if (active.status === 'rejected' || !active.value) {
        throw new VigieError(
          'tab_inactive',
          'Capture annulée : l\u2019onglet n\u2019est plus au premier plan.',
          'Capture cancelled: the tab is no longer in front.',
        );
      }
      if (shot.status === 'fulfilled') return shot.value;
      // Another capture (an automatic one, a quick second click) may have used this second's calls.
      if (attempt < QUOTA_RETRIES && QUOTA_ERROR.test(String(shot.reason?.message))) {
        await deps.sleep(SHOT_INTERVAL_MS);
        continue;
      }
      throw new VigieError(
        'capture_failed',
        'Le navigateur a refusé la capture d\u2019écran. Réessayez.',
        'The browser refused the screenshot. Try again.',
      );
    }
  }
}

/**
 * The PNG bytes of a captureVisibleTab data URL.
 * @param {string} dataUrl
 */
export function pngOf(dataUrl) {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  // Uint8Array.fromBase64 (Chrome 140+, Node 25) is faster than atob and a copy loop on a 1280 × 900 shot.
  const fromBase64 = /** @type {any} */ (Uint8Array).fromBase64;
  const bytes = fromBase64 ? fromBase64(base64) : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  return new Blob([bytes], { type: 'image/png' });
}

function offscreen() {
  return new VigieError(
    'post_offscreen',
    'Le message n\u2019est pas visible à l\u2019écran : faites-le défiler puis réessayez.',
    'The post is not on screen: scroll to it and try again.',
  );
}
