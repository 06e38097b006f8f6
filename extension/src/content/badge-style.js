// @ts-check
// How a badge looks (content/badge.js): one stylesheet for every badge's shadow root, light and dark pages alike.
// Loaded before badge.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  if (vigie.badgeStyle) return;

  /** The pill's colour before a risk is known (pending, offline). */
  const NEUTRAL = '#4a535e';
  // The closed panel is not rendered (display: none): pointing at the pill opens it (:host(:hover)), so the CM —
  // or a Playwright test — hovers the pill, then clicks « Capturer la preuve ».
  const STYLE = `
    :host { all: initial; position: absolute; top: 0; right: 0; width: 0; height: 0; overflow: visible; }
    :host([data-inflow]) { position: relative; display: block; width: auto; }
    .badge { position: absolute; top: 4px; right: 40px; width: max-content; box-sizing: border-box;
      font: 12px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f23; text-align: left; }
    :host([data-inflow]) .badge { right: 4px; }
    .pill { display: inline-flex; align-items: center; gap: 4px; box-sizing: border-box; max-width: 130px;
      margin: 0; padding: 2px 9px; border: 2px solid #fff; border-radius: 999px; box-shadow: 0 0 0 1px #1b1f23, 0 1px 3px #0004;
      font: inherit; font-weight: 700; white-space: nowrap;
      color: #fff; background: var(--risk, ${NEUTRAL}); cursor: pointer; }
    .pill:focus-visible, button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
    .panel { position: absolute; top: 100%; right: 0; width: max-content; max-width: min(360px, 80vw); box-sizing: border-box;
      margin: 0; padding: 8px 10px; background: #fff; color: #1b1f23; border: 1px solid #5b6470; border-radius: 8px;
      box-shadow: 0 2px 8px #0004; display: none; }
    /* Closed, the panel is not rendered at all: no layout, no paint, no compositing work for 500 hidden panels. */
    :host(:hover) .panel, .badge[data-open] .panel { display: block; }
    .badge[data-capture="busy"] .panel { display: none; }
    .actions { display: flex; justify-content: flex-end; align-items: center; gap: 8px; min-height: 24px; }
    button.capture { font: inherit; font-weight: 600; cursor: pointer; border: 0; border-radius: 6px; padding: 3px 10px;
      background: #1d4ed8; color: #fff; pointer-events: auto; }
    button.capture:disabled { opacity: 0.6; cursor: progress; }
    button.respond { font: inherit; font-weight: 600; cursor: pointer; border: 1px solid #1d4ed8; border-radius: 6px; padding: 2px 9px; background: #fff; color: #1d4ed8; }
    h2 { font: inherit; font-weight: 700; margin: 8px 0 2px; }
    ul { margin: 0; padding: 0 0 0 16px; }
    li { margin: 3px 0; }
    mark { background: #fff3b0; color: #1b1f23; font-weight: 700; padding: 0 1px; }
    p { margin: 4px 0 0; }
    .label { font-weight: 700; }
    .status { font-weight: 600; }
    .status:empty { display: none; }
    .status[data-kind="error"], .status[data-kind="refused"] { color: #a4001d; }
    .status[data-kind="sent"] { color: #2e7d32; }
    .status[data-kind="queued"] { color: #8a5300; }
    .mark { margin-left: 2px; }
    .live { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
    .muted, .en { color: #4a535e; }
  `;

  /** @type {WeakMap<Document, CSSStyleSheet>} */
  const sheets = new WeakMap();

  /**
   * One stylesheet parsed once and adopted by every badge's shadow root: 500 badges, one parse
   * (https://developer.mozilla.org/docs/Web/API/ShadowRoot/adoptedStyleSheets). Null where the DOM lacks them.
   * @param {Document} document
   */
  function sharedSheet(document) {
    const view = /** @type {any} */ (document.defaultView);
    if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in view.ShadowRoot.prototype)) return null;
    let sheet = sheets.get(document);
    if (!sheet) {
      try {
        sheet = new view.CSSStyleSheet();
        /** @type {CSSStyleSheet} */ (sheet).replaceSync(STYLE);
      } catch {
        return null;
      }
      sheets.set(document, /** @type {CSSStyleSheet} */ (sheet));
    }
    return sheet ?? null;
  }

  /**
   * Styles a badge's shadow root: the shared sheet, or a <style> of its own where the DOM cannot adopt sheets.
   * @param {ShadowRoot} root
   */
  function adopt(root) {
    const document = /** @type {Document} */ (root.ownerDocument);
    const sheet = sharedSheet(document);
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.append(style);
    }
  }

  vigie.badgeStyle = { adopt };
})();
