// @ts-check
// The badge's panel (content/badge.js draws the host and the pill): built the first time the badge is pointed at,
// focused or clicked, from the view the badge shows; actions first (« Capturer la preuve », « Répondre »), then why
// (each label with its evidence, explained). Page data is only ever set with textContent. Loaded before badge.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });
  if (vigie.badgePanel) return;

  /** @typedef {import('./badge.js').BadgeView} BadgeView */


  /** @type {WeakMap<HTMLElement, BadgeView>} the view each badge shows, to build its panel when opened */
  const views = new WeakMap();
  /** @type {WeakSet<HTMLElement>} badges whose current panel is built */
  const filled = new WeakSet();

  /**
   * Remembers the view a badge now shows; its panel is to be built again.
   * @param {HTMLElement} host
   * @param {BadgeView} view
   * @returns {boolean} whether the previous view's panel had been built
   */
  function show(host, view) {
    const was = filled.has(host);
    filled.delete(host);
    views.set(host, view);
    return was;
  }

  /**
   * Builds the panel of the badge's current view, once: actions first, then why.
   * @param {HTMLElement} host
   * @returns {boolean} whether it was built now
   */
  function fill(host) {
    const view = views.get(host);
    const panel = /** @type {ShadowRoot} */ (host.shadowRoot).querySelector('.panel');
    if (!view || !panel || filled.has(host)) return false;
    filled.add(host);
    const el = vigie.text.maker(host.ownerDocument);
    if (view.state === 'pending') {
      panel.append(el('p', '', 'Vigie analyse ce message.'), el('p', 'en', 'Vigie is analysing this post.'));
    } else if (view.state === 'offline') {
      panel.append(el('p', '', `Vigie hors ligne : ${view.message ?? 'serveur injoignable.'}`), el('p', 'en', 'Vigie offline.'));
    } else {
      fillClassified(view, /** @type {HTMLElement} */ (panel), el);
    }
    if (view.truncated) {
      panel.append(el('p', 'muted', 'Texte tronqué : dépliez « Voir plus » pour que Vigie lise le message entier.'));
    }
    return true;
  }

  /**
   * @param {BadgeView} view
   * @param {HTMLElement} panel
   * @param {(tag: string, className?: string, text?: string) => HTMLElement} el
   */
  function fillClassified(view, panel, el) {
    const classification = /** @type {NonNullable<BadgeView['classification']>} */ (view.classification);
    const names = view.labelNames ?? {};
    // The actions come first so the capture button sits right under the pill, whatever the panel holds.
    const actions = el('div', 'actions');
    // Shown, not announced: the host's live region speaks the capture state (a rebuilt panel would not).
    const status = el('span', 'status');
    const capture = /** @type {HTMLButtonElement} */ (el('button', 'capture', 'Capturer la preuve'));
    capture.setAttribute('type', 'button');
    capture.setAttribute('data-action', 'capture');
    capture.title = 'Capture evidence';
    const respond = el('button', 'respond', 'Répondre');
    respond.setAttribute('type', 'button');
    respond.setAttribute('data-action', 'respond');
    respond.title = 'Répondre sans capturer — Reply without capturing';
    actions.append(status, respond, capture);
    panel.append(actions);

    if (view.capture) {
      const said = vigie.captureState.describe(view.capture);
      status.setAttribute('data-kind', view.capture.status);
      status.textContent = said.text;
      status.title = said.en;
      capture.disabled = said.button === null;
      capture.hidden = said.button === null;
      if (said.button) capture.textContent = said.button;
    }

    if (classification.labels.length === 0) {
      panel.append(el('p', '', 'Aucun signal de risque dans ce message.'), el('p', 'en', 'No risk signal in this post.'));
      return;
    }
    const why = el('h2', '', 'Pourquoi ?');
    why.title = 'Why?';
    const list = el('ul');
    for (const label of classification.labels) {
      const li = el('li');
      const name = el('span', 'label', names[label.label]?.fr ?? label.label);
      name.title = names[label.label]?.en ?? label.label;
      li.append(name);
      if (label.evidence.length === 0) li.append(el('span', 'muted', ' — sans passage précis'));
      for (const evidence of label.evidence) {
        const item = el('p');
        const quote = el('mark', '', `« ${evidence.text} »`);
        item.append(quote, el('span', '', ` — ${evidence.explanation}`));
        li.append(item);
      }
      list.append(li);
    }
    panel.append(why, list);
  }

  vigie.badgePanel = { show, fill };
})();
