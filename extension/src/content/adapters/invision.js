// @ts-check
// Invision Community 4.x adapter (SITES.md §9). Invision communities live on any domain: the page is recognised
// by the attributes IPS puts on <body> of a forum topic, never by its host.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'invision';

  const SELECTORS = {
    // <body class="ipsApp ipsApp_front …" data-pageapp="forums" data-pagemodule="forums" data-pagecontroller="topic">.
    topicPage: 'body.ipsApp[data-pageapp="forums"][data-pagecontroller="topic"]',
    // <div data-role="commentFeed"> … <a id="comment-{ID}"></a><article id="elComment_{ID}" class="cPost ipsBox
    // ipsComment …">. Scoped to the feed: the "recommended posts" strip repeats posts elsewhere on the page.
    post: '[data-role="commentFeed"] article.cPost[id^="elComment_"]',
    postRoot: 'article.cPost',
    // There are two author panes: div.cAuthorPane_mobile (shown on phones) and the desktop aside. Read the aside.
    // Members: h3 > strong > a[href="/profile/{id}-{slug}/"]; guests and deleted members: the name without a link.
    author: 'aside.cAuthorPane h3.cAuthorPane_author',
    authorLink: 'a[href]',
    // #comment-{ID}_wrap[data-commentid][data-quotedata='{"userid":…,"contentid":{topic},"contentcommentid":{ID}}'].
    commentData: '[data-commentid][data-quotedata]',
    // The desktop meta line: <a href="…/?do=findComment&comment={ID}"><time datetime="…Z">Il y a 3 heures</time></a>.
    // The mobile pane has its own time link outside .ipsComment_meta.
    time: '.ipsComment_meta time[datetime]',
    permalink: 'a[href*="do=findComment"]',
    body: '.cPost_contentWrap [data-role="commentContent"]',
    // Quotes: blockquote.ipsQuote[data-ipsquote-username]; the signature [data-role="memberSignature"] is a sibling of
    // the body; "Modifié par …" lines inside the body carry data-excludequote, IPS's own "not part of the text" mark;
    // attached pictures (img.ipsImage, lazy-loaded from data-src) have the file name as alt ("IMG_2041.jpg").
    skipInText: 'blockquote.ipsQuote, [data-role="memberSignature"], [data-excludequote], img.ipsImage',
    // <span data-role="reactCountText">4</span> in the reactions bar.
    reactions: '[data-role="reactCountText"]',
    // The post's « Citer » (ul[data-role="commentControls"]): IPS quotes it in the topic's reply editor and focuses it.
    quoteControl: 'a[data-action="quoteComment"]',
  };
  const POST_ID = /^elComment_(\d{1,20})$/;
  const TOPIC_PATH = /\/topic\/(\d{1,20})-/;
  const NUMBER = /^\d[\d\s\u00a0\u202f.,]*$/;

  /** @returns {SiteAdapter} */
  function createInvisionAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match that belongs to this post itself.
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (el.closest(SELECTORS.postRoot) === post) return el;
      }
      return null;
    }

    /** Text of a body without its quotes and signatures. */
    const textWithout = (/** @type {Element} */ body) => vigie.text.textWithout(body, SELECTORS.skipInText);

    /**
     * @param {Element} link
     */
    function absolute(link) {
      return new URL(link.getAttribute('href') ?? '', link.ownerDocument.baseURI).href;
    }

    /**
     * The topic id from the /topic/{id}-{slug}/ address, else from the comment's quote data (communities without
     * friendly URLs serve topics at index.php?app=forums&…&id={id}).
     * @param {Element} post
     */
    function topicId(post) {
      const fromPath = TOPIC_PATH.exec(new URL(post.ownerDocument.URL).pathname);
      if (fromPath) return fromPath[1];
      const data = own(post, SELECTORS.commentData);
      if (!data) return null;
      /** @type {unknown} */
      let quoteData;
      try {
        quoteData = JSON.parse(data.getAttribute('data-quotedata') ?? '');
      } catch {
        return missing(post, `${SELECTORS.commentData} (JSON illisible)`);
      }
      const contentId = quoteData && typeof quoteData === 'object' && 'contentid' in quoteData ? quoteData.contentid : null;
      return typeof contentId === 'number' && Number.isInteger(contentId) ? String(contentId) : null;
    }

    /** @param {Element} post */
    function counts(post) {
      const reactions = own(post, SELECTORS.reactions);
      const text = reactions ? (reactions.textContent ?? '').trim() : '';
      return NUMBER.test(text) ? { likes: Number(text.replace(/\D/g, '')) } : {};
    }

    return {
      name: NAME,
      platform: 'invision',

      matches(location, doc = globalThis.document) {
        return doc.querySelector(SELECTORS.topicPage) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post)).filter((post) => POST_ID.test(post.id));
      },

      extract(post) {
        const postId = POST_ID.exec(post.id);
        if (!postId) return missing(post, `${SELECTORS.postRoot}#elComment_<id>`);
        const id = postId[1];

        const author = own(post, SELECTORS.author);
        if (!author) return missing(post, SELECTORS.author);
        const authorLink = author.querySelector(SELECTORS.authorLink);
        const name = vigie.text.textOf(authorLink ?? author);
        if (!name) return missing(post, `${SELECTORS.author} (nom vide)`);

        const time = own(post, SELECTORS.time);
        if (!time) return missing(post, SELECTORS.time);
        const published = new Date(time.getAttribute('datetime') ?? '');
        if (Number.isNaN(published.getTime())) return missing(post, `${SELECTORS.time} (date illisible)`);
        const permalink = time.closest(SELECTORS.permalink);
        if (!permalink) return missing(post, `${SELECTORS.permalink} > time`);

        const body = own(post, SELECTORS.body);
        if (!body) return missing(post, SELECTORS.body);

        return {
          id,
          permalink: absolute(permalink),
          author: {
            name,
            // Invision shows one name per member (the display name): no separate handle.
            handle: null,
            profileUrl: authorLink ? absolute(authorLink) : null,
          },
          publishedAt: published.toISOString(),
          text: textWithout(body),
          // <html lang> is the community's interface language, not the language of what a member wrote.
          lang: null,
          parentId: topicId(post),
          counts: counts(post),
        };
      },

      // Unverified: whether article.cPost is positioned in IPS 4's CSS; it is the post's own box.
      badgeAnchor(post) {
        return post;
      },

      // « Citer » opens the reply editor at the foot of the topic with the quote; the text goes after it.
      replyAction(post) {
        return vigie.reply.composer({ near: post, trigger: own(post, SELECTORS.quoteControl) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createInvisionAdapter = createInvisionAdapter;
  vigie.adapters.push(createInvisionAdapter());
})();
