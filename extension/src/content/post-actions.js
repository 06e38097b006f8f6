// @ts-check
// What a CM does with one post from its badge: file it as evidence (content/evidence.js takes the parts) and answer it
// (content/responses.js). Shares core.js's view of the page: which post each element shows, and its classification.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  /**
   * @param {{ window: Window & typeof globalThis, adapter: SiteAdapter, platform: string,
   *   sendMessage: (message: object) => Promise<any>,
   *   posts: WeakMap<Element, { id: string, hash: string, extraction: Extraction, host: HTMLElement,
   *     capture: import('./capture-state.js').CaptureView | null }>,
   *   cache: Map<string, any>, marked: Set<Element>, draw: (el: Element) => void }} core
   *   draw: redraws the post's badge from its state
   */
  function createPostActions({ window, adapter, platform, sendMessage, posts, cache, marked, draw }) {
    const { document } = window;
    const evidence = /** @type {NonNullable<Vigie['evidence']>} */ (vigie.evidence);

    /**
     * Files the post as evidence: content/evidence.js puts it in view and asks the worker for the shots, HTML and page.
     * Reached from a trusted click (badge.js checks event.isTrusted), or from autocapture.js once the post is in view.
     * @param {Element} el
     * @param {{ automatic?: boolean }} [options]
     * @returns {Promise<import('./capture-state.js').CaptureView | null | undefined>} what the badge shows after
     */
    async function capture(el, { automatic = false } = {}) {
      const state = posts.get(el);
      if (!state) return;
      const entry = cache.get(state.hash);
      if (!entry || entry.status !== 'done' || (state.capture && state.capture.status === 'busy')) return;
      const { id, extraction } = state;
      setCapture(el, id, { status: 'busy' });
      const metadata = {
        pageUrl: window.location.href,
        pageTitle: document.title,
        permalink: extraction.permalink,
        platform,
        postId: id,
        author: extraction.author,
        publishedAt: extraction.publishedAt,
        publishedShown: extraction.publishedShown ?? null,
        text: extraction.text,
        classification: { ...entry.classification, id },
        automatic,
      };
      const response = await evidence.capture({
        window, el, metadata, sendMessage,
        // The cell may be recycled meanwhile (X): its new post has its own badge.
        isCurrent: () => posts.get(el)?.id === id,
      });
      if (response === null) return;
      const view = vigie.captureState.fromReply(response, automatic);
      setCapture(el, id, view);
      // A capture the CM asked for opens the response panel, its id the case reference; also while it waits in the
      // browser: answering the person must not wait for the server. Never after an automatic capture.
      if (!automatic && view && (view.status === 'sent' || view.status === 'queued')) respond(el, view.captureId ?? null);
      return view;
    }

    /**
     * A capture that waited in the worker's queue reached the server (message from the worker).
     * @param {{ platform: string, postId: string }} ref
     * @param {string} captureId
     */
    function captureSent(ref, captureId) {
      if (ref.platform !== platform) return;
      for (const el of marked) setCapture(el, ref.postId, { status: 'sent', captureId });
    }

    /**
     * @param {Element} el
     * @param {string} id the post the capture was for; ignored if the element now shows another post
     * @param {import('./capture-state.js').CaptureView | null} value
     */
    function setCapture(el, id, value) {
      const state = posts.get(el);
      if (!state || state.id !== id) return;
      state.capture = value;
      draw(el);
    }

    /**
     * Opens the response panel (responses.js) for the post: from a trusted click on « Répondre », or after a capture
     * the CM asked for, whose id becomes the reply's case reference and what its interventions name.
     * @param {Element} el
     * @param {string | null} [captureId]
     */
    function respond(el, captureId = null) {
      const state = posts.get(el);
      const entry = state && cache.get(state.hash);
      if (!state || !entry || entry.status !== 'done') return;
      vigie.responses.open({
        window, sendMessage, adapter, platform, post: el, badge: state.host, extraction: state.extraction,
        classification: { ...entry.classification, id: state.id }, labelNames: entry.labelNames,
        captureId: captureId ?? (state.capture && state.capture.captureId) ?? null,
      });
    }

    return { capture, captureSent, respond };
  }

  vigie.createPostActions = createPostActions;
})();
