// @ts-check
// phpBB 3.3 prosilver adapter (SITES.md §5). A phpBB board can live on any domain, so the page is recognised by
// the ids and classes of prosilver's templates (overall_header.html, viewtopic_body.html), never by its host.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'phpbb';

  const SELECTORS = {
    // overall_header.html: <body id="phpbb" class="nojs notouch section-viewtopic ltr">; the section class limits us
    // to topic pages, so the board index (no posts) never looks like a broken topic.
    topicPage: 'body#phpbb.section-viewtopic',
    // viewtopic_body.html postrow: <div id="p{POST_ID}" class="post has-profile bg1|bg2 [online|reported|deleted]">.
    post: 'div.post.has-profile',
    // The author column; dt holds POST_AUTHOR_FULL: a.username, a.username-coloured (coloured groups), or a bare
    // span.username / span.username-coloured for guests and deleted users (functions_content.php get_username_string).
    profile: 'dl.postprofile',
    authorLink: 'dt a.username, dt a.username-coloured',
    authorName: 'dt span.username, dt span.username-coloured',
    // U_MINI_POST = ./viewtopic.php?p={ID}#p{ID}, in p.author (a.unread). Alternatives: ['h3 a[href*="viewtopic.php"]'].
    permalink: 'p.author a[href*="viewtopic.php"]',
    // gmdate(DATE_RFC3339); the text is in the reader's own format and language.
    time: 'p.author time[datetime]',
    content: 'div.content',
    // Quotes are blockquote > div > cite "X a écrit :" inside div.content; the signature div.signature#sig{ID} is a
    // sibling of div.content, so it is already outside the text.
    skipInText: 'blockquote, div.signature',
    // <h2 class="topic-title"><a href="./viewtopic.php?t={TOPIC_ID}">: the topic when the URL is a post link (?p=).
    topicLink: 'h2.topic-title a[href*="t="]',
    // message_body.html: <div class="panel" id="message"> … <p>{MESSAGE_TEXT}</p>, what trigger_error() shows.
    notice: '#message',
    // viewtopic_body.html post buttons: U_QUOTE = ./posting.php?mode=quote&p={ID}, shown when the reader may quote;
    // the topic's « Répondre » button U_POST_REPLY_TOPIC = ./posting.php?mode=reply&t={TOPIC_ID}.
    quote: 'a[href*="posting.php?mode=quote"]',
    replyTopic: 'a[href*="posting.php?mode=reply"]',
  };
  // viewtopic.php's NO_TOPIC / NO_POST, English and French language packs.
  const NOT_FOUND = /the requested (?:topic|post) does not exist|le (?:sujet|message) demandé n['’]existe pas/i;
  const POST_ID = /^p(\d{1,20})$/;
  const TOPIC_PARAM = /^\d{1,20}$/;
  // Cookieless visitors get ?sid=<32 hex> on every link: a session, not part of the address of a post or a profile.
  const SESSION_PARAM = /([?&;])sid=[^&;#]*[&;]?/;

  /** @returns {SiteAdapter} */
  function createPhpbbAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match that belongs to this post itself.
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (el.closest(SELECTORS.post) === post) return el;
      }
      return null;
    }

    /** Text of a body without its quotes and signatures. */
    const textWithout = (/** @type {Element} */ body) => vigie.text.textWithout(body, SELECTORS.skipInText);

    /**
     * Absolute URL of a board link, without the session id. The query is edited as text: URLSearchParams would
     * re-encode the rest of it.
     * @param {Element} link
     */
    function boardUrl(link) {
      const url = new URL(link.getAttribute('href') ?? '', link.ownerDocument.baseURI);
      if (SESSION_PARAM.test(url.search)) url.search = url.search.replace(SESSION_PARAM, '$1').replace(/[?&;]$/, '');
      return url.href;
    }

    /**
     * The topic id: ?t= of the page, else of the topic title link (a page opened from a post link has only ?p=).
     * @param {Document} doc
     */
    function topicId(doc) {
      const fromPage = new URL(doc.URL).searchParams.get('t');
      if (fromPage && TOPIC_PARAM.test(fromPage)) return fromPage;
      const link = doc.querySelector(SELECTORS.topicLink);
      const fromLink = link ? new URL(link.getAttribute('href') ?? '', doc.baseURI).searchParams.get('t') : null;
      return fromLink && TOPIC_PARAM.test(fromLink) ? fromLink : null;
    }

    return {
      name: NAME,
      platform: 'phpbb',

      matches(location, doc = globalThis.document) {
        return doc.querySelector(SELECTORS.topicPage) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post)).filter((post) => POST_ID.test(post.id));
      },

      extract(post) {
        const postId = POST_ID.exec(post.id);
        if (!postId) return missing(post, `${SELECTORS.post}#p<id>`);
        const id = postId[1];

        const profile = own(post, SELECTORS.profile);
        if (!profile) return missing(post, SELECTORS.profile);
        const authorLink = profile.querySelector(SELECTORS.authorLink);
        const authorEl = authorLink ?? profile.querySelector(SELECTORS.authorName);
        if (!authorEl) return missing(post, `${SELECTORS.profile} ${SELECTORS.authorLink}, ${SELECTORS.authorName}`);

        const permalink = own(post, SELECTORS.permalink);
        if (!permalink) return missing(post, SELECTORS.permalink);

        const time = own(post, SELECTORS.time);
        if (!time) return missing(post, SELECTORS.time);
        const published = new Date(time.getAttribute('datetime') ?? '');
        if (Number.isNaN(published.getTime())) return missing(post, `${SELECTORS.time} (date illisible)`);

        const content = own(post, SELECTORS.content);
        if (!content) return missing(post, SELECTORS.content);

        return {
          id,
          permalink: boardUrl(permalink),
          author: {
            name: vigie.text.textOf(authorEl),
            // phpBB shows one name per member (the username): no separate handle.
            handle: null,
            profileUrl: authorLink ? boardUrl(authorLink) : null,
          },
          publishedAt: published.toISOString(),
          publishedShown: vigie.text.textOf(time) || null,
          text: textWithout(content),
          // <html lang> is the board's interface language, not the language of what a member wrote.
          lang: null,
          parentId: topicId(post.ownerDocument),
          // prosilver shows no per-post reply, share or like counts.
          counts: {},
        };
      },

      // The quote page of the post, else the topic's reply page: phpBB fills its editor with the quote, not with our
      // text, so the panel copies the text first. The links keep ?sid=: a cookieless session needs it to post.
      replyAction(post) {
        const doc = post.ownerDocument;
        const link = own(post, SELECTORS.quote) ?? doc.querySelector(SELECTORS.replyTopic);
        if (link) return { kind: 'page', url: new URL(link.getAttribute('href') ?? '', doc.baseURI).href };
        const topic = topicId(doc);
        return topic ? { kind: 'page', url: new URL(`./posting.php?mode=reply&t=${topic}`, doc.baseURI).href } : { kind: 'copy' };
      },

      // prosilver's .post is position: relative (common.css), so the zero-size host sits at its top-right corner.
      /** viewtopic.php answers a deleted topic's or post's address with its "does not exist" notice. */
      isUnavailable(doc) {
        const notice = doc.querySelector(SELECTORS.notice);
        return notice !== null && NOT_FOUND.test(notice.textContent ?? '');
      },

      badgeAnchor(post) {
        return post;
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createPhpbbAdapter = createPhpbbAdapter;
  vigie.adapters.push(createPhpbbAdapter());
})();
