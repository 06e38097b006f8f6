// @ts-check
// Browser-only drawing behind the Raster seam of shots.js: decodes captureVisibleTab shots and paints the evidence
// PNGs on an OffscreenCanvas (available in service workers; no DOM needed).

const OUTLINE_COLOR = '#ff0000';

/** @type {import('./shots.js').Raster} */
export const raster = {
  async decode(dataUrl) {
    // Uint8Array.fromBase64 (Chrome 140+) is about 3 ms faster than fetch(dataUrl) on a 1280 × 900 shot.
    const fromBase64 = /** @type {any} */ (Uint8Array).fromBase64;
    const png = fromBase64
      ? new Blob([fromBase64(dataUrl.slice(dataUrl.indexOf(',') + 1))], { type: 'image/png' })
      : await (await fetch(dataUrl)).blob();
    return createImageBitmap(png);
  },

  async paint({ width, height, pieces, bands = [] }) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2d context unavailable');
    for (const p of pieces) {
      context.drawImage(/** @type {ImageBitmap} */ (/** @type {unknown} */ (p.source)), p.sx, p.sy, p.width, p.height,
        p.dx, p.dy, p.width, p.height);
    }
    // Filled bands, not a stroke: whole device pixels, no anti-aliased half pixels around the post.
    context.fillStyle = OUTLINE_COLOR;
    for (const band of bands) context.fillRect(band.x, band.y, band.width, band.height);
    return canvas.convertToBlob({ type: 'image/png' });
  },
};
