// @ts-check
// What a capture takes from the page itself, and the scrolling it needs: the post's HTML with every active part
// removed, the addresses this tab showed (navigation path), and the positions the worker asks for while it shoots
// a post taller than the viewport slice by slice (lib/evidence.js drives; this script only scrolls and measures).
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  if (vigie.evidence) return;

  const MAX_PATH = 50;
  const FRAMES_TIMEOUT_MS = 500;
  // Attributes whose value the browser may run: javascript: (and the old vbscript:) in any URL-bearing attribute.
  // Browsers drop ASCII tabs and newlines inside a URL, so "java\tscript:" runs too.
  const ACTIVE_URL = /^(?:javascript|vbscript):/i;
  const URL_NOISE = /[\u0000-\u0020]/g;
  // With scripting on, <noscript> content is raw text (its markup is in innerHTML): it goes if it would run once
  // scripting is off, and stays otherwise (an <img> fallback).
  const ACTIVE_TEXT = /<\s*script|\son[a-z]+\s*=|javascript:/i;
  const BADGE_TAG = 'vigie-badge';
  const outline = /** @type {NonNullable<Vigie['outline']>} */ (vigie.outline);

  /**
   * The post's outerHTML from a clone without scripts, event handlers, javascript: URLs, srcdoc documents, plugins
   * or Vigie's own marks; text and structure stay. The live page is not touched.
   * @param {Element} el
   * @returns {string}
   */
  function postHtml(el) {
    const clone = /** @type {Element} */ (el.cloneNode(true));
    const roots = [clone, ...Array.from(clone.querySelectorAll('template')).map((t) => /** @type {HTMLTemplateElement} */ (t).content)];
    for (const root of roots) {
      for (const node of Array.from(root.querySelectorAll('noscript'))) {
        if (ACTIVE_TEXT.test(node.innerHTML)) node.remove();
      }
      for (const node of Array.from(root.querySelectorAll(`script, object, embed, ${BADGE_TAG}`))) node.remove();
      for (const node of [root, ...Array.from(root.querySelectorAll('*'))]) {
        if (!('attributes' in node)) continue;
        for (const attribute of Array.from(node.attributes)) {
          const name = attribute.name.toLowerCase();
          if (name.startsWith('on') || name === 'srcdoc' || name.startsWith('data-vigie-')
            || ACTIVE_URL.test(attribute.value.replace(URL_NOISE, ''))) {
            node.removeAttribute(attribute.name);
          }
        }
      }
    }
    return clone.outerHTML;
  }

  /**
   * The addresses this document showed, from document_idle on: the page at start and each SPA change, UTC times,
   * the latest `max` kept, oldest first. Listeners are added by watch(), once the page is one Vigie reads.
   * @param {{ window: Window, now?: () => Date, max?: number }} options
   */
  function createNavigationLog({ window, now = () => new Date(), max = MAX_PATH }) {
    /** @type {{ url: string, at: string }[]} */
    const entries = [{ url: window.location.href, at: now().toISOString() }];
    let watching = false;

    function note() {
      const url = window.location.href;
      if (entries[entries.length - 1].url === url) return;
      entries.push({ url, at: now().toISOString() });
      if (entries.length > max) entries.splice(0, entries.length - max);
    }

    function watch() {
      if (watching) return;
      watching = true;
      // The Navigation API sees the page's own pushState (https://developer.chrome.com/docs/web-platform/navigation-api).
      const navigation = /** @type {EventTarget | undefined} */ (/** @type {any} */ (window).navigation);
      navigation?.addEventListener('currententrychange', note);
      window.addEventListener('popstate', note);
      window.addEventListener('hashchange', note);
    }

    /** Oldest first, ending with the page shown now (noted here if no event told of it). */
    function path() {
      note();
      return entries.map((entry) => ({ ...entry }));
    }

    return { note, watch, path };
  }

  /**
   * How far down fixed or sticky bars (X's top bar) cover the top of the viewport above the post, in CSS pixels.
   * Slices are offset below them rather than hiding them: the page is shown as the CM sees it, never restyled.
   * @param {Window} window
   * @param {Element} el
   */
  function topInset(window, el) {
    const { document } = window;
    if (typeof document.elementsFromPoint !== 'function') return 0;
    const box = el.getBoundingClientRect();
    const x = Math.min(Math.max(box.left + box.width / 2, 0), Math.max(window.innerWidth - 1, 0));
    /** @type {Map<Element, Element | null>} */
    const pinned = new Map();
    let inset = 0;
    // Bars can stack (a top bar, then a tab bar): look again just below the one found.
    for (let round = 0; round < 4; round += 1) {
      const below = coverBottom(window, el, x, inset, pinned);
      if (below <= inset) break;
      inset = below;
    }
    return Math.min(inset, window.innerHeight / 2);
  }

  /**
   * @param {Window} window
   * @param {Element} el
   * @param {number} x
   * @param {number} y
   * @param {Map<Element, Element | null>} pinned
   */
  function coverBottom(window, el, x, y, pinned) {
    for (const hit of window.document.elementsFromPoint(x, y + 1)) {
      // Topmost first: once the post or what holds it is reached, nothing above it remains.
      if (hit === el || el.contains(hit) || hit.contains(el)) return y;
      const bar = pinnedAncestor(window, hit, pinned);
      if (!bar) continue;
      const r = bar.getBoundingClientRect();
      if (r.top <= y + 1 && r.bottom > y && r.height < window.innerHeight / 2) return r.bottom;
    }
    return y;
  }

  /**
   * @param {Window} window
   * @param {Element} start
   * @param {Map<Element, Element | null>} seen
   * @returns {Element | null}
   */
  function pinnedAncestor(window, start, seen) {
    for (let node = /** @type {Element | null} */ (start); node && node !== window.document.body; node = node.parentElement) {
      if (seen.has(node)) return /** @type {Element | null} */ (seen.get(node));
      const position = window.getComputedStyle(node).position;
      if (position === 'fixed' || position === 'sticky') {
        seen.set(start, node);
        return node;
      }
    }
    seen.set(start, null);
    return null;
  }

  /**
   * Waits until what changed is on screen for captureVisibleTab, which copies the frame the compositor shows when the
   * browser asks. A scroll brings new content to raster: two frames (laid out, then painted). A small change (the
   * badge's "Capture…" state hiding its panel) needs one: after its frame is committed, Chrome copies at the next
   * vsync, by when the few tiles under the panel are rastered (CaptureEvidenceTest checks the panel is not in the
   * shot; with no wait at all, it was in 2 shots of 3). A hidden tab runs no frames: the timer ends the wait there,
   * and the worker then refuses the shot (the tab is not in front).
   * @param {Window} window
   * @param {boolean} scrolled
   */
  const painted = (window, scrolled) => new Promise((resolve) => {
    window.requestAnimationFrame(() => (scrolled ? window.requestAnimationFrame(resolve) : window.setTimeout(resolve, 0)));
    window.setTimeout(resolve, FRAMES_TIMEOUT_MS);
  });

  /** @param {DOMRect} r */
  const plainRect = (r) => ({ x: r.x, y: r.y, width: r.width, height: r.height });

  /**
   * @param {{ x: number, y: number, width: number, height: number }} a
   * @param {{ x: number, y: number, width: number, height: number }} b
   */
  const sameBox = (a, b) => Math.abs(a.x - b.x) < 0.5 && Math.abs(a.y - b.y) < 0.5
    && Math.abs(a.width - b.width) < 0.5 && Math.abs(a.height - b.height) < 0.5;

  /** This document's addresses; main.js starts watching them once an adapter reads the page. */
  const navigation = createNavigationLog({ window });
  /**
   * The capture under way in this frame, whose post the worker may ask to scroll.
   * @type {{ window: Window, el: Element, postId: string } | null}
   */
  let active = null;
  let listening = false;
  /** Captures run one after the other: two would fight over the scroll position. */
  let queue = Promise.resolve();

  /**
   * Answers the worker's {type: 'capture-scroll', postId, offset}: puts the post's row `offset` (CSS px from its top)
   * just below the top bars, waits for the paint and tells where the post is now.
   * @param {any} message
   * @param {any} sender
   * @param {(response: unknown) => void} sendResponse
   */
  function onWorkerMessage(message, sender, sendResponse) {
    // The worker's messages carry this extension's id and no tab; web pages cannot reach this listener.
    if (!sender || sender.id !== chrome.runtime.id || sender.tab !== undefined) return false;
    if (typeof message !== 'object' || message === null || message.type !== 'capture-scroll') return false;
    const capture = active;
    if (!capture || message.postId !== capture.postId || typeof message.offset !== 'number' || !Number.isFinite(message.offset)) {
      sendResponse({ ok: false });
      return false;
    }
    const { window, el } = capture;
    // Only the first shot, the viewport picture, shows the frame; it would lie over the post once scrolled. Offset 0
    // is asked only before the first shot (the post's top was above the viewport): the frame follows the post there.
    outline.hide(window);
    const inset = topInset(window, el);
    window.scrollBy({ top: el.getBoundingClientRect().top + message.offset - inset, behavior: 'instant' });
    if (message.offset === 0) outline.show(window, plainRect(el.getBoundingClientRect()));
    painted(window, true).then(() => sendResponse({ ok: true, rect: plainRect(el.getBoundingClientRect()) }));
    return true;
  }

  /**
   * Puts the post in view below the top bars (its top there when it is taller than the room left), sends the
   * capture request with its box, HTML and navigation facts, and gives the CM their scroll position back after slices.
   * @param {{ window: Window & typeof globalThis, el: Element, metadata: Record<string, any>,
   *   sendMessage: (message: object) => Promise<any>, isCurrent: () => boolean }} options
   *   isCurrent: false once the element shows another post (X recycles cells); the capture is then dropped
   * @returns {Promise<any>} the worker's answer, or null when the post went away before the shot
   */
  function capture(options) {
    const run = queue.then(() => captureNow(options));
    queue = run.catch(() => undefined);
    return run;
  }

  /** @param {Parameters<typeof capture>[0]} options */
  async function captureNow({ window, el, metadata, sendMessage, isCurrent }) {
    if (!listening) {
      chrome.runtime.onMessage.addListener(onWorkerMessage);
      listening = true;
    }
    const start = { left: window.scrollX, top: window.scrollY };
    const inset = topInset(window, el);
    const room = window.innerHeight - inset;
    const box = el.getBoundingClientRect();
    const sliced = box.height > room;
    const centred = !sliced && (box.top < inset || box.bottom > window.innerHeight);
    if (sliced) {
      window.scrollBy({ top: box.top - inset, behavior: 'instant' });
    } else if (centred) {
      window.scrollBy({ top: box.top + box.height / 2 - (inset + room / 2), behavior: 'instant' });
    }
    // The frame of the viewport picture goes up in the same frame as the scroll and the panel's hiding (outline.js).
    const framed = plainRect(el.getBoundingClientRect());
    outline.show(window, framed);
    // Read while the frames go by: the DOM is the same before and after them.
    const html = postHtml(el);
    const page = { navigationPath: navigation.path(), referrer: window.document.referrer || null };
    await painted(window, sliced || centred);
    let rect = plainRect(el.getBoundingClientRect());
    if (!sameBox(rect, framed)) {
      // The page moved the post meanwhile (a timeline inserting above it): the frame follows, one more frame.
      outline.show(window, rect);
      await painted(window, false);
      rect = plainRect(el.getBoundingClientRect());
    }
    if (!isCurrent()) {
      outline.hide(window);
      return null;
    }
    active = { window, el, postId: String(metadata.postId) };
    try {
      return await sendMessage({
        type: 'capture',
        metadata,
        rect,
        devicePixelRatio: window.devicePixelRatio || 1,
        html,
        page,
      });
    } catch {
      // The extension was reloaded or updated under this page: its worker is gone for this tab.
      return { ok: false, error: { message: 'Extension Vigie rechargée : actualisez la page.' } };
    } finally {
      active = null;
      outline.hide(window);
      if (sliced) window.scrollTo({ ...start, behavior: 'instant' });
    }
  }

  vigie.evidence = { postHtml, createNavigationLog, topInset, capture, navigation };
})();
