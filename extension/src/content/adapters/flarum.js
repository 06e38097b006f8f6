// @ts-check
// Flarum 1.x adapter (SITES.md §10), on any domain: the engine is told by its boot payload, not the host.
// Hooks are the class names and data-* of Flarum's Mithril components (PostStream, CommentPost, PostUser).
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'flarum';

  const SELECTORS = {
    // app.blade.php always prints the payload; forum.blade.php puts #flarum-loading inside #app.App.
    engine: ['script#flarum-json-payload', '#app.App #flarum-loading'].join(', '),
    // Loaded posts only: placeholders of posts still loading have data-index but no data-id.
    post: '.PostStream-item[data-id][data-number]',
    // noscript#flarum-content repeats the first posts as plain markup for crawlers: never posts.
    noscript: 'noscript',
    name: '.PostUser-name .username',
    profileLink: '.PostUser-name a[href]',
    // An <input> on desktops, an <a href> on touch screens (PostMeta.js metaItems).
    permalink: 'input.PostMeta-permalink, a.PostMeta-permalink[href]',
    text: '.Post-body',
    // The mentions extension's "Citer" turns the quoted post into a blockquote.
    quote: 'blockquote',
    header: '.Post-header',
    // The mentions extension's « Répondre » in Post-actions: opens the Composer (textarea.TextEditor-editor) with
    // @"name"#p{id} already written.
    reply: '.Post-actions .item-reply button',
  };
  // Where the discussion sits in the page URL: /d/{id}-{slug}[/{number}], maybe under a sub-folder.
  const DISCUSSION_PATH = /^(.*?\/d\/)(\d+)(-[^/]*)?(?:\/|$)/;

  /** @returns {SiteAdapter} */
  function createFlarumAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match inside this stream item (items never nest, but stay explicit like the other adapters).
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (el.closest(SELECTORS.post) === post) return el;
      }
      return null;
    }

    /**
     * Flarum renders no link to a post: its permalink is the dropdown's input, or the discussion URL plus the
     * post number (PostMeta.getPermalink, routes.ts `/d/:id/:near`).
     * @param {Element} post
     * @param {RegExpExecArray | null} discussion
     * @param {string} number
     */
    function permalink(post, discussion, number) {
      const field = own(post, SELECTORS.permalink);
      // Mithril sets the input's value property, not its attribute.
      const value = field && (field.tagName === 'INPUT' ? /** @type {HTMLInputElement} */ (field).value : field.getAttribute('href'));
      if (value) return new URL(value, post.baseURI).href;
      if (!discussion || !number) return null;
      return new URL(`${discussion[1]}${discussion[2]}${discussion[3] ?? ''}/${number}`, post.baseURI).href;
    }

    return {
      name: NAME,
      platform: 'flarum',

      matches(location, doc = document) {
        return doc.querySelector(SELECTORS.engine) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post)).filter((el) => !el.closest(SELECTORS.noscript));
      },

      extract(post) {
        // Renames, stickies, tag changes … are event posts: a line of UI, nobody's words.
        if (post.getAttribute('data-type') !== 'comment') return null;
        const id = post.getAttribute('data-id') ?? '';
        const number = post.getAttribute('data-number') ?? '';

        const nameEl = own(post, SELECTORS.name);
        if (!nameEl) return missing(post, SELECTORS.name);
        const name = vigie.text.textOf(nameEl);

        const body = own(post, SELECTORS.text);
        if (!body) return missing(post, SELECTORS.text);

        const time = new Date(post.getAttribute('data-time') ?? '');
        if (Number.isNaN(time.getTime())) return missing(post, `${SELECTORS.post}[data-time] (date ISO)`);

        const discussion = DISCUSSION_PATH.exec(post.ownerDocument.location.pathname);
        const profile = own(post, SELECTORS.profileLink);
        const profileUrl = profile ? new URL(profile.getAttribute('href') ?? '', post.baseURI) : null;
        // /u/{slug}: the slug is the username under Flarum's default slug driver; the page shows the display name.
        const slug = profileUrl ? decodeURIComponent(profileUrl.pathname.split('/').filter(Boolean).pop() ?? '') : '';
        const langHolder = body.closest('[lang]');

        return {
          id,
          permalink: permalink(post, discussion, number),
          author: {
            name,
            handle: slug && slug !== name ? slug : null,
            profileUrl: profileUrl ? profileUrl.href : null,
          },
          publishedAt: time.toISOString(),
          text: textWithout(body, SELECTORS.quote),
          lang: langHolder ? langHolder.getAttribute('lang') : null,
          parentId: discussion ? discussion[2] : null,
          // The likes and mentions footers name people ("Léa et 2 autres aiment ça"), they give no count.
          counts: {},
        };
      },

      badgeAnchor(post) {
        return own(post, SELECTORS.header) ?? post;
      },

      // The Composer opened by the post's own « Répondre »; the text goes after the mention Flarum writes.
      replyAction(post) {
        return vigie.reply.composer({ near: post, trigger: own(post, SELECTORS.reply) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  /**
   * The visible text of an element without the parts matched by a selector (quotes).
   * @param {Element} element
   * @param {string} selector
   */
  function textWithout(element, selector) {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    for (const el of Array.from(copy.querySelectorAll(selector))) el.remove();
    return vigie.text.textOf(copy);
  }

  vigie.createFlarumAdapter = createFlarumAdapter;
  vigie.adapters.push(createFlarumAdapter());
})();
