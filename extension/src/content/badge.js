// @ts-check
// The badge shown on each post: a <vigie-badge> host with an open shadow root, so page CSS neither
// styles it nor sees its styles. customElements is null in content scripts
// (https://crbug.com/390807), so the element is never defined; attachShadow works on any valid custom name.
// Page data (evidence, labels) is only ever set with textContent.
// By default only the risk pill shows (≈ 110 px) and only the pill exists: the panel is built the first time the
// badge is pointed at, focused or clicked (content/badge-panel.js). Hovering, focusing or clicking it opens a panel with the
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
  // Stopped at the host: X opens the status page on any click inside an article (React delegation on the root).
  const CONTAINED_EVENTS = ['click', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];


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
    vigie.badgeStyle.adopt(root);
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
    const el = vigie.text.maker(host.ownerDocument);
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
    const wasFilled = vigie.badgePanel.show(host, view);
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

  /**
   * Builds the panel of the badge's current view, once (badge-panel.js), and shows it open or closed.
   * @param {HTMLElement} host
   */
  function fillPanel(host) {
    if (vigie.badgePanel.fill(host)) apply(host);
  }

  vigie.badge = { TAG, RISKS, create, render, isOpen, fillPanel };
})();
