// @ts-check
// Geometry of the evidence pictures: a shot is the whole viewport in device pixels; the post's screenshot is its box
// only, stitched from the rows each shot shows; the viewport picture outlines the box. No drawing here.

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
 * The bands of a `thickness`-pixel frame around the post's box in the viewport picture, just outside the box where
 * there is room (the post's own pixels stay visible), inside the image always. An edge of the box that lies outside
 * the viewport (a post taller than it) is not drawn: the frame stays open on the side where the post goes on.
 * @param {Rect} rect the post's box in CSS pixels
 * @param {number} devicePixelRatio
 * @param {{ width: number, height: number }} image in device pixels
 * @param {number} thickness in device pixels
 * @returns {Rect[]}
 */
export function outlineBands(rect, devicePixelRatio, image, thickness) {
  const l = Math.round(rect.x * devicePixelRatio);
  const t = Math.round(rect.y * devicePixelRatio);
  const r = Math.round((rect.x + rect.width) * devicePixelRatio);
  const b = Math.round((rect.y + rect.height) * devicePixelRatio);
  const left = clamp(l - thickness, 0, image.width);
  const right = clamp(r + thickness, 0, image.width);
  const top = clamp(t - thickness, 0, image.height);
  const bottom = clamp(b + thickness, 0, image.height);
  /** @type {Rect[]} */
  const bands = [];
  const inX = (/** @type {number} */ v) => v >= 0 && v <= image.width;
  const inY = (/** @type {number} */ v) => v >= 0 && v <= image.height;
  if (inY(t)) bands.push({ x: left, y: clamp(t - thickness, 0, image.height - thickness), width: right - left, height: thickness });
  if (inY(b)) bands.push({ x: left, y: clamp(b, 0, image.height - thickness), width: right - left, height: thickness });
  if (inX(l)) bands.push({ x: clamp(l - thickness, 0, image.width - thickness), y: top, width: thickness, height: bottom - top });
  if (inX(r)) bands.push({ x: clamp(r, 0, image.width - thickness), y: top, width: thickness, height: bottom - top });
  return bands.filter((band) => band.width > 0 && band.height > 0);
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
