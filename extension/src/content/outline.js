// @ts-check
// The red frame around the captured post in the viewport picture. It is drawn in the page, in the same frame that
// hides the badge's panel, so the worker sends Chromium's own PNG of the viewport untouched (no decoding and
// re-encoding of the whole picture: ≈ 10 ms of a capture). It lies just outside the post's box: the post's own
// pixels, cropped from the same shot, are never painted over. Where the box touches or leaves the viewport, that side
// of the frame is outside it and does not show (a post taller than the viewport: open at the bottom).
// The frame is a fixed element on <html>: it never moves the page's layout, takes no pointer events, and is removed
// as soon as the capture's shots are taken. The page's MHTML, saved meanwhile, may contain it as <vigie-outline>.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  if (vigie.outline) return;

  const TAG = 'vigie-outline';
  /** Device pixels, whatever the zoom: the same 3 pixels in every viewport picture. */
  const THICKNESS = 3;
  const COLOUR = '#ff0000';

  /** @type {WeakMap<Document, HTMLElement>} */
  const shown = new WeakMap();

  /**
   * Frames the box, replacing any frame already shown in this document.
   * @param {Window} window
   * @param {{ x: number, y: number, width: number, height: number }} box the post's box in CSS pixels (viewport)
   */
  function show(window, box) {
    const { document } = window;
    const t = THICKNESS / (window.devicePixelRatio || 1);
    let frame = shown.get(document);
    if (!frame || !frame.isConnected) {
      frame = document.createElement(TAG);
      frame.setAttribute('aria-hidden', 'true');
      shown.set(document, frame);
    }
    // Inline and !important: a page's own rules cannot move, hide or recolour the frame.
    const rules = {
      all: 'initial',
      display: 'block',
      position: 'fixed',
      left: `${box.x - t}px`,
      top: `${box.y - t}px`,
      width: `${box.width}px`,
      height: `${box.height}px`,
      'box-sizing': 'content-box',
      border: `${t}px solid ${COLOUR}`,
      margin: '0',
      padding: '0',
      'pointer-events': 'none',
      'z-index': '2147483647',
      contain: 'strict',
    };
    frame.style.cssText = Object.entries(rules).map(([name, value]) => `${name}: ${value} !important;`).join(' ');
    if (!frame.isConnected) document.documentElement.append(frame);
  }

  /** @param {Window} window */
  function hide(window) {
    const frame = shown.get(window.document);
    if (frame) frame.remove();
  }

  vigie.outline = { show, hide, TAG, THICKNESS };
})();
