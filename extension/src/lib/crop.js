// @ts-check
// The screenshot is the whole viewport in device pixels; the evidence is the post's box only.

/** @typedef {{ x: number, y: number, width: number, height: number }} Rect */

/**
 * Scales a CSS-pixel rectangle to device pixels, rounds each edge and clamps it to the image.
 * Rounding edges (not the width) keeps two adjacent posts from overlapping or leaving a gap.
 * @param {Rect} rect the post's getBoundingClientRect(), in CSS pixels
 * @param {number} devicePixelRatio
 * @param {{ width: number, height: number }} image the captured image, in device pixels
 * @returns {Rect | null} null when no part of the post is inside the image
 */
export function cropRect(rect, devicePixelRatio, image) {
  const ratio = Number.isFinite(devicePixelRatio) && devicePixelRatio > 0 ? devicePixelRatio : 1;
  const left = clamp(Math.round(rect.x * ratio), 0, image.width);
  const top = clamp(Math.round(rect.y * ratio), 0, image.height);
  const right = clamp(Math.round((rect.x + rect.width) * ratio), 0, image.width);
  const bottom = clamp(Math.round((rect.y + rect.height) * ratio), 0, image.height);
  if (right - left < 1 || bottom - top < 1) return null;
  return { x: left, y: top, width: right - left, height: bottom - top };
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
