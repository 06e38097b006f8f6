// @ts-check
// Where the page changed since the last scan, and so which posts a scan must read: every post on a full scan
// (start, SPA navigation, the no-posts check); otherwise only the posts inside the subtrees the page added and
// the tracked posts around a changed node (a recycled X cell, an expanded text). A growing timeline then costs
// the core one extraction per new post, not one per post on the page. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  const BADGE_NODE = 'VIGIE-BADGE';

  /**
   * @param {{ adapter: SiteAdapter, document: Document, isTracked: (el: Element) => boolean }} options
   */
  function createChangeTracker({ adapter, document, isTracked }) {
    let full = true;
    /** @type {Set<Element>} subtrees the page added since the last scan */
    const added = new Set();
    /** @type {Set<Node>} nodes whose children, text or links changed since the last scan */
    const changed = new Set();

    /**
     * Notes where the page changed. Vigie's own badge insertions are ignored, or each scan would call the next.
     * @param {MutationRecord[]} records
     * @returns {boolean} whether the page itself changed something
     */
    function note(records) {
      let page = false;
      for (const record of records) {
        if (record.type === 'childList') {
          const nodes = [...Array.from(record.addedNodes), ...Array.from(record.removedNodes)];
          if (nodes.length > 0 && nodes.every((n) => n.nodeName === BADGE_NODE)) continue;
          for (const node of Array.from(record.addedNodes)) {
            if (node.nodeType === 1 && node.nodeName !== BADGE_NODE) added.add(/** @type {Element} */ (node));
          }
        }
        changed.add(record.target);
        page = true;
      }
      return page;
    }

    /** The next scan reads the whole page. */
    function requestFull() {
      full = true;
    }

    /** The posts the scan must read, once; the notes are cleared. */
    function take() {
      if (full) {
        full = false;
        added.clear();
        changed.clear();
        return adapter.findPosts(document);
      }
      /** @type {Set<Element>} */
      const out = new Set();
      /** @type {Map<Element, Element[]>} */
      const siblings = new Map();
      for (const root of added) {
        if (!root.isConnected) continue;
        for (const el of adapter.findPosts(root)) out.add(el);
        const owner = trackedAround(root);
        if (owner) {
          out.add(owner);
        } else if (adapter.isPost) {
          if (adapter.isPost(root)) out.add(root);
        } else if (root.parentElement) {
          // The added element may be a post itself (a re-rendered Discourse post): ask its parent, keep only it.
          const parent = root.parentElement;
          if (!siblings.has(parent)) siblings.set(parent, adapter.findPosts(parent));
          if (/** @type {Element[]} */ (siblings.get(parent)).includes(root)) out.add(root);
        }
      }
      for (const node of changed) {
        const owner = trackedAround(node);
        if (owner) out.add(owner);
      }
      added.clear();
      changed.clear();
      return Array.from(out);
    }

    /**
     * The tracked post that is this node or contains it, if any.
     * @param {Node} node
     */
    function trackedAround(node) {
      for (let n = /** @type {Node | null} */ (node); n; n = n.parentNode) {
        if (n.nodeType === 1 && isTracked(/** @type {Element} */ (n))) return /** @type {Element} */ (n);
      }
      return null;
    }

    return { note, requestFull, take };
  }

  vigie.createChangeTracker = createChangeTracker;
})();
