// @ts-check
// The response panel: one <vigie-response-panel> at a time, opened from a badge's « Répondre » or after a capture.
// It asks the worker for the suggested reply, lets the CM edit it, copy it or open the platform's own reply box with it
// (the adapter's replyAction), and records each use as an intervention. Vigie never sends anything: the CM does.
// Actions run only on trusted events: the shadow root is open, so a page script could click its buttons.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const TAG = 'vigie-response-panel';
  // Stopped at the host: X opens the status page on any click in an article, and sites' keyboard shortcuts (X: "r"
  // replies, "l" likes) would fire on keys typed in the text: past the shadow boundary their target is the host, not a field.
  const CONTAINED_EVENTS = ['click', 'auxclick', 'dblclick', 'mousedown', 'mouseup', 'pointerdown', 'pointerup',
    'keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'paste', 'copy', 'cut'];

  /** @type {{ close(): void } | null} */
  let current = null;

  /**
   * X counts "weighted" characters: code points in these ranges weigh 1, any other (CJK, emoji) 2 — the same rule as
   * the server's Limits.length (twitter-text config v3). Elsewhere a character is a code point.
   * @param {string} platform
   * @param {string} text
   */
  function textLength(platform, text) {
    let total = 0;
    for (const char of text) {
      const cp = /** @type {number} */ (char.codePointAt(0));
      const light = cp <= 4351 || (cp >= 8192 && cp <= 8205) || (cp >= 8208 && cp <= 8223) || (cp >= 8242 && cp <= 8247);
      total += platform === 'x' && !light ? 2 : 1;
    }
    return total;
  }

  /**
   * @typedef {object} PanelOptions
   * @property {Window & typeof globalThis} window
   * @property {(message: object) => Promise<any>} sendMessage to the worker
   * @property {SiteAdapter} adapter
   * @property {string} platform
   * @property {Element} post the post's element
   * @property {HTMLElement} badge its <vigie-badge>, where the focus goes back
   * @property {Extraction} extraction
   * @property {object} classification the one on the badge
   * @property {Record<string, { fr: string, en: string }>} labelNames
   * @property {string | null} captureId the capture just taken, if any: the case reference, and what interventions name
   */

  /** @param {PanelOptions} options */
  function open(options) {
    close();
    const { window, sendMessage, adapter, platform, post, badge, extraction, captureId } = options;
    const { document } = window;
    const view = /** @type {NonNullable<Vigie['responseView']>} */ (vigie.responseView);
    const host = document.createElement(TAG);
    host.setAttribute('data-post-id', extraction.id);
    for (const type of CONTAINED_EVENTS) host.addEventListener(type, (event) => event.stopPropagation());
    const root = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = view.STYLE;
    const { panel, body } = view.frame(document);
    root.append(style, panel);
    // Outside <body>: the document's coordinates, whatever the body's own positioning.
    document.documentElement.append(host);
    view.place(window, host, post);

    /** @type {ReturnType<typeof view.fillSuggestion> | null} */
    let shown = null;
    let index = 0;
    /** The text last reported as 'edited', so one edit is reported once, when the text is used or the panel closes. */
    let reported = '';

    const option = () => /** @type {NonNullable<typeof shown>} */ (shown).options[index];
    const text = () => /** @type {HTMLTextAreaElement} */ (/** @type {NonNullable<typeof shown>} */ (shown).textarea).value;

    async function load() {
      // « Réessayer » disappears with the error: the focus waits on the dialog, not on the page.
      if (root.activeElement) panel.focus();
      view.fillWaiting(body, 'loading');
      const about = {
        platform,
        postId: extraction.id,
        text: extraction.text,
        lang: vigie.languageTag(extraction.lang) ?? undefined,
        permalink: extraction.permalink,
        author: { name: extraction.author.name, handle: extraction.author.handle },
      };
      let response;
      try {
        response = await sendMessage({ type: 'suggest', post: about, classification: options.classification, captureId });
      } catch {
        response = { ok: false, error: { message: 'Extension Vigie rechargée : actualisez la page.' } };
      }
      if (!host.isConnected) return;
      // The CM may have gone back to the page meanwhile: the focus is moved only if it still waits in the panel.
      const keepFocus = root.activeElement === panel;
      if (!response || !response.ok || !response.suggestion) {
        view.fillWaiting(body, 'error', response && response.error && response.error.message);
        if (keepFocus) /** @type {HTMLElement} */ (body.querySelector('[data-action="retry"]')).focus();
        return;
      }
      shown = view.fillSuggestion(body, response.suggestion, options.labelNames);
      if (!shown.textarea) return;
      select(0);
      if (keepFocus) shown.textarea.focus();
    }

    /** @param {number} next */
    function select(next) {
      index = next;
      reported = '';
      view.showOption(body, option(), index, options.labelNames);
      count();
    }

    function count() {
      if (!shown || !shown.count) return;
      const length = textLength(platform, text());
      const { limit } = option();
      const over = limit > 0 && length > limit;
      shown.count.textContent = limit > 0 ? `${length} / ${limit}${over ? ` — ${length - limit} de trop` : ''}` : `${length} caractères`;
      shown.count.title = limit > 0 ? `${length} of ${limit} characters` : `${length} characters`;
      shown.count.toggleAttribute('data-over', over);
    }

    /** @param {'copied' | 'opened' | 'edited'} action */
    function record(action) {
      const chosen = option();
      const message = {
        type: 'intervention', captureId, platform, postId: extraction.id, action,
        templateId: chosen.templateId, templateVersion: chosen.templateId ? chosen.version : null, finalText: text(),
      };
      Promise.resolve().then(() => sendMessage(message)).catch(() => null).then((answer) => {
        if (answer && answer.ok) return;
        const reason = answer && answer.error && typeof answer.error.message === 'string' ? answer.error.message : 'extension Vigie rechargée, actualisez la page.';
        if (shown && shown.trace && host.isConnected) shown.trace.textContent = `Trace non enregistrée : ${reason}`;
      });
    }

    /** The CM's edit, once, before the text is used and when the panel closes. */
    function flushEdit() {
      if (!shown || !shown.textarea) return;
      const value = text();
      if (value !== option().text && value !== reported) {
        reported = value;
        record('edited');
      }
    }

    /**
     * @param {'ok' | 'error' | 'busy'} kind
     * @param {string} message
     */
    function say(kind, message) {
      const status = /** @type {HTMLElement} */ (/** @type {NonNullable<typeof shown>} */ (shown).status);
      status.setAttribute('data-kind', kind);
      status.textContent = message;
    }

    /** @returns {Promise<boolean>} */
    async function copy() {
      try {
        await window.navigator.clipboard.writeText(text());
        return true;
      } catch {
        // No async clipboard on http:// forums (secure contexts only), or it was refused: the selected field and
        // execCommand('copy'), still allowed from the CM's click.
        const field = /** @type {HTMLTextAreaElement} */ (/** @type {NonNullable<typeof shown>} */ (shown).textarea);
        field.focus();
        field.select();
        try {
          return typeof document.execCommand === 'function' && document.execCommand('copy');
        } catch {
          return false;
        }
      }
    }

    async function copyOnly() {
      if (await copy()) {
        record('copied');
        say('ok', 'Texte copié : collez-le dans la réponse.');
      } else {
        say('error', 'Copie impossible : sélectionnez le texte (Ctrl+A) et copiez-le (Ctrl+C).');
      }
    }

    async function reply() {
      flushEdit();
      /** @type {ReplyAction} */
      let action = { kind: 'copy' };
      try {
        action = adapter.replyAction(post, extraction, text());
      } catch (error) {
        console.warn(`[vigie:${adapter.name}] réponse sur la plateforme en échec / reply action failed`, error);
      }
      // The addresses come from the page's links: only web pages are opened, never javascript: or data: ones.
      if ((action.kind === 'intent' || action.kind === 'page') && !isWebUrl(action.url)) action = { kind: 'copy' };
      if (action.kind === 'intent') {
        window.open(action.url, '_blank', 'noopener');
        record('opened');
        say('ok', 'Réponse ouverte sur la plateforme : relisez-la et publiez-la vous-même.');
      } else if (action.kind === 'page') {
        // Copied first: the page opening in front takes the focus, and the clipboard refuses an unfocused page.
        const copied = await copy();
        window.open(action.url, '_blank', 'noopener');
        record('opened');
        if (copied) say('ok', 'Texte copié : collez-le dans la réponse.');
        else say('error', 'Page de réponse ouverte, mais copie impossible : copiez le texte vous-même.');
      } else if (action.kind === 'composer') {
        say('busy', 'Ouverture de la zone de réponse…');
        const inserted = await action.open(text()).catch(() => false);
        if (!host.isConnected) return;
        if (inserted) {
          record('opened');
          say('ok', 'Texte placé dans la zone de réponse : relisez-le et envoyez-le vous-même.');
        } else {
          await copyOnly();
        }
      } else {
        await copyOnly();
      }
    }

    /** @param {Event} event */
    function onClick(event) {
      const target = /** @type {Element} */ (event.target).closest('[data-action]');
      if (!target || !event.isTrusted) return;
      switch (target.getAttribute('data-action')) {
        case 'close': close(); break;
        case 'retry': load(); break;
        case 'option': select(Number(target.getAttribute('data-index'))); break;
        case 'copy':
          flushEdit();
          copy().then((copied) => {
            if (copied) record('copied');
            say(copied ? 'ok' : 'error', copied ? 'Texte copié.' : 'Copie impossible : sélectionnez le texte (Ctrl+A) et copiez-le (Ctrl+C).');
          });
          break;
        case 'reply': reply(); break;
        default: break;
      }
    }

    root.addEventListener('click', onClick);
    root.addEventListener('input', count);
    root.addEventListener('keydown', (event) => {
      const key = /** @type {KeyboardEvent} */ (event);
      if (key.key === 'Escape') {
        key.preventDefault();
        close();
      } else if (key.key === 'Tab') {
        view.trapFocus(root, key);
      }
    });

    // An SPA navigation (X, Facebook, Reddit) takes the post away, and the panel with it; a #fragment does not.
    const navigation = /** @type {EventTarget | undefined} */ (/** @type {any} */ (window).navigation);
    const address = () => window.location.href.replace(/#.*$/, '');
    const openedAt = address();
    const onNavigate = () => { if (address() !== openedAt) close(); };
    navigation?.addEventListener('currententrychange', onNavigate);
    window.addEventListener('popstate', onNavigate);

    function closePanel() {
      navigation?.removeEventListener('currententrychange', onNavigate);
      window.removeEventListener('popstate', onNavigate);
      flushEdit();
      host.remove();
      current = null;
      // Back to the badge the panel was opened from, as a dialog should.
      const pill = badge.isConnected && badge.shadowRoot ? /** @type {HTMLElement | null} */ (badge.shadowRoot.querySelector('.pill')) : null;
      if (pill) pill.focus();
    }

    current = { close: closePanel };
    panel.focus();
    load();
    return host;
  }

  /** @param {string} url */
  function isWebUrl(url) {
    try {
      return ['http:', 'https:'].includes(new URL(url).protocol);
    } catch {
      return false;
    }
  }

  function close() {
    if (current) current.close();
  }

  vigie.responses = { TAG, open, close, textLength };
})();
