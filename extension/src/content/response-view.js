// @ts-check
// What the response panel shows (content/responses.js drives it): its stylesheet, light and dark, and the DOM of each
// state. Every text from the page or the server goes in with textContent or value, never as markup.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  // Each pair used for text meets WCAG AA (≥ 4.5:1), checked by test/responses-panel.test.mjs; the dark palette
  // follows the CM's system setting, whatever the page's own theme.
  const PALETTES = {
    light: {
      text: '#1b1f23', muted: '#4a535e', background: '#ffffff', border: '#5b6470', field: '#ffffff',
      accent: '#1d4ed8', onAccent: '#ffffff', soft: '#eef2f7', error: '#a4001d', ok: '#1e6b25', focus: '#b45309',
    },
    dark: {
      text: '#e8eaed', muted: '#b9c0c9', background: '#1e2228', border: '#8a939e', field: '#14171b',
      accent: '#8ab4f8', onAccent: '#0b1a33', soft: '#2a3038', error: '#ff9a8f', ok: '#8fd19a', focus: '#fbbf24',
    },
  };
  /** @param {Record<string, string>} palette */
  const variables = (palette) => Object.entries(palette).map(([name, value]) => `--v-${name}: ${value};`).join(' ');

  const STYLE = `
    :host { all: initial; }
    .panel { ${variables(PALETTES.light)} box-sizing: border-box; width: 100%; max-height: min(640px, 90vh); overflow: auto;
      padding: 10px 12px 12px; border: 1px solid var(--v-border); border-radius: 10px; box-shadow: 0 6px 24px #0005;
      background: var(--v-background); color: var(--v-text); text-align: left;
      font: 13px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
    @media (prefers-color-scheme: dark) { .panel { ${variables(PALETTES.dark)} } }
    .panel:focus { outline: none; }
    header { display: flex; align-items: baseline; gap: 8px; }
    h2 { flex: 1; margin: 0; font-size: 14px; font-weight: 700; }
    h3 { margin: 10px 0 2px; font-size: 13px; font-weight: 700; }
    p { margin: 4px 0 0; }
    button { font: inherit; cursor: pointer; border-radius: 6px; padding: 4px 10px; border: 1px solid var(--v-border);
      background: var(--v-soft); color: var(--v-text); }
    button.primary { background: var(--v-accent); color: var(--v-onAccent); border-color: var(--v-accent); font-weight: 600; }
    button.close { border: 0; background: transparent; padding: 0 4px; font-size: 16px; line-height: 1; }
    button[aria-pressed="true"] { border-color: var(--v-accent); box-shadow: inset 0 0 0 1px var(--v-accent); font-weight: 600; }
    button:focus-visible, textarea:focus-visible { outline: 3px solid var(--v-focus); outline-offset: 1px; }
    label { display: block; margin-top: 6px; font-weight: 600; }
    textarea { box-sizing: border-box; width: 100%; min-height: 120px; margin-top: 2px; padding: 6px; resize: vertical;
      border: 1px solid var(--v-border); border-radius: 6px; background: var(--v-field); color: var(--v-text); font: inherit; }
    .count { color: var(--v-muted); text-align: right; }
    .count[data-over] { color: var(--v-error); font-weight: 700; }
    .actions, .options { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 6px; }
    .actions { justify-content: flex-end; }
    .muted, .en { color: var(--v-muted); }
    .status:empty, .trace:empty { display: none; }
    .status[data-kind="error"], .trace, .error { color: var(--v-error); font-weight: 600; }
    .status[data-kind="ok"] { color: var(--v-ok); font-weight: 600; }
    section { border-top: 1px solid var(--v-soft); margin-top: 8px; }
  `;

  const WIDTH = 400;
  const FOCUSABLE = 'button:not([hidden]), textarea';

  const KINDS = {
    public_reply: { fr: 'Réponse publique', en: 'Public reply' },
    private_message: { fr: 'Message privé', en: 'Private message' },
    acknowledgement: { fr: 'Accusé de réception', en: 'Acknowledgement' },
  };

  /**
   * @typedef {{ templateId: string | null, version: number, label: string | null, kind: string, lang: string,
   *   text: string, length: number, limit: number, shortened: boolean }} ResponseOption
   * @typedef {{ label: string | null, lang: string, platform: string, best: ResponseOption | null,
   *   alternatives: ResponseOption[], helplines: { helpline: string, other: string, emergency: string } | null,
   *   reporting: { rule: string, where: string } | null, note: string | null }} Suggestion
   * @typedef {Record<string, { fr: string, en: string }>} LabelNames
   */


  /**
   * @param {Document} document
   * @param {string} action the data-action the panel's click handler acts on
   * @param {string} fr visible label
   * @param {string} en tooltip
   */
  function button(document, action, fr, en) {
    const node = document.createElement('button');
    node.type = 'button';
    node.setAttribute('data-action', action);
    node.textContent = fr;
    node.title = `${fr} — ${en}`;
    return node;
  }

  /**
   * The dialog frame: title, close button, and an empty body each state fills.
   * @param {Document} document
   */
  function frame(document) {
    const el = vigie.text.maker(document);
    const panel = el('div', 'panel');
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-label', 'Réponse suggérée par Vigie — Response suggested by Vigie');
    panel.tabIndex = -1;
    const header = el('header');
    const title = el('h2', '', 'Réponse suggérée');
    title.title = 'Suggested response';
    const close = button(document, 'close', '✕', 'Close');
    close.className = 'close';
    close.setAttribute('aria-label', 'Fermer la réponse');
    close.title = 'Fermer — Close';
    header.append(title, close);
    const body = el('div', 'body');
    panel.append(header, body);
    return { panel, body };
  }

  /**
   * @param {HTMLElement} body
   * @param {'loading' | 'error'} state
   * @param {string} [message] French reason of the error
   */
  function fillWaiting(body, state, message) {
    const el = vigie.text.maker(body.ownerDocument);
    body.replaceChildren();
    if (state === 'loading') {
      const status = el('p', 'status', 'Préparation de la réponse…');
      status.setAttribute('role', 'status');
      status.title = 'Preparing the response…';
      body.append(status);
      return;
    }
    const error = el('p', 'error', `Réponse indisponible : ${message ?? 'erreur inconnue.'}`);
    error.setAttribute('role', 'alert');
    body.append(error, el('p', 'en', 'Response unavailable.'), el('div', 'actions'));
    /** @type {HTMLElement} */ (body.lastElementChild).append(button(body.ownerDocument, 'retry', 'Réessayer', 'Try again'));
  }

  /**
   * The ready state: the text to edit and use, the other options, the helplines and the reporting help.
   * @param {HTMLElement} body
   * @param {Suggestion} suggestion
   * @param {LabelNames} names
   * @returns {{ textarea: HTMLTextAreaElement | null, count: HTMLElement | null, status: HTMLElement | null,
   *   trace: HTMLElement | null, options: ResponseOption[] }}
   */
  function fillSuggestion(body, suggestion, names) {
    const document = body.ownerDocument;
    const el = vigie.text.maker(document);
    body.replaceChildren();
    const options = suggestion.best ? [suggestion.best, ...suggestion.alternatives] : [];
    if (options.length === 0) {
      const note = el('p', 'note', suggestion.note ?? 'Aucune réponse n’est nécessaire.');
      note.setAttribute('role', 'status');
      body.append(note);
      appendHelp(body, suggestion);
      return { textarea: null, count: null, status: null, trace: null, options };
    }
    const meta = el('p', 'meta muted');
    meta.setAttribute('data-role', 'meta');
    const label = el('label', '', 'Texte de la réponse (modifiable)');
    label.setAttribute('for', 'vigie-response-text');
    label.title = 'Response text (editable)';
    const textarea = /** @type {HTMLTextAreaElement} */ (el('textarea'));
    textarea.id = 'vigie-response-text';
    textarea.spellcheck = true;
    textarea.setAttribute('aria-describedby', 'vigie-response-count');
    const count = el('p', 'count');
    count.id = 'vigie-response-count';
    count.setAttribute('aria-live', 'polite');
    const shortened = el('p', 'muted shortened', 'Raccourcie pour tenir dans la limite de la plateforme.');
    shortened.title = 'Shortened to fit the platform’s limit.';
    shortened.hidden = true;
    const actions = el('div', 'actions');
    actions.append(
      button(document, 'copy', 'Copier', 'Copy'),
      button(document, 'reply', 'Répondre sur la plateforme', 'Reply on the platform'),
    );
    /** @type {HTMLElement} */ (actions.lastElementChild).classList.add('primary');
    const status = el('p', 'status');
    status.setAttribute('role', 'status');
    const trace = el('p', 'trace');
    trace.setAttribute('role', 'status');
    body.append(meta, label, textarea, count, shortened, actions, status, trace);

    if (options.length > 1) {
      const section = el('section', 'alternatives');
      const heading = el('h3', '', 'Réponses proposées');
      heading.title = 'Suggested responses';
      const list = el('div', 'options');
      options.forEach((option, index) => {
        const kind = KINDS[/** @type {keyof typeof KINDS} */ (option.kind)] ?? { fr: option.kind, en: option.kind };
        const name = option.label ? names[option.label] ?? { fr: option.label, en: option.label } : null;
        const choice = button(document, 'option', name ? `${kind.fr} — ${name.fr}` : kind.fr, name ? `${kind.en} — ${name.en}` : kind.en);
        choice.setAttribute('data-index', String(index));
        choice.setAttribute('aria-pressed', String(index === 0));
        list.append(choice);
      });
      section.append(heading, list);
      body.append(section);
    }
    appendHelp(body, suggestion);
    return { textarea, count, status, trace, options };
  }

  /**
   * Helplines for a distress call and the platform rule to report under, when the server gives them.
   * @param {HTMLElement} body
   * @param {Suggestion} suggestion
   */
  function appendHelp(body, suggestion) {
    const el = vigie.text.maker(body.ownerDocument);
    if (suggestion.helplines) {
      const section = el('section', 'helplines');
      const heading = el('h3', '', 'Lignes d’écoute à donner');
      heading.title = 'Helplines to give';
      section.append(heading, el('p', '', suggestion.helplines.helpline));
      if (suggestion.helplines.other) section.append(el('p', '', suggestion.helplines.other));
      section.append(el('p', '', `Urgence : ${suggestion.helplines.emergency}`));
      body.append(section);
    }
    if (suggestion.reporting) {
      const section = el('section', 'reporting');
      const heading = el('h3', '', 'Signaler à la plateforme');
      heading.title = 'Report to the platform';
      section.append(heading, el('p', '', `Règle : ${suggestion.reporting.rule}`), el('p', '', `Où : ${suggestion.reporting.where}`));
      body.append(section);
    }
  }

  /**
   * Shows one option: its text in the field, its label and kind, the pressed choice.
   * @param {HTMLElement} body
   * @param {ResponseOption} option
   * @param {number} index
   * @param {LabelNames} names
   */
  function showOption(body, option, index, names) {
    const kind = KINDS[/** @type {keyof typeof KINDS} */ (option.kind)] ?? { fr: option.kind, en: option.kind };
    const name = option.label ? names[option.label]?.fr ?? option.label : null;
    const meta = /** @type {HTMLElement} */ (body.querySelector('[data-role="meta"]'));
    meta.textContent = name ? `${name} · ${kind.fr}` : kind.fr;
    meta.title = kind.en;
    /** @type {HTMLTextAreaElement} */ (body.querySelector('textarea')).value = option.text;
    /** @type {HTMLElement} */ (body.querySelector('.shortened')).hidden = !option.shortened;
    for (const choice of Array.from(body.querySelectorAll('[data-action="option"]'))) {
      choice.setAttribute('aria-pressed', String(choice.getAttribute('data-index') === String(index)));
    }
    // A private message is not posted under the post: the CM sends it in private, from the copied text.
    /** @type {HTMLElement} */ (body.querySelector('[data-action="reply"]')).hidden = option.kind === 'private_message';
  }

  /**
   * Beside the post on the right when the window has room (X's and forums' side columns), else over it under the badge.
   * @param {Window} window
   * @param {HTMLElement} host
   * @param {Element} post
   */
  function place(window, host, post) {
    const rect = post.getBoundingClientRect();
    const width = Math.min(WIDTH, window.innerWidth - 16);
    const beside = rect.right + 8 + width <= window.innerWidth - 8;
    const left = beside ? rect.right + 8 : Math.max(8, Math.min(rect.right - width, window.innerWidth - width - 8));
    const top = Math.max(8, rect.top + (beside ? 0 : 36));
    host.style.cssText = `position: absolute; z-index: 2147483647; width: ${width}px; `
      + `left: ${Math.round(left + window.scrollX)}px; top: ${Math.round(top + window.scrollY)}px;`;
  }

  /**
   * Tab and Shift+Tab cycle inside the panel; Escape leaves it.
   * @param {ShadowRoot} root
   * @param {KeyboardEvent} event
   */
  function trapFocus(root, event) {
    const focusable = /** @type {HTMLElement[]} */ (Array.from(root.querySelectorAll(FOCUSABLE)));
    if (focusable.length === 0) return;
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root.activeElement;
    if (event.shiftKey && (active === first || !focusable.includes(/** @type {HTMLElement} */ (active)))) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && (active === last || !focusable.includes(/** @type {HTMLElement} */ (active)))) {
      event.preventDefault();
      first.focus();
    }
  }

  vigie.responseView = { STYLE, PALETTES, KINDS, frame, fillWaiting, fillSuggestion, showOption, place, trapFocus };
})();
