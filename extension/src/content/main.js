// @ts-check
// Last content script: starts Vigie only where an adapter recognises the page; elsewhere it does nothing.
(() => {
  const vigie = /** @type {Required<Vigie>} */ (globalThis.vigie);
  if (vigie.running) return;
  const adapter = vigie.pickAdapter(window.location);
  if (!adapter) return;
  vigie.running = vigie.createCore({
    window,
    adapter,
    sendMessage: (/** @type {object} */ message) => chrome.runtime.sendMessage(message),
  });
  vigie.running.start();
})();
