// @ts-check
// vBulletin 5 adapter (SITES.md §8). vBulletin forums live on any domain: the page is recognised by vBulletin's
// generator meta and vB5's body id, plus the thread view's post list, never by its host. vB3/4 pages
// (ol#posts > li#post_{ID}) are not read: they do not have the thread list, so they never match.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'vbulletin';

  const SELECTORS = {
    // <meta name="generator" content="vBulletin 5.7.5">; vB5 also sets <body id="vb-page-body" class="vb-page …">.
    engine: ['meta[name="generator"][content^="vBulletin"]', 'body#vb-page-body'],
    // The thread view tab of widget_conversationdisplay: only topic pages have it.
    threadList: '#thread-view-tab ul.conversation-list',
    // <li data-node-id="…" data-node-publishdate="…" class="b-post js-post …">; the starter adds
    // b-post--first / js-conversation-starter.
    post: 'li.b-post[data-node-id]',
    starter: 'li.b-post.js-conversation-starter[data-node-id]',
    // .b-userinfo .author <strong><a href="…/member/{id}-{name}" data-vbnamecard="{id}">; a guest has no link.
    author: '.b-userinfo .author',
    authorLink: 'a[href]',
    // #1 links to the thread itself, later posts to …?p={ID}#post{ID}.
    permalink: 'a.b-post__count',
    // Unix seconds. The <time itemprop="dateCreated" datetime> is forum-local time without an offset: not used.
    publishDate: 'data-node-publishdate',
    body: '.js-post__content-text',
    // bbcode_container also wraps [code] blocks: only the ones holding a .bbcode_quote are quotes.
    quote: '.bbcode_quote',
    quoteBox: '.bbcode_container',
    signature: '.post-signature',
    // The toolbar search form of the thread view carries the thread's node id.
    threadInput: '#thread-view-tab input[name="nodeid"]',
    // <li class="b-post-control votecount"><span class="b-post-control__label">12 J'aime</span>.
    likes: '.js-post-controls .votecount .b-post-control__label',
    // <li class="b-post-control js-post-control" data-action="quote" title="Citer">: vB5's script puts the quote in
    // the thread's reply editor and focuses it.
    quoteControl: '.js-post-control[data-action="quote"]',
  };
  const NODE_ID = /^\d{1,20}$/;
  const EPOCH = /^\d{1,12}$/;
  // Friendly thread URLs end in /{nodeid}-{slug}, optionally /page{N}.
  const THREAD_PATH = /\/(\d{1,20})-[^/]*(?:\/page\d+)?\/?$/;
  const NUMBER = /\d[\d\s\u00a0\u202f.,]*/;

  /** @returns {SiteAdapter} */
  function createVbulletinAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;
    /** @type {Document | null} */
    let inert = null;

    /**
     * The first match that belongs to this post itself, not to a comment listed under it.
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
     * Text of `body` without quotes and signatures. The copy lives in a document with no window, so its images
     * are never fetched (a copy made in the page's own document would start loading them).
     * @param {Element} body
     */
    function textWithout(body) {
      inert ??= body.ownerDocument.implementation.createHTMLDocument('');
      const copy = /** @type {Element} */ (inert.importNode(body, true));
      for (const quote of Array.from(copy.querySelectorAll(SELECTORS.quote))) {
        (quote.closest(SELECTORS.quoteBox) ?? quote).remove();
      }
      for (const el of Array.from(copy.querySelectorAll(SELECTORS.signature))) el.remove();
      return vigie.text.textOf(copy);
    }

    /**
     * @param {Element} link
     */
    function absolute(link) {
      return new URL(link.getAttribute('href') ?? '', link.ownerDocument.baseURI).href;
    }

    /** @param {Document} doc */
    function threadId(doc) {
      const fromPath = THREAD_PATH.exec(new URL(doc.URL).pathname);
      if (fromPath) return fromPath[1];
      const input = doc.querySelector(SELECTORS.threadInput);
      const fromInput = input ? input.getAttribute('value') ?? '' : '';
      if (NODE_ID.test(fromInput)) return fromInput;
      const starter = doc.querySelector(SELECTORS.starter);
      const fromStarter = starter ? starter.getAttribute('data-node-id') ?? '' : '';
      return NODE_ID.test(fromStarter) ? fromStarter : null;
    }

    /** @param {Element} post */
    function counts(post) {
      const label = own(post, SELECTORS.likes);
      const number = label ? NUMBER.exec(label.textContent ?? '') : null;
      return number ? { likes: Number(number[0].replace(/\D/g, '')) } : {};
    }

    return {
      name: NAME,
      platform: 'vbulletin',

      matches(location, doc = globalThis.document) {
        if (!SELECTORS.engine.some((selector) => doc.querySelector(selector))) return false;
        return doc.querySelector(SELECTORS.threadList) !== null;
      },

      findPosts(root) {
        // Only the "Messages" tab: the "Activité récente" tab can list the same nodes again.
        return Array.from(root.querySelectorAll(`${SELECTORS.threadList} ${SELECTORS.post}`));
      },

      extract(post) {
        const id = post.getAttribute('data-node-id') ?? '';
        if (!NODE_ID.test(id)) return missing(post, `${SELECTORS.post} (data-node-id non numérique)`);

        const epoch = post.getAttribute(SELECTORS.publishDate) ?? '';
        if (!EPOCH.test(epoch)) return missing(post, `${SELECTORS.post}[${SELECTORS.publishDate}]`);

        const author = own(post, SELECTORS.author);
        if (!author) return missing(post, SELECTORS.author);
        const authorLink = author.querySelector(SELECTORS.authorLink);
        const name = vigie.text.textOf(authorLink ?? author);
        if (!name) return missing(post, `${SELECTORS.author} (nom vide)`);

        const permalink = own(post, SELECTORS.permalink);
        if (!permalink) return missing(post, SELECTORS.permalink);

        const body = own(post, SELECTORS.body);
        if (!body) return missing(post, SELECTORS.body);

        const thread = threadId(post.ownerDocument);
        return {
          id,
          permalink: absolute(permalink),
          author: {
            name,
            // vBulletin shows one name per member (the username): no separate handle.
            handle: null,
            profileUrl: authorLink ? absolute(authorLink) : null,
          },
          publishedAt: new Date(Number(epoch) * 1000).toISOString(),
          text: textWithout(body),
          // <html lang> is the forum's interface language, not the language of what a member wrote.
          lang: null,
          // The starter is the thread node itself, so it has no parent on the page.
          parentId: thread === id ? null : thread,
          counts: counts(post),
        };
      },

      // Unverified: whether li.b-post is positioned in vB5's CSS; it is the post's own box.
      badgeAnchor(post) {
        return post;
      },

      // The post's « Citer » control opens vB5's reply editor below the thread with the quote; the text goes after it.
      replyAction(post) {
        return vigie.reply.composer({ near: post, trigger: own(post, SELECTORS.quoteControl) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createVbulletinAdapter = createVbulletinAdapter;
  vigie.adapters.push(createVbulletinAdapter());
})();
