// @ts-check
// What the adapters' replyAction() share: find a platform's own reply control, open its reply box and put the CM's
// text in it as if typed. Vigie never sends: no form is submitted, no send button pressed; the CM does that.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const EDITORS = 'textarea, [contenteditable="true"], [contenteditable=""]';
  // Long enough for a platform to fetch and render its reply box (Facebook loads it on demand), short enough that a CM
  // waiting for nothing is told so and gets the text in the clipboard instead.
  const WAIT_MS = 3000;
  const POLL_MS = 50;

  /**
   * An editing root a CM can type in: an enabled textarea or a contenteditable root (not one nested in another).
   * @param {Element} el
   */
  function isEditor(el) {
    if (el.tagName === 'TEXTAREA') {
      const area = /** @type {HTMLTextAreaElement} */ (el);
      if (area.disabled || area.readOnly) return false;
    } else if (!el.matches(EDITORS) || (el.parentElement && el.parentElement.closest(EDITORS))) {
      return false;
    }
    // A template kept hidden for cloning (old Reddit's form.cloneable) is no reply box; jsdom has no checkVisibility.
    const visible = /** @type {any} */ (el).checkVisibility;
    return typeof visible !== 'function' || visible.call(el);
  }

  /** @param {Document} doc */
  function editors(doc) {
    return Array.from(doc.querySelectorAll(EDITORS)).filter(isEditor);
  }

  /** @param {string | null | undefined} value */
  const squash = (value) => (value ?? '').replace(/\s+/g, '');

  /**
   * Puts the text at the end of an editor the way typing does. execCommand('insertText') fires the beforeinput and
   * input events React, Lexical and Draft editors listen to; setting textContent bypasses them and the next render
   * throws the text away (https://developer.mozilla.org/docs/Web/API/Document/execCommand, still the only way).
   * @param {Element} editor
   * @param {string} text
   * @returns {boolean} whether the editor now shows the text
   */
  function insertText(editor, text) {
    const doc = editor.ownerDocument;
    const view = /** @type {Window & typeof globalThis} */ (doc.defaultView);
    const exec = typeof doc.execCommand === 'function' ? (/** @type {string} */ value) => doc.execCommand('insertText', false, value) : () => false;
    /** @type {HTMLElement} */ (editor).focus();
    if (editor.tagName === 'TEXTAREA') {
      const area = /** @type {HTMLTextAreaElement} */ (editor);
      const before = area.value;
      // After a quote the engine put in the box (phpBB-style [quote], Flarum's @mention line), on a line of its own.
      const separator = before.trim() === '' ? '' : before.endsWith('\n') ? '\n' : '\n\n';
      area.setSelectionRange(before.length, before.length);
      if (!exec(separator + text) || !area.value.includes(text)) {
        // No execCommand (or it was refused): the value setter of the prototype, then the input event frameworks read.
        const setter = /** @type {PropertyDescriptor} */ (Object.getOwnPropertyDescriptor(view.HTMLTextAreaElement.prototype, 'value')).set;
        /** @type {(v: string) => void} */ (setter).call(area, before + separator + text);
        area.dispatchEvent(new view.Event('input', { bubbles: true }));
      }
      return area.value.includes(text);
    }
    const range = doc.createRange();
    range.selectNodeContents(editor);
    range.collapse(false);
    const selection = /** @type {Selection} */ (view.getSelection());
    selection.removeAllRanges();
    selection.addRange(range);
    const current = editor.textContent ?? '';
    // After Facebook's "@Name " mention the caret already follows a space.
    exec((current.trim() === '' || /\s$/.test(current) ? '' : ' ') + text);
    return squash(editor.textContent).includes(squash(text));
  }

  /**
   * Of several candidates, the one nearest the post: inside it, else inside its closest ancestor that holds one.
   * @param {Element} near
   * @param {Element[]} candidates
   */
  function nearest(near, candidates) {
    for (let scope = /** @type {Element | null} */ (near); scope; scope = scope.parentElement) {
      const inside = candidates.find((el) => scope.contains(el));
      if (inside) return inside;
    }
    return candidates[0] ?? null;
  }

  /**
   * Resolves with what find() returns once it returns something, or null after waitMs.
   * @template T
   * @param {Window} view
   * @param {() => T | null} find
   * @param {number} waitMs
   * @returns {Promise<T | null>}
   */
  function poll(view, find, waitMs) {
    const end = Date.now() + waitMs;
    return new Promise((resolve) => {
      const check = () => {
        const found = find();
        if (found || Date.now() >= end) resolve(found ?? null);
        else view.setTimeout(check, POLL_MS);
      };
      check();
    });
  }

  /**
   * A composer action: the reply box already on the page, or the one the platform opens when its own reply control is
   * clicked. The box that appeared nearest the post is taken, or the one the platform focused.
   * @param {{ near: Element, trigger?: Element | null, existing?: () => Element | null, waitMs?: number }} options
   * @returns {ReplyAction}
   */
  function composer({ near, trigger = null, existing = () => null, waitMs = WAIT_MS }) {
    return {
      kind: 'composer',
      async open(text) {
        const ready = existing();
        if (ready) return insertText(ready, text);
        if (!trigger) return false;
        const doc = near.ownerDocument;
        const before = new Set(editors(doc));
        const focused = doc.activeElement;
        // The platform's own script opens its box on this click (React, Ember, Mithril and jQuery ignore isTrusted).
        /** @type {HTMLElement} */ (trigger).click();
        const editor = await poll(/** @type {Window} */ (doc.defaultView), () => {
          const fresh = editors(doc).filter((el) => !before.has(el));
          if (fresh.length > 0) return nearest(near, fresh);
          const active = doc.activeElement;
          return active && active !== focused && active.matches(EDITORS) && isEditor(active) ? active : null;
        }, waitMs);
        return editor ? insertText(editor, text) : false;
      },
    };
  }

  /**
   * The first control whose text or aria-label is one of the names, in any case (« Répondre », "Reply").
   * @param {Element[]} candidates
   * @param {string[]} names
   */
  function control(candidates, names) {
    const wanted = new Set(names.map((name) => name.toLowerCase()));
    const named = (/** @type {string | null} */ value) => value !== null && wanted.has(value.trim().toLowerCase());
    return candidates.find((el) => named(el.getAttribute('aria-label')) || named(el.textContent)) ?? null;
  }

  vigie.reply = { composer, control, insertText };
})();
