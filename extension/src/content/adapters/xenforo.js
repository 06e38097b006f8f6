// @ts-check
// XenForo 2 adapter (SITES.md §7), on any domain: the engine is told by <html id="XF">, not the host.
// Hooks are the class names of XenForo's post_macros / message_macros templates, stable across 2.x.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'xenforo';

  const SELECTORS = {
    // The public app on a thread page (thread_view, or thread_view_type_question … for typed threads).
    engine: 'html#XF[data-app="public"][data-template^="thread_view"]',
    post: 'article.message--post.js-post[data-author][data-content^="post-"]',
    // Members link to /members/{name}.{id}/; guests' names are a plain span.
    profileLink: '.message-name a.username[data-user-id][href]',
    // XF 2.1+ wraps the date link in ul.message-attribution-main; XF 2.0 puts the class on the link itself.
    permalink: ['.message-attribution-main a[href*="/post-"]', 'a.message-attribution-main[href*="/post-"]'].join(', '),
    // datetime has an offset without a colon ("+0200"): data-timestamp (Unix seconds) is the safe one.
    time: 'time.u-dt[data-timestamp]',
    // The signature (aside.message-signature) has its own .bbWrapper: only the one in the body is the post.
    text: '.message-body .bbWrapper',
    signature: '.message-signature',
    quote: 'blockquote.bbCodeBlock--quote',
    attribution: '.message-attribution',
    // A plain thread in date order (question threads sort answers by votes), and its "next page" link.
    datedThread: 'html#XF[data-template="thread_view"]',
    pageNav: '.pageNav',
    nextPage: '.pageNav-jump--next',
    // The post's « Répondre en citant » action: /threads/{slug}.{id}/reply?quote={post id}, data-xf-click="quote".
    replyQuote: 'a[data-xf-click="quote"][href]',
  };
  const POST_ID = /^post-(\d+)$/;
  // /threads/{slug}.{thread id}/post-{post id}, also without the slug or behind index.php?.
  const THREAD_ID = /threads\/(?:[^/?#]*\.)?(\d+)\/post-\d+/;
  // A thread's own pages: /threads/{slug}.{thread id}/ and /threads/{slug}.{thread id}/page-{n}.
  const THREAD_PAGE = /\/threads\/(?:[^/?#]*\.)?(\d+)\/(?:page-\d+\/?)?$/;

  /** @returns {SiteAdapter} */
  function createXenForoAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match that belongs to this post, outside its signature.
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (el.closest(SELECTORS.post) !== post) continue;
        const signature = el.closest(SELECTORS.signature);
        if (signature && post.contains(signature)) continue;
        return el;
      }
      return null;
    }

    return {
      name: NAME,
      platform: 'xenforo',

      matches(location, doc = document) {
        return doc.querySelector(SELECTORS.engine) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post));
      },

      extract(post) {
        const postId = POST_ID.exec(post.getAttribute('data-content') ?? '');
        if (!postId) return missing(post, `${SELECTORS.post} (data-content post-<id>)`);

        const link = own(post, SELECTORS.permalink);
        if (!link) return missing(post, SELECTORS.permalink);
        const time = link.querySelector(SELECTORS.time);
        if (!time) return missing(post, `${SELECTORS.permalink} ${SELECTORS.time}`);
        const seconds = Number(time.getAttribute('data-timestamp'));
        if (!Number.isFinite(seconds)) return missing(post, `${SELECTORS.time} (secondes Unix)`);

        const body = own(post, SELECTORS.text);
        if (!body) return missing(post, SELECTORS.text);

        const permalink = new URL(link.getAttribute('href') ?? '', post.baseURI).href;
        const thread = THREAD_ID.exec(permalink);
        const profile = own(post, SELECTORS.profileLink);
        const langHolder = body.closest('[lang]');

        return {
          id: postId[1],
          permalink,
          // XenForo shows one name per member: data-author is it, there is no separate handle.
          author: {
            name: post.getAttribute('data-author') ?? '',
            handle: null,
            profileUrl: profile ? new URL(profile.getAttribute('href') ?? '', post.baseURI).href : null,
          },
          publishedAt: new Date(seconds * 1000).toISOString(),
          text: textWithout(body, SELECTORS.quote),
          lang: langHolder ? langHolder.getAttribute('lang') : null,
          parentId: thread ? thread[1] : null,
          // The reactions bar lists who reacted ("Léa, Marc et 3 autres"), not a count of each kind.
          counts: {},
        };
      },

      badgeAnchor(post) {
        return own(post, SELECTORS.attribution) ?? post;
      },

      /**
       * The last page of a thread in date order shows every post after the previous pages. A post at the top of
       * it may have moved to the previous page when an earlier one was deleted; ids grow with time, so a captured
       * post younger than the page's first one cannot have moved, and its absence means it is gone.
       */
      threadComplete(doc, captured) {
        const page = THREAD_PAGE.exec(doc.location?.pathname ?? '');
        const thread = captured.permalink ? THREAD_ID.exec(captured.permalink) : null;
        if (!page || !thread || thread[1] !== page[1] || doc.location.search !== '') return false;
        if (!doc.querySelector(SELECTORS.datedThread) || doc.querySelector(SELECTORS.nextPage)) return false;
        if (!doc.querySelector(SELECTORS.pageNav)) return true;
        const ids = Array.from(doc.querySelectorAll(SELECTORS.post))
          .map((post) => POST_ID.exec(post.getAttribute('data-content') ?? ''))
          .map((match) => (match ? Number(match[1]) : NaN))
          .filter(Number.isFinite);
        return ids.length > 0 && Number(captured.postId) > Math.min(...ids);
      },

      // The thread's reply page quoting the post (the same address the permalink /threads/…/post-{id} leads to):
      // XenForo fills its editor with the quote only, so the panel copies the text first.
      replyAction(post, extraction) {
        const quote = own(post, SELECTORS.replyQuote);
        if (quote) return { kind: 'page', url: new URL(quote.getAttribute('href') ?? '', post.ownerDocument.baseURI).href };
        const thread = extraction.permalink ? /^(.*\/threads\/[^/?#]+)\/post-\d+/.exec(extraction.permalink) : null;
        return thread ? { kind: 'page', url: `${thread[1]}/reply?quote=${extraction.id}` } : { kind: 'copy' };
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

  vigie.createXenForoAdapter = createXenForoAdapter;
  vigie.adapters.push(createXenForoAdapter());
})();
