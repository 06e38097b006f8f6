// @ts-check
// Browser-only: decodes the viewport screenshot and cuts the post out of it (OffscreenCanvas works in workers).
import { cropRect } from './crop.js';
import { VigieError } from './errors.js';

/**
 * @param {string} dataUrl PNG data URL from chrome.tabs.captureVisibleTab
 * @param {import('./crop.js').Rect} rect the post's box in CSS pixels
 * @param {number} devicePixelRatio
 * @returns {Promise<{ png: Blob, image: { width: number, height: number } }>}
 */
export async function cropScreenshot(dataUrl, rect, devicePixelRatio) {
  const bitmap = await createImageBitmap(await (await fetch(dataUrl)).blob());
  try {
    const image = { width: bitmap.width, height: bitmap.height };
    const crop = cropRect(rect, devicePixelRatio, image);
    if (!crop) {
      throw new VigieError(
        'post_offscreen',
        'Le message n\u2019est pas visible à l\u2019écran : faites-le défiler puis réessayez.',
        'The post is not on screen: scroll to it and try again.',
      );
    }
    const canvas = new OffscreenCanvas(crop.width, crop.height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('2d context unavailable');
    context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, crop.width, crop.height);
    return { png: await canvas.convertToBlob({ type: 'image/png' }), image };
  } finally {
    bitmap.close();
  }
}
