// @ts-check
// The badge shown on each post: a <vigie-badge> host with an open shadow root, so page CSS neither
// styles it nor sees its styles. customElements is null in content scripts
// (https://crbug.com/390807), so the element is never defined; attachShadow works on any valid custom name.
// Page data (evidence, labels) is only ever set with textContent.
// By default only the risk pill shows (≈ 110 px) and only the pill exists: the panel is built the first time the
// badge is pointed at, focused or clicked. Hovering, focusing or clicking it opens a panel with the
// labels, the evidence and « Capturer la preuve ». The host is a zero-size absolute box at the anchor's
// top-right and the panel floats over the post: nothing takes room, so the page never shifts.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const TAG = 'vigie-badge';
  // White text on each colour has a contrast ratio ≥ 4.5 (WCAG AA), checked by test/badge.test.mjs.
  const RISKS = {
    critical: { fr: 'Critique', en: 'Critical', icon: '!!', color: '#a4001d' },
    high: { fr: 'Élevé', en: 'High', icon: '!', color: '#b93a06' },
    medium: { fr: 'Moyen', en: 'Medium', icon: '◆', color: '#8a5300' },
    low: { fr: 'Faible', en: 'Low', icon: '●', color: '#1d4ed8' },
    none: { fr: 'Aucun risque', en: 'No risk', icon: '✓', color: '#2e7d32' },
  };
  const NEUTRAL = '#4a535e';
  // Stopped at the host: X opens the status page on any click inside an article (React delegation on the root).
  const CONTAINED_EVENTS = ['click', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];

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

  /**
   * @typedef {object} BadgeView
   * @property {'pending' | 'offline' | 'classified'} state
   * @property {string} [message] French detail of an offline state
   * @property {{ risk: string, labels: { label: string, evidence: { text: string, explanation: string }[] }[] }} [classification]
   * @property {Record<string, { fr: string, en: string }>} [labelNames]
   * @property {import('./capture-state.js').CaptureView} [capture] see content/capture-state.js
   * @property {boolean} [truncated] the page shows only the start of the text (Facebook « Voir plus »)
   */

  /** Per host: opened by keyboard focus, or pinned by a click on the pill (hover is CSS). */
  const openState = new WeakMap();

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
   * @param {Document} document
   * @param {string} postId
   * @param {() => void} onCapture called on a trusted click of the capture button
   * @param {() => void} [onRespond] called on a trusted click of « Répondre » (the response panel, no capture)
   */
  function create(document, postId, onCapture, onRespond) {
    const host = document.createElement(TAG);
    host.setAttribute('data-post-id', postId);
    const root = host.attachShadow({ mode: 'open' });
    const sheet = sharedSheet(document);
    if (sheet) {
      root.adoptedStyleSheets = [sheet];
    } else {
      const style = document.createElement('style');
      style.textContent = STYLE;
      root.append(style);
    }
    // Announces capture states to screen readers; it lives as long as the host, as a live region must.
    const live = document.createElement('span');
    live.className = 'live';
    live.setAttribute('role', 'status');
    live.setAttribute('aria-live', 'polite');
    root.append(live);
    const state = { focus: false, pinned: false, escaping: false, pressed: false };
    openState.set(host, state);
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    // The panel is built the first time the CM points at, focuses or clicks the badge, not for every post.
    host.addEventListener('pointerenter', () => fillPanel(host));

    root.addEventListener('click', (event) => {
      const target = /** @type {Element} */ (event.target);
      if (target.closest('.pill')) {
        // Opening the panel is only a view change: keyboard (Enter, Space) and mouse alike.
        fillPanel(host);
        state.pinned = !state.pinned;
        if (!state.pinned) state.focus = false;
        apply(host);
        return;
      }
      const action = target.closest('[data-action]');
      // Only a real user gesture may capture: a page script's synthetic click must not file evidence.
      if (!action || !event.isTrusted) return;
      if (action.getAttribute('data-action') === 'capture') onCapture();
      if (action.getAttribute('data-action') === 'respond' && onRespond) onRespond();
    });
    // Keyboard focus opens the panel; the focus a mouse press gives leaves it to the click (toggle).
    root.addEventListener('mousedown', () => { state.pressed = true; });
    root.addEventListener('mouseup', () => { state.pressed = false; });
    root.addEventListener('focusin', () => {
      const pressed = state.pressed;
      state.pressed = false;
      if (state.escaping || pressed) return;
      fillPanel(host);
      state.focus = true;
      apply(host);
    });
    root.addEventListener('focusout', (event) => {
      const next = /** @type {FocusEvent} */ (event).relatedTarget;
      if (next instanceof Node && root.contains(next)) return;
      state.focus = false;
      state.pinned = false;
      apply(host);
    });
    root.addEventListener('keydown', (event) => {
      const key = /** @type {KeyboardEvent} */ (event);
      if (!isOpen(host)) return;
      if (key.key === 'Escape') {
        state.pinned = false;
        state.focus = false;
        state.escaping = true;
        /** @type {HTMLElement | null} */ (root.querySelector('.pill'))?.focus();
        state.escaping = false;
        apply(host);
      } else if (key.key === 'Tab') {
        trapFocus(root, key);
      }
    });
    return host;
  }

  /** @param {HTMLElement} host */
  function isOpen(host) {
    const state = openState.get(host);
    return Boolean(state && (state.focus || state.pinned));
  }

  /**
   * Mirrors the open state on the box (CSS), the pill (aria-expanded) and the tab order of the panel's buttons.
   * @param {HTMLElement} host
   */
  function apply(host) {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const box = root.querySelector('.badge');
    if (!box) return;
    const open = isOpen(host);
    box.toggleAttribute('data-open', open);
    root.querySelector('.pill')?.setAttribute('aria-expanded', String(open));
    for (const button of Array.from(root.querySelectorAll('.panel button'))) {
      /** @type {HTMLElement} */ (button).tabIndex = open ? 0 : -1;
    }
  }

  /**
   * While the panel is open, Tab cycles between the pill and the panel's buttons; Escape leaves.
   * @param {ShadowRoot} root
   * @param {KeyboardEvent} event
   */
  function trapFocus(root, event) {
    const focusable = /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll('.pill, .panel button'))
      .filter((el) => !(/** @type {HTMLButtonElement} */ (el).disabled) && !(/** @type {HTMLElement} */ (el).hidden)));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root.activeElement;
    if (event.shiftKey && active === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  /**
   * Redraws the badge for a new view; the host element itself stays.
   * @param {HTMLElement} host
   * @param {BadgeView} view
   */
  function render(host, view) {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const el = maker(host.ownerDocument);
    const box = el('div', 'badge');
    const pill = el('button', 'pill');
    pill.setAttribute('type', 'button');
    pill.setAttribute('aria-controls', 'vigie-panel');
    pill.setAttribute('aria-expanded', 'false');
    const panel = el('div', 'panel');
    panel.id = 'vigie-panel';
    panel.setAttribute('role', 'group');
    box.append(pill, panel);
    host.setAttribute('data-state', view.state);
    host.removeAttribute('data-risk');

    /**
     * @param {string} icon
     * @param {string} word French, visible
     * @param {string} label French, for screen readers
     * @param {string} en English, in the tooltip
     */
    const fillPill = (icon, word, label, en) => {
      const mark = el('span', 'icon', icon);
      mark.setAttribute('aria-hidden', 'true');
      pill.append(mark, el('span', 'word', word));
      pill.setAttribute('aria-label', label);
      pill.title = `${label} — ${en}`;
      panel.setAttribute('aria-label', label);
    };
    if (view.state === 'pending') {
      fillPill('…', 'Analyse…', 'Vigie : analyse en cours', 'Vigie: analysing');
    } else if (view.state === 'offline') {
      fillPill('✖', 'Hors ligne', 'Vigie hors ligne', 'Vigie offline');
    } else {
      const classification = /** @type {NonNullable<BadgeView['classification']>} */ (view.classification);
      const risk = RISKS[/** @type {keyof typeof RISKS} */ (classification.risk)] ?? RISKS.none;
      host.setAttribute('data-risk', classification.risk);
      box.style.setProperty('--risk', risk.color);
      const said = view.capture ? vigie.captureState.describe(view.capture) : null;
      fillPill(risk.icon, risk.fr, `Vigie : risque ${risk.fr.toLowerCase()}${said ? ` — preuve : ${said.text}` : ''}`,
        `${risk.en}${said ? ` — evidence: ${said.en}` : ''}`);
      if (said) pill.append(el('span', 'mark', said.mark));
      if (view.capture?.status === 'sent' && view.capture.captureId) {
        host.setAttribute('data-capture-id', view.capture.captureId);
      } else {
        host.removeAttribute('data-capture-id');
      }
    }
    showCapture(host, box, view.capture);

    // A redraw must not steal keyboard focus.
    const previous = root.querySelector('.badge');
    const active = root.activeElement;
    const refocus = active ? (active.classList.contains('pill') ? '.pill' : active.getAttribute('data-action') && `[data-action="${active.getAttribute('data-action')}"]`) : null;
    const wasFilled = filled.has(host);
    filled.delete(host);
    views.set(host, view);
    if (previous) previous.remove();
    root.append(box);
    if (wasFilled || isOpen(host)) fillPanel(host);
    apply(host);
    const again = refocus ? box.querySelector(refocus) : null;
    if (again && !(/** @type {HTMLElement} */ (again).hidden)) /** @type {HTMLElement} */ (again).focus();
  }

  /**
   * Mirrors the capture state on the box (CSS), the host (data-capture, read by tests and page-level styles) and
   * the live region, which speaks only when the state changes.
   * @param {HTMLElement} host
   * @param {HTMLElement} box
   * @param {import('./capture-state.js').CaptureView | undefined} capture
   */
  function showCapture(host, box, capture) {
    const live = /** @type {HTMLElement} */ (/** @type {ShadowRoot} */ (host.shadowRoot).querySelector('.live'));
    if (capture) {
      box.setAttribute('data-capture', capture.status);
      host.setAttribute('data-capture', capture.status);
    } else {
      host.removeAttribute('data-capture');
    }
    const words = capture ? vigie.captureState.describe(capture).text : '';
    if (live.textContent !== words) live.textContent = words;
  }

  /** @param {Document} document */
  function maker(document) {
    return (/** @type {string} */ tag, /** @type {string} */ className = '', /** @type {string} */ text = '') => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    };
  }

  /** @type {WeakMap<HTMLElement, BadgeView>} the view each badge shows, to build its panel when opened */
  const views = new WeakMap();
  /** @type {WeakSet<HTMLElement>} badges whose current panel is built */
  const filled = new WeakSet();

  /**
   * Builds the panel of the badge's current view, once: actions first, then why.
   * @param {HTMLElement} host
   */
  function fillPanel(host) {
    const view = views.get(host);
    const panel = /** @type {ShadowRoot} */ (host.shadowRoot).querySelector('.panel');
    if (!view || !panel || filled.has(host)) return;
    filled.add(host);
    const el = maker(host.ownerDocument);
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
    apply(host);
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

  vigie.badge = { TAG, RISKS, create, render, isOpen, fillPanel };
})();
