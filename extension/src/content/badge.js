// @ts-check
// The badge shown on each post: a <vigie-badge> host with an open shadow root, so page CSS neither
// styles it nor sees its styles. customElements is null in content scripts
// (https://crbug.com/390807), so the element is never defined; attachShadow works on any valid custom name.
// Page data (evidence, labels) is only ever set with textContent.
// The host is a zero-size absolute box at the anchor's top-right: it takes no room, so the page never shifts.
// It relies on the anchor being positioned (X articles are position: relative); the page's styles are not touched.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const TAG = 'vigie-badge';
  const RISKS = {
    critical: { fr: 'Critique', en: 'Critical', icon: '!!', color: '#a4001d' },
    high: { fr: 'Élevé', en: 'High', icon: '!', color: '#b93a06' },
    medium: { fr: 'Moyen', en: 'Medium', icon: '◆', color: '#8a5300' },
    low: { fr: 'Faible', en: 'Low', icon: '●', color: '#1d4ed8' },
    none: { fr: 'Aucun risque', en: 'No risk', icon: '✓', color: '#2e7d32' },
  };
  const TOP_LABELS = 3;
  // Stopped at the host: X opens the status page on any click inside an article (React delegation on the root).
  const CONTAINED_EVENTS = ['click', 'auxclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'keydown', 'keyup', 'keypress'];

  const STYLE = `
    :host { all: initial; position: absolute; top: 0; right: 0; width: 0; height: 0; overflow: visible; z-index: 2; }
    .badge { position: absolute; top: 4px; right: 40px; width: max-content; max-width: 440px; box-sizing: border-box;
      display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 4px 6px;
      font: 13px/1.35 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1b1f23;
      background: #fff; border: 1px solid #c5cbd3; border-radius: 10px; box-shadow: 0 1px 4px #0003; }
    .pill { display: inline-flex; align-items: center; gap: 4px; padding: 1px 8px; border-radius: 999px;
      color: #fff; background: var(--risk, #4a535e); font-weight: 700; white-space: nowrap; }
    .labels { font-weight: 600; }
    button { font: inherit; cursor: pointer; border-radius: 6px; padding: 1px 8px; }
    button:focus-visible { outline: 3px solid #f59e0b; outline-offset: 1px; }
    .why { border: 1px solid #8a939e; background: #f6f7f9; color: #1b1f23; }
    [data-action="capture"] { border: 0; background: #1d4ed8; color: #fff; font-weight: 600; }
    [data-action="capture"]:disabled { opacity: 0.6; cursor: progress; }
    .panel { flex-basis: 100%; margin: 2px 0 0; padding: 4px 0 0 18px; border-top: 1px solid #e3e6ea; }
    .panel li { margin: 2px 0; }
    .quote { font-weight: 600; }
    .status { font-weight: 600; }
    .status:empty { display: none; }
    .status[data-kind="error"] { color: #a4001d; }
    .status[data-kind="done"] { color: #2e7d32; }
    .muted { color: #4a535e; }
  `;

  /**
   * @typedef {object} BadgeView
   * @property {'pending' | 'offline' | 'classified'} state
   * @property {string} [message] French detail of an offline state
   * @property {{ risk: string, labels: { label: string, evidence: { text: string, explanation: string }[] }[] }} [classification]
   * @property {Record<string, { fr: string, en: string }>} [labelNames]
   * @property {{ status: 'busy' | 'done' | 'error', captureId?: string, message?: string }} [capture]
   */

  /**
   * @param {Document} document
   * @param {string} postId
   * @param {() => void} onCapture called on a trusted click of the capture button
   */
  function create(document, postId, onCapture) {
    const host = document.createElement(TAG);
    host.setAttribute('data-post-id', postId);
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = STYLE;
    root.append(style);
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    root.addEventListener('click', (event) => {
      const target = /** @type {Element} */ (event.target);
      const action = target.closest('[data-action]');
      if (!action) return;
      // Only a real user gesture may capture: a page script's synthetic click must not file evidence.
      if (!event.isTrusted) return;
      if (action.getAttribute('data-action') === 'capture') onCapture();
      if (action.getAttribute('data-action') === 'why') toggle(root, action);
    });
    return host;
  }

  /**
   * @param {ShadowRoot} root
   * @param {Element} button
   */
  function toggle(root, button) {
    const panel = root.querySelector('.panel');
    if (!panel) return;
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    /** @type {HTMLElement} */ (panel).hidden = !open;
  }

  /**
   * Redraws the badge for a new view; the host element itself stays.
   * @param {HTMLElement} host
   * @param {BadgeView} view
   */
  function render(host, view) {
    const root = /** @type {ShadowRoot} */ (host.shadowRoot);
    const document = host.ownerDocument;
    const el = (/** @type {string} */ tag, /** @type {string} */ className, /** @type {string} */ text = '') => {
      const node = document.createElement(tag);
      if (className) node.className = className;
      if (text) node.textContent = text;
      return node;
    };
    const box = el('div', 'badge');
    box.setAttribute('role', 'group');
    host.setAttribute('data-state', view.state);
    host.removeAttribute('data-risk');

    if (view.state === 'pending') {
      box.setAttribute('aria-label', 'Vigie');
      box.append(el('span', 'muted', 'Analyse…'));
      box.title = 'Analysing…';
    } else if (view.state === 'offline') {
      box.setAttribute('aria-label', 'Vigie');
      box.append(el('span', 'muted', 'Vigie hors ligne'));
      box.title = `${view.message ?? ''}\nVigie offline`.trim();
    } else {
      const classification = /** @type {NonNullable<BadgeView['classification']>} */ (view.classification);
      const names = view.labelNames ?? {};
      const risk = RISKS[/** @type {keyof typeof RISKS} */ (classification.risk)] ?? RISKS.none;
      host.setAttribute('data-risk', classification.risk);
      box.setAttribute('aria-label', `Vigie : risque ${risk.fr}`);
      box.style.setProperty('--risk', risk.color);
      box.style.borderColor = risk.color;

      const pill = el('span', 'pill');
      pill.title = risk.en;
      const icon = el('span', '', risk.icon);
      icon.setAttribute('aria-hidden', 'true');
      pill.append(icon, el('span', 'risk', risk.fr));
      box.append(pill);

      const top = classification.labels.slice(0, TOP_LABELS);
      if (top.length > 0) {
        const labels = el('span', 'labels', top.map((l) => names[l.label]?.fr ?? l.label).join(', '));
        labels.title = top.map((l) => names[l.label]?.en ?? l.label).join(', ');
        box.append(labels);
      }
      const evidence = classification.labels.flatMap((l) => l.evidence.map((e) => ({ label: l.label, ...e })));
      if (evidence.length > 0) {
        const why = el('button', 'why', 'Pourquoi ?');
        why.setAttribute('type', 'button');
        why.setAttribute('data-action', 'why');
        why.setAttribute('aria-expanded', 'false');
        why.title = 'Why?';
        const panel = el('ul', 'panel');
        panel.hidden = true;
        for (const item of evidence) {
          const li = el('li');
          li.append(
            el('span', 'quote', `« ${item.text} »`),
            el('span', '', ` — ${item.explanation}`),
            el('span', 'muted', ` (${names[item.label]?.fr ?? item.label})`),
          );
          panel.append(li);
        }
        box.append(why, panel);
      }

      const capture = el('button', '', 'Capturer la preuve');
      capture.setAttribute('type', 'button');
      capture.setAttribute('data-action', 'capture');
      capture.title = 'Capture evidence';
      box.append(capture);
      const status = el('span', 'status');
      status.setAttribute('role', 'status');
      status.setAttribute('aria-live', 'polite');
      if (view.capture) {
        status.setAttribute('data-kind', view.capture.status);
        if (view.capture.status === 'busy') {
          status.textContent = 'Capture…';
          /** @type {HTMLButtonElement} */ (capture).disabled = true;
          capture.hidden = true;
        } else if (view.capture.status === 'done') {
          // The status takes the button's place: one line, so the badge covers as little of the post as it can.
          capture.hidden = true;
          status.textContent = 'Preuve enregistrée';
          status.title = 'Evidence saved';
        } else {
          status.textContent = view.capture.message ?? 'Échec de la capture.';
        }
      }
      if (view.capture?.status === 'done' && view.capture.captureId) {
        host.setAttribute('data-capture-id', view.capture.captureId);
      } else {
        host.removeAttribute('data-capture-id');
      }
      box.append(status);
    }
    // A redraw must not steal keyboard focus or fold an evidence list the CM opened.
    const previous = root.querySelector('.badge');
    const focused = root.activeElement ? root.activeElement.getAttribute('data-action') : null;
    const wasOpen = previous !== null && previous.querySelector('[data-action="why"][aria-expanded="true"]') !== null;
    if (previous) previous.remove();
    root.append(box);
    const why = box.querySelector('[data-action="why"]');
    if (wasOpen && why) toggle(root, why);
    const refocus = focused ? box.querySelector(`[data-action="${focused}"]`) : null;
    if (refocus) /** @type {HTMLElement} */ (refocus).focus();
  }

  vigie.badge = { TAG, RISKS, create, render };
})();
