// @ts-check
// New Reddit ("shreddit") adapter (SITES.md §4). Posts and comments are custom elements whose data sits in
// light-DOM attributes (author, permalink, created …) and slotted children; their shadow roots hold layout and
// buttons only, so nothing here enters a shadowRoot. The tailwind classes (text-neutral-content, xs:px-0 …) are
// never used. Old Reddit markup (.thing) is old-reddit.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'reddit';
  // reddit.com, new.reddit.com and sh.reddit.com (share links) redirect to www: links are given on www.
  const ORIGIN = 'https://www.reddit.com';
  const HOSTS = ['www.reddit.com', 'reddit.com', 'new.reddit.com', 'sh.reddit.com'];

  const SELECTORS = {
    // shreddit-app wraps every new-Reddit page (defuddle's reddit extractor keys on shreddit-post).
    page: 'shreddit-app, shreddit-post',
    // Ads are shreddit-ad-post, "N more replies" and the next page of comments are faceplate-partial: none match.
    post: 'shreddit-post, shreddit-comment',
    postTitle: '[slot="title"]',
    // div[slot="text-body"] > div.md > div#t3_…-post-rtjson-content; link, image and video posts have none.
    postBody: '[slot="text-body"]',
    postMeta: '[slot="credit-bar"]',
    // div#t1_…-comment-rtjson-content[slot="comment"]. Replies are nested shreddit-comment children, so every
    // lookup checks that the match belongs to this element (own()). Alternatives: ['[id$="-comment-rtjson-content"]'].
    commentBody: '[slot="comment"]',
    commentMeta: '[slot="commentMeta"]',
    // Fallback when the created / created-timestamp attribute is absent.
    time: 'faceplate-timeago > time[datetime]',
    // Markdown "> …" quotes, usually the comment being answered: not the author's own words.
    quote: 'blockquote',
    // « Ajouter un commentaire » / "Add a comment" above the comment tree opens the composer for the post.
    addComment: 'comment-body-header button',
    // A comment's buttons live in the open shadow root of its action row; the saved page does not show them, so its
    // « Répondre » is found by name (unverified: read from the live site's accessibility tree, not from markup).
    actionRow: 'shreddit-comment-action-row[slot="actionRow"]',
  };
  const REPLY_NAMES = ['Répondre', 'Reply'];
  const POST_ID = /^t3_[a-z0-9]{1,16}$/i;
  const COMMENT_ID = /^t1_[a-z0-9]{1,16}$/i;
  const THING_ID = /^t[13]_[a-z0-9]{1,16}$/i;
  const INTEGER = /^-?\d{1,12}$/;
  // A deleted or removed account: nothing left to attribute, and the body reads "[deleted]" / "[removed]".
  const GONE = new Set(['[deleted]', '[removed]']);
  // The page of a post or comment: /r/<sub>/comments/<post>/<slug>/, /r/<sub>/comments/<post>/comment/<comment>/.
  const THREAD_PATH = /^\/r\/[^/]+\/comments\/([a-z0-9]{1,16})(?:\/comment\/([a-z0-9]{1,16}))?(?:\/|$)/i;
  // What Reddit writes in place of a deleted or removed body, English and French UI (unverified on live Reddit).
  const REMOVAL_NOTICE = new RegExp([
    'sorry, this post (?:was|has been) (?:deleted|removed)', 'comment (?:deleted|removed) by',
    'désolé, cette publication a été supprimée', 'commentaire supprimé par',
  ].join('|'), 'i');

  /**
   * ISO 8601 UTC from Reddit's timestamps: "2026-05-11T19:00:00.000000+0000" has microseconds and an offset
   * without a colon, which only lenient parsers accept.
   * @param {string | null} value
   */
  function isoDate(value) {
    if (!value) return null;
    const normalized = value.trim().replace(/(\.\d{3})\d+/, '$1').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    const date = new Date(normalized);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }

  /**
   * The counts the page states, keys omitted where it states nothing.
   * @param {[key: 'replies' | 'reposts' | 'likes', value: string | null][]} entries
   */
  function counts(entries) {
    /** @type {{ replies?: number, reposts?: number, likes?: number }} */
    const result = {};
    for (const [key, value] of entries) {
      if (value !== null && INTEGER.test(value.trim())) result[key] = Number(value.trim());
    }
    return result;
  }

  /** @returns {SiteAdapter} */
  function createRedditAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /** Logs a drifted hook once per element, without giving up the post (a missing date is not fatal). */
    const report = drift.missing;

    /**
     * The first match that belongs to this post or comment itself, not to a nested reply.
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (el.closest(SELECTORS.post) === post) return el;
      }
      return null;
    }

    /** Text of a body without its quotes. */
    const textWithoutQuotes = (/** @type {Element} */ body) => vigie.text.textWithout(body, SELECTORS.quote);

    /**
     * created / created-timestamp, else the faceplate-timeago of the meta line; null (reported) when neither reads.
     * @param {Element} post
     * @param {string} attribute
     */
    function publishedAt(post, attribute) {
      const fromAttribute = isoDate(post.getAttribute(attribute));
      if (fromAttribute) return fromAttribute;
      const time = own(post, SELECTORS.time);
      const fromTime = time ? isoDate(time.getAttribute('datetime')) : null;
      if (!fromTime) report(post, `${post.localName}[${attribute}], ${SELECTORS.time}`);
      return fromTime;
    }

    /**
     * The relative time the meta line shows (« il y a 4 h »); null when the page shows none.
     * @param {Element} post
     */
    function shownTime(post) {
      const time = own(post, SELECTORS.time);
      return time ? vigie.text.textOf(time) || null : null;
    }

    /**
     * The post-title attribute, else the slotted h1.
     * @param {Element} post
     */
    function titleOf(post) {
      const fromAttribute = (post.getAttribute('post-title') ?? '').replace(/\s+/g, ' ').trim();
      if (fromAttribute) return fromAttribute;
      const heading = own(post, SELECTORS.postTitle);
      return heading ? vigie.text.textOf(heading) : '';
    }

    /** @param {string} author */
    function authorOf(author) {
      return {
        name: author,
        // Reddit shows the username only (u/name): no separate handle.
        handle: null,
        profileUrl: `${ORIGIN}/user/${encodeURIComponent(author)}/`,
      };
    }

    /** @param {Element} post */
    function extractPost(post) {
      const id = post.getAttribute('id') ?? '';
      if (!POST_ID.test(id)) return missing(post, 'shreddit-post[id="t3_…"]');
      const author = post.getAttribute('author');
      if (!author) return missing(post, 'shreddit-post[author]');
      if (GONE.has(author)) return null;
      const permalink = post.getAttribute('permalink');
      if (!permalink) return missing(post, 'shreddit-post[permalink]');

      const title = titleOf(post);
      if (!title) return missing(post, `shreddit-post[post-title], ${SELECTORS.postTitle}`);
      const bodyEl = own(post, SELECTORS.postBody);
      const body = bodyEl ? textWithoutQuotes(bodyEl) : '';

      return {
        id,
        permalink: new URL(permalink, ORIGIN).href,
        author: authorOf(author),
        publishedAt: publishedAt(post, 'created-timestamp'),
        publishedShown: shownTime(post),
        // A reader judges the title and the body together; the blank line keeps them apart for evidence quotes.
        text: body ? `${title}\n\n${body}` : title,
        lang: bodyEl ? bodyEl.getAttribute('lang') : null,
        parentId: null,
        counts: counts([['likes', post.getAttribute('score')], ['replies', post.getAttribute('comment-count')]]),
      };
    }

    /** @param {Element} comment */
    function extractComment(comment) {
      const id = comment.getAttribute('thingid') ?? '';
      if (!COMMENT_ID.test(id)) return missing(comment, 'shreddit-comment[thingid="t1_…"]');
      const author = comment.getAttribute('author');
      if (!author) return missing(comment, 'shreddit-comment[author]');
      if (GONE.has(author)) return null;
      const permalink = comment.getAttribute('permalink');
      if (!permalink) return missing(comment, 'shreddit-comment[permalink]');

      const bodyEl = own(comment, SELECTORS.commentBody);
      // A collapsed comment may not have rendered its body yet; it is read once expanded (unverified on live Reddit).
      if (!bodyEl) return comment.hasAttribute('collapsed') ? null : missing(comment, SELECTORS.commentBody);
      // Top-level comments carry postid only; replies carry parentid too.
      const parentId = comment.getAttribute('parentid') || comment.getAttribute('postid');

      return {
        id,
        permalink: new URL(permalink, ORIGIN).href,
        author: authorOf(author),
        publishedAt: publishedAt(comment, 'created'),
        publishedShown: shownTime(comment),
        text: textWithoutQuotes(bodyEl),
        lang: bodyEl.getAttribute('lang'),
        parentId: parentId && THING_ID.test(parentId) ? parentId : null,
        // The page shows no per-comment reply count: "N more replies" covers only the replies not yet loaded.
        counts: counts([['likes', comment.getAttribute('score')]]),
      };
    }

    return {
      name: NAME,
      platform: 'reddit',

      matches(location, doc = globalThis.document) {
        return HOSTS.includes(location.hostname) && doc.querySelector(SELECTORS.page) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post));
      },

      extract(post) {
        return post.localName === 'shreddit-comment' ? extractComment(post) : extractPost(post);
      },

      /**
       * The post or comment this address shows is still in its place but emptied: "[deleted]" as author, and
       * "[deleted]" / "[removed]" or Reddit's removal notice as body. A deleted account alone leaves the text up.
       */
      isUnavailable(doc) {
        const page = THREAD_PATH.exec(doc.location?.pathname ?? '');
        if (!page) return false;
        const focal = page[2]
          ? doc.querySelector(`shreddit-comment[thingid="t1_${page[2]}" i]`)
          : doc.querySelector(`shreddit-post[id="t3_${page[1]}" i]`);
        if (!focal || !GONE.has(focal.getAttribute('author') ?? '')) return false;
        const body = own(focal, focal.localName === 'shreddit-comment' ? SELECTORS.commentBody : SELECTORS.postBody);
        // Without a body slot, the notice may sit anywhere in the element, but not in the replies nested in it.
        const text = vigie.text.textWithout(body ?? focal, 'shreddit-comment');
        return GONE.has(text) || REMOVAL_NOTICE.test(text);
      },

      // The host must go into a slotted child: a light-DOM child without a slot is never rendered by the shadow
      // root. The author line (credit-bar, commentMeta) is the closest slot to the name.
      badgeAnchor(post) {
        if (post.localName === 'shreddit-comment') {
          return own(post, SELECTORS.commentMeta) ?? own(post, SELECTORS.commentBody) ?? post;
        }
        return own(post, SELECTORS.postMeta) ?? own(post, SELECTORS.postTitle) ?? post;
      },

      // The composer Reddit opens from « Ajouter un commentaire » (the post) or a comment's « Répondre »; without
      // either control on the page, the panel copies the text.
      replyAction(post) {
        if (post.localName !== 'shreddit-comment') {
          return vigie.reply.composer({ near: post, trigger: post.ownerDocument.querySelector(SELECTORS.addComment) });
        }
        const row = own(post, SELECTORS.actionRow);
        const buttons = row && row.shadowRoot ? Array.from(row.shadowRoot.querySelectorAll('button')) : [];
        return vigie.reply.composer({ near: post, trigger: vigie.reply.control(buttons, REPLY_NAMES) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createRedditAdapter = createRedditAdapter;
  vigie.adapters.push(createRedditAdapter());
})();
