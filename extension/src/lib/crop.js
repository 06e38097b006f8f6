// @ts-check
// Geometry of the evidence pictures: a shot is the whole viewport in device pixels; the post's screenshot is its box
// only, stitched from the rows each shot shows (the viewport picture's frame is drawn by the tab: content/outline.js).
// No drawing here.

/** @typedef {{ x: number, y: number, width: number, height: number }} Rect */

/**
 * The post's rows a shot shows: `from` to `to`, in CSS pixels from the post's top, with the post's top at `y` in it.
 * @typedef {{ y: number, from: number, to: number }} Slice
 */

/**
 * The post's columns in a shot, in device pixels, clamped to the image; null when no column is inside.
 * Rounding edges (not the width) keeps two adjacent posts from overlapping or leaving a gap.
 * @param {Rect} rect the post's getBoundingClientRect(), in CSS pixels
 * @param {number} devicePixelRatio
 * @param {number} imageWidth in device pixels
 * @returns {{ left: number, width: number } | null}
 */
export function columns(rect, devicePixelRatio, imageWidth) {
  const left = clamp(Math.round(rect.x * devicePixelRatio), 0, imageWidth);
  const right = clamp(Math.round((rect.x + rect.width) * devicePixelRatio), 0, imageWidth);
  return right - left < 1 ? null : { left, width: right - left };
}

/**
 * Where a slice's rows come from in its shot and go to in the stitched picture, in device pixels. Destination
 * edges are rounded from the post's own coordinates, so consecutive slices meet without a gap or an overlap.
 * @param {Slice} slice
 * @param {number} devicePixelRatio
 * @param {number} imageHeight the shot's height in device pixels
 * @returns {{ sy: number, dy: number, height: number }}
 */
export function sliceRows(slice, devicePixelRatio, imageHeight) {
  const dy = Math.round(slice.from * devicePixelRatio);
  const height = Math.min(Math.round(slice.to * devicePixelRatio) - dy, imageHeight);
  const sy = clamp(Math.round((slice.y + slice.from) * devicePixelRatio), 0, imageHeight - height);
  return { sy, dy, height };
}

/**
 * @param {unknown} value
 * @returns {value is Rect}
 */
export function isRect(value) {
  if (typeof value !== 'object' || value === null) return false;
  const r = /** @type {Record<string, unknown>} */ (value);
  return ['x', 'y', 'width', 'height'].every((k) => typeof r[k] === 'number' && Number.isFinite(r[k]))
    && /** @type {number} */ (r.width) >= 0 && /** @type {number} */ (r.height) >= 0;
}

/**
 * @param {number} value
 * @param {number} min
 * @param {number} max
 */
function clamp(value, min, max) {
  return Math.min(Math.max(value, min), max);
}
