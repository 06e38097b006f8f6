// @ts-check
// Shared by every adapter: the text a reader sees in an element, and a cheap hash of it; and the element maker of
// Vigie's own UI (badge, response panel), which puts page data in as text only.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  // Block elements and <br> separate words (SITES.md §0 text rule); inline ones do not.
  const BLOCKS = new Set([
    'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'FOOTER',
    'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
  ]);
  const SKIPPED = new Set(['SCRIPT', 'STYLE', 'TEMPLATE', 'NOSCRIPT', 'VIGIE-BADGE']);

  /**
   * The element's text with each <img> replaced by its alt (X emoji are images) and whitespace collapsed.
   * @param {Element} element
   * @param {{ blocks?: boolean }} [options] blocks: false when the site renders its divs inline inside a text
   *   (X wraps each @mention in an inline-flex div: a separator there would turn "@a," into "@a ,")
   */
  function textOf(element, options = {}) {
    const blocks = options.blocks !== false;
    /** @type {string[]} */
    const parts = [];
    /** @param {Node} node */
    const walk = (node) => {
      for (const child of Array.from(node.childNodes)) {
        if (child.nodeType === 3) {
          parts.push(/** @type {Text} */ (child).data);
        } else if (child.nodeType === 1) {
          const el = /** @type {Element} */ (child);
          if (el.tagName === 'IMG') parts.push(el.getAttribute('alt') ?? '');
          else if (el.tagName === 'BR') parts.push(' ');
          else if (!SKIPPED.has(el.tagName)) {
            const block = blocks && BLOCKS.has(el.tagName);
            if (block) parts.push(' ');
            walk(el);
            if (block) parts.push(' ');
          }
        }
      }
    };
    walk(element);
    return parts.join('').replace(/\s+/g, ' ').trim();
  }

  /**
   * 64-bit hash (two FNV-1a 32-bit lanes) of a string: a cache key, not a security measure.
   * @param {string} value
   */
  function hash(value) {
    let a = 0x811c9dc5;
    let b = 0x01000193 ^ 0x5bd1e995;
    for (let i = 0; i < value.length; i += 1) {
      const code = value.charCodeAt(i);
      a = Math.imul(a ^ code, 0x01000193);
      b = Math.imul(b ^ code, 0x01000193) ^ (b >>> 15);
    }
    return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
  }

  /**
   * What every adapter does when the page lacks an element it needs (STYLE.md: fail loudly on DOM drift): one
   * warning per element and problem, naming the adapter, and null, so an adapter writes `return missing(post, sel)`.
   * @param {string} name the adapter's name
   */
  function driftReporter(name) {
    /** @type {WeakMap<Element, Set<string>>} */
    let reported = new WeakMap();
    return {
      /**
       * @param {Element} post
       * @param {string} what the selector or element that is missing
       * @returns {null}
       */
      missing(post, what) {
        const seen = reported.get(post) ?? new Set();
        if (!seen.has(what)) {
          seen.add(what);
          reported.set(post, seen);
          console.warn(`[vigie:${name}] élément requis introuvable / required element missing: ${what}`, post);
        }
        return null;
      },
      reset() {
        reported = new WeakMap();
      },
    };
  }

  /** @type {WeakMap<Document, Document>} */
  const inertDocuments = new WeakMap();

  /**
   * Text of `el` without the parts matching `skip` (quotes, signatures, edit notes). The copy lives in a document
   * with no window, so its images are never fetched (a copy in the page's own document would start loading them).
   * @param {Element} el
   * @param {string} skip a selector
   */
  function textWithout(el, skip) {
    const page = el.ownerDocument;
    let inert = inertDocuments.get(page);
    if (!inert) {
      inert = page.implementation.createHTMLDocument('');
      inertDocuments.set(page, inert);
    }
    const copy = /** @type {Element} */ (inert.importNode(el, true));
    for (const part of Array.from(copy.querySelectorAll(skip))) part.remove();
    return textOf(copy);
  }

  /**
   * An element maker for Vigie's own UI (badge, response panel): page data goes in as textContent, never as markup.
   * @param {Document} document
   * @returns {(tag: string, className?: string, text?: string) => HTMLElement}
   */
  function maker(document) {
    return (tag, className = '', text = '') => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    };
  }

  vigie.text = { textOf, hash, driftReporter, textWithout, maker };
})();
