// @ts-check
// Discourse adapter (SITES.md §6), on any domain: the engine is told by its generator meta, not the host.
// Hooks come from Discourse's own templates (post.gjs, poster-name.gjs, user-link.gjs, date.gjs).
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'discourse';

  const SELECTORS = {
    // Every Discourse page, topic or not: the app routes client-side, so a list page can become a topic.
    generator: 'meta[name="generator"][content^="Discourse"]',
    // The 404 template, in every language: "Oops! That page doesn't exist or is private."
    notFound: '.page-not-found',
    // A rendered post wrapper, or a cloaked one: far off-screen the wrapper loses its class list and its
    // <article> but keeps data-post-number and takes the id post_N (post.gjs `{{#unless @cloaked}}`).
    post: ['div.topic-post[data-post-number]', 'div[id^="post_"][data-post-number]'].join(', '),
    renderedPost: 'topic-post',
    article: 'article[data-post-id]',
    // Replies shown inside a post ("2 réponses" expanded, or the reply-to tab) are copies of other posts.
    embedded: '.embedded-posts',
    metaData: '.topic-meta-data',
    // The first link holds the username in data-user-card whichever name comes first (poster-name.gjs).
    nameLink: '.names .first a[data-user-card]',
    fullName: '.names .full-name a[data-user-card]',
    permalink: 'a.post-date[href]',
    // Epoch milliseconds; the visible text is relative ("3 j") and the title is localized.
    time: '.relative-date[data-time]',
    text: '.cooked',
    // Quotes carry another post's words; an uploaded image's alt and caption are its file name and size.
    notText: ['aside.quote', '.lightbox-wrapper'].join(', '),
    likes: 'button.like-count',
    replies: 'button.show-replies',
    // The post menu's « Répondre » (post-action-menu__reply in 3.x menus, reply.create before): opens the composer
    // (#reply-control textarea.d-editor-input) as a reply to this post.
    reply: ['button.post-action-menu__reply', 'button.reply.create'].join(', '),
  };

  /** @returns {SiteAdapter} */
  function createDiscourseAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match that belongs to this article itself, not to a reply embedded in it.
     * @param {Element} article
     * @param {string} selector
     */
    function own(article, selector) {
      for (const el of Array.from(article.querySelectorAll(selector))) {
        const embedded = el.closest(SELECTORS.embedded);
        if (embedded && article.contains(embedded)) continue;
        return el;
      }
      return null;
    }

    /**
     * The rendered article of a post wrapper, or null while it is cloaked.
     * @param {Element} post
     */
    function articleOf(post) {
      for (const el of Array.from(post.querySelectorAll(SELECTORS.article))) {
        if (el.closest('[data-post-number]') === post) return el;
      }
      return null;
    }

    /**
     * The like and reply counters of the post menu; each button only exists when its count is above zero.
     * @param {Element} article
     */
    function counts(article) {
      /** @type {{ replies?: number, likes?: number }} */
      const result = {};
      const likes = own(article, SELECTORS.likes);
      const replies = own(article, SELECTORS.replies);
      const likeCount = likes ? firstNumber(likes) : null;
      const replyCount = replies ? firstNumber(replies) : null;
      if (replyCount !== null) result.replies = replyCount;
      if (likeCount !== null) result.likes = likeCount;
      return result;
    }

    return {
      name: NAME,
      platform: 'discourse',

      matches(location, doc = document) {
        return doc.querySelector(SELECTORS.generator) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post));
      },

      extract(post) {
        const article = articleOf(post);
        if (!article) {
          // Cloaked: the post comes back in a new article when it scrolls into view again.
          if (!post.classList.contains(SELECTORS.renderedPost)) return null;
          return missing(post, `${SELECTORS.article} (dans div.topic-post)`);
        }

        const nameLink = own(article, SELECTORS.nameLink);
        if (!nameLink) return missing(post, SELECTORS.nameLink);
        const username = nameLink.getAttribute('data-user-card');
        if (!username) return missing(post, `${SELECTORS.nameLink} (data-user-card vide)`);
        const fullName = own(article, SELECTORS.fullName);
        // The username link also holds the moderator shield, whose <title> is text: use data-user-card instead.
        const name = fullName ? vigie.text.textOf(fullName) : username;

        const link = own(article, SELECTORS.permalink);
        if (!link) return missing(post, SELECTORS.permalink);
        const time = link.querySelector(SELECTORS.time);
        if (!time) return missing(post, `${SELECTORS.permalink} ${SELECTORS.time}`);
        const epochMs = Number(time.getAttribute('data-time'));
        if (!Number.isFinite(epochMs)) return missing(post, `${SELECTORS.time} (nombre de millisecondes)`);

        const cooked = own(article, SELECTORS.text);
        if (!cooked) return missing(post, SELECTORS.text);

        // hide_user_profiles_from_public: anonymous readers get the name link without href (user-link.gjs).
        const href = nameLink.getAttribute('href');
        const langHolder = cooked.closest('[lang]');
        const topicId = article.getAttribute('data-topic-id');

        return {
          id: article.getAttribute('data-post-id') ?? '',
          permalink: new URL(link.getAttribute('href') ?? '', post.baseURI).href,
          author: {
            name,
            handle: username !== name ? username : null,
            profileUrl: href ? new URL(href, post.baseURI).href : null,
          },
          publishedAt: new Date(epochMs).toISOString(),
          publishedShown: vigie.text.textOf(time) || null,
          text: textWithout(cooked, SELECTORS.notText),
          lang: langHolder ? langHolder.getAttribute('lang') : null,
          parentId: topicId || null,
          counts: counts(article),
        };
      },

      /** A deleted topic's or post's address renders the 404 template inside the normal page. */
      isUnavailable(doc) {
        return doc.querySelector(SELECTORS.notFound) !== null;
      },

      badgeAnchor(post) {
        const article = articleOf(post);
        return (article && own(article, SELECTORS.metaData)) ?? article ?? post;
      },

      // The composer Discourse opens from the post's own « Répondre »; a cloaked post has none until scrolled back.
      replyAction(post) {
        const article = articleOf(post);
        return vigie.reply.composer({ near: post, trigger: article && own(article, SELECTORS.reply) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  /**
   * The visible text of an element without the parts matched by a selector (quotes, captions).
   * @param {Element} element
   * @param {string} selector
   */
  function textWithout(element, selector) {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    for (const el of Array.from(copy.querySelectorAll(selector))) el.remove();
    return vigie.text.textOf(copy);
  }

  /**
   * The first whole number in an element's text ("2 réponses" → 2), or null.
   * @param {Element} element
   */
  function firstNumber(element) {
    const match = /\d+/.exec(element.textContent ?? '');
    return match ? Number(match[0]) : null;
  }

  vigie.createDiscourseAdapter = createDiscourseAdapter;
  vigie.adapters.push(createDiscourseAdapter());
})();
