// @ts-check
// Browser-only drawing behind the Raster seam of shots.js: decodes captureVisibleTab shots and paints the post's
// PNG on an OffscreenCanvas (available in service workers; no DOM needed).

/** @type {import('./shots.js').Raster} */
export const raster = {
  decode(png) {
    return createImageBitmap(png);
  },

  async paint({ width, height, pieces }) {
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2d context unavailable');
    for (const p of pieces) {
      context.drawImage(/** @type {ImageBitmap} */ (/** @type {unknown} */ (p.source)), p.sx, p.sy, p.width, p.height,
        p.dx, p.dy, p.width, p.height);
    }
    return canvas.convertToBlob({ type: 'image/png' });
  },
};
