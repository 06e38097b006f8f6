// @ts-check
// Last content script, injected on every http(s) page. It starts Vigie only where an adapter recognises the
// page and the CM has not switched Vigie off for the site; elsewhere it stays dormant: no listener, no
// observer, no message, no badge.
(() => {
  const vigie = /** @type {Required<Vigie>} */ (globalThis.vigie);
  if (vigie.main) return;
  /** @type {SiteAdapter | null} */
  let adapter = vigie.pickAdapter(window.location, document);
  if (!adapter) return;
  // From document_idle on, the pages this tab shows go in the captures' navigation path.
  vigie.evidence.navigation.watch();

  const hostname = window.location.hostname;
  // The same key as lib/sites.js siteKey(), which the popup writes (content scripts cannot import modules).
  const siteKey = `site:${hostname}`;
  let enabled = true;
  /** @type {VigieCore | null} */
  let core = null;
  /** @type {SiteAdapter | null} */
  let coreAdapter = null;
  vigie.main = { status, setEnabled };

  chrome.runtime.onMessage.addListener((/** @type {any} */ message, /** @type {any} */ sender, /** @type {(r: unknown) => void} */ sendResponse) => {
    // Only this extension's own pages (the popup) and its worker may ask; they have no sender.tab. Web pages
    // cannot reach this listener at all, and another tab's content script would carry its tab.
    if (!sender || sender.id !== chrome.runtime.id || sender.tab !== undefined) return false;
    if (typeof message !== 'object' || message === null) return false;
    switch (message.type) {
      case 'status':
        sendResponse(status());
        return false;
      case 'site':
        if (typeof message.enabled !== 'boolean') return false;
        setEnabled(message.enabled);
        sendResponse(status());
        return false;
      case 'capture-sent':
        // From the worker: a capture that waited in its queue reached the server.
        if (typeof message.captureId === 'string' && typeof message.postRef?.platform === 'string'
          && typeof message.postRef.postId === 'string') vigie.running?.captureSent(message.postRef, message.captureId);
        return false;
      default:
        return false;
    }
  });

  readEnabled().then((value) => {
    enabled = value;
    if (enabled) run();
  });

  /** @returns {Promise<boolean>} false only when the CM switched Vigie off for this site */
  async function readEnabled() {
    try {
      const stored = await chrome.storage.local.get(siteKey);
      return stored[siteKey] !== false;
    } catch {
      return true;
    }
  }

  function run() {
    if (!adapter || vigie.running) return;
    if (!core || coreAdapter !== adapter) {
      core = vigie.createCore({
        window,
        adapter,
        sendMessage: (/** @type {object} */ message) => chrome.runtime.sendMessage(message),
        onLeave,
      });
      coreAdapter = adapter;
    }
    vigie.running = core;
    core.start();
  }

  /** @param {boolean} value */
  function setEnabled(value) {
    enabled = value;
    if (enabled) {
      run();
    } else if (core) {
      core.stop();
      vigie.running = undefined;
    }
  }

  /** The SPA left the pages this adapter reads: another adapter may read the new one, or a later one. */
  function onLeave() {
    vigie.running = undefined;
    adapter = vigie.pickAdapter(window.location, document);
    if (adapter) {
      if (enabled) run();
      return;
    }
    const navigation = /** @type {EventTarget | undefined} */ (/** @type {any} */ (window).navigation);
    const retry = () => {
      adapter = vigie.pickAdapter(window.location, document);
      if (!adapter) return;
      navigation?.removeEventListener('currententrychange', retry);
      window.removeEventListener('popstate', retry);
      if (enabled) run();
    };
    navigation?.addEventListener('currententrychange', retry);
    window.addEventListener('popstate', retry);
  }

  function status() {
    if (!adapter) return { recognized: false, hostname, enabled };
    const current = vigie.running ? vigie.running.status() : null;
    return {
      recognized: true,
      hostname,
      enabled,
      adapter: adapter.name,
      platform: vigie.platformOf(adapter),
      running: current !== null && current.running,
      postsFound: current ? current.postsFound : 0,
      counts: current ? current.counts : { critical: 0, high: 0, medium: 0, low: 0, none: 0, pending: 0 },
      problems: current ? current.problems : [],
      deleted: current ? current.deleted : [],
    };
  }
})();
