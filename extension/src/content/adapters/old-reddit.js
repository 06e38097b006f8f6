// @ts-check
// Old Reddit adapter (SITES.md §4): the server-rendered r2 markup of old.reddit.com, also served on www.reddit.com
// to accounts that opted out of the redesign. Every post and comment is a div.thing carrying data-* attributes
// (data-fullname, data-author, data-permalink …); replies sit in the comment's own .child > .sitetable, so lookups
// go through the thing's own .entry (:scope > .entry), never into its children. New Reddit is reddit.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'old-reddit';
  const HOSTS = ['old.reddit.com', 'www.reddit.com', 'reddit.com'];

  const SELECTORS = {
    // A shreddit page is new Reddit even when it shows no post yet.
    newReddit: 'shreddit-app, shreddit-post',
    // Deleted comments lose data-fullname, so the marker needs one live thing (a thread always has its .thing.link).
    page: '.thing.link[data-fullname], .thing.comment[data-fullname]',
    // div.thing.morechildren ("load more comments") and div.deepthread ("continue this thread") are not posts.
    post: '.thing.link, .thing.comment',
    thing: '.thing',
    // Comment: .entry > p.tagline + form.usertext > .usertext-body > .md; link: .entry > .top-matter + .expando.
    entry: ':scope > .entry',
    title: 'a.title',
    body: '.usertext-body > .md',
    // The first time of the tagline is the creation; an edit adds time.edited-timestamp.
    time: '.tagline time[datetime]:not(.edited-timestamp)',
    // Three spans (dislikes, unvoted, likes) show the score as the reader's vote would change it; title = the number.
    score: '.tagline .score.unvoted[title]',
    thingIdInput: 'input[name="thing_id"]',
    // Markdown "> …" quotes, usually the comment being answered: not the author's own words.
    quote: 'blockquote',
    commentArea: '.commentarea',
    // A comment's "reply" (data-event-action="comment", onclick reply(this)) clones form.usertext under it; the
    // thread's own comment box, shown to signed-in readers, sits at the top of the comment area.
    replyLink: 'a[data-event-action="comment"]',
    commentBox: '.commentarea > form.usertext textarea[name="text"]',
  };
  const THING_ID = /^t[13]_[a-z0-9]{1,16}$/i;
  const INTEGER = /^-?\d{1,15}$/;
  // /r/<sub>/comments/<link id>/<slug>/[<comment id>/]
  const PERMALINK = /\/comments\/([a-z0-9]{1,16})\/[^/]*\/(?:([a-z0-9]{1,16})\/?)?/i;
  const GONE = '[deleted]';
  // What r2 writes in place of a deleted or removed body.
  const GONE_BODIES = new Set(['[deleted]', '[removed]']);

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

  /** @param {string | null} value */
  function isoDate(value) {
    if (!value) return null;
    const date = INTEGER.test(value.trim()) ? new Date(Number(value.trim())) : new Date(value);
    return Number.isNaN(date.getTime()) ? null : date.toISOString();
  }

  /**
   * The fullname of any thing, deleted ones included: data-fullname, else the thing_id of its own form, else its
   * permalink (a deleted comment keeps its place in the tree, and its replies still point to it).
   * @param {Element} thing
   */
  function fullnameOf(thing) {
    const fullname = thing.getAttribute('data-fullname');
    if (fullname && THING_ID.test(fullname)) return fullname;
    const entry = thing.querySelector(SELECTORS.entry);
    const input = entry ? entry.querySelector(SELECTORS.thingIdInput) : null;
    const fromInput = input ? input.getAttribute('value') : null;
    if (fromInput && THING_ID.test(fromInput)) return fromInput;
    const path = PERMALINK.exec(thing.getAttribute('data-permalink') ?? '');
    if (!path) return null;
    return thing.classList.contains('comment') ? (path[2] ? `t1_${path[2]}` : null) : `t3_${path[1]}`;
  }

  /** @returns {SiteAdapter} */
  function createOldRedditAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /** Logs a drifted hook once per element, without giving up the post (a missing date is not fatal). */
    const report = drift.missing;

    /** Text of a body without its quotes. */
    const textWithoutQuotes = (/** @type {Element} */ body) => vigie.text.textWithout(body, SELECTORS.quote);

    /**
     * The thing this comment answers: the enclosing thing (.child > .sitetable nesting), else, in a thread, the link.
     * On a profile or search listing a comment stands alone and its parent is not on the page.
     * @param {Element} comment
     */
    function parentOf(comment) {
      const parent = comment.parentElement ? comment.parentElement.closest(SELECTORS.thing) : null;
      if (parent) return fullnameOf(parent);
      if (!comment.closest(SELECTORS.commentArea)) return null;
      const path = PERMALINK.exec(comment.getAttribute('data-permalink') ?? '');
      return path ? `t3_${path[1]}` : null;
    }

    return {
      name: NAME,
      platform: 'reddit',

      matches(location, doc = globalThis.document) {
        if (!HOSTS.includes(location.hostname)) return false;
        return doc.querySelector(SELECTORS.newReddit) === null && doc.querySelector(SELECTORS.page) !== null;
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.post));
      },

      extract(post) {
        const isLink = post.classList.contains('link');
        // Promoted links are ads.
        if (isLink && (post.classList.contains('promoted') || post.getAttribute('data-promoted') === 'true')) return null;
        const author = post.getAttribute('data-author');
        // A deleted or removed thing loses data-author and data-fullname: its body reads "[deleted]" / "[removed]".
        if (post.classList.contains('deleted') || author === GONE) return null;

        const id = post.getAttribute('data-fullname') ?? '';
        if (!THING_ID.test(id)) return missing(post, `${SELECTORS.post}[data-fullname]`);
        if (!author) return missing(post, `${SELECTORS.post}[data-author]`);
        const permalink = post.getAttribute('data-permalink');
        if (!permalink) return missing(post, `${SELECTORS.post}[data-permalink]`);
        const entry = post.querySelector(SELECTORS.entry);
        if (!entry) return missing(post, SELECTORS.entry);

        const base = post.ownerDocument.URL;
        const time = entry.querySelector(SELECTORS.time);
        // data-timestamp (milliseconds) is on links only.
        const publishedAt = isoDate(time ? time.getAttribute('datetime') : null) ?? isoDate(post.getAttribute('data-timestamp'));
        if (!publishedAt) report(post, SELECTORS.time);
        const bodyEl = entry.querySelector(SELECTORS.body);
        const extraction = {
          id,
          permalink: new URL(permalink, base).href,
          author: {
            name: author,
            // Old Reddit shows the username only: no separate handle.
            handle: null,
            profileUrl: new URL(`/user/${encodeURIComponent(author)}`, base).href,
          },
          publishedAt,
          text: '',
          lang: bodyEl ? bodyEl.getAttribute('lang') : null,
          parentId: /** @type {string | null} */ (null),
          counts: {},
        };

        if (isLink) {
          const title = entry.querySelector(SELECTORS.title);
          if (!title) return missing(post, `${SELECTORS.entry} ${SELECTORS.title}`);
          // Link posts and listing pages have no body (the listing's expando is filled on click).
          const body = bodyEl ? textWithoutQuotes(bodyEl) : '';
          const heading = vigie.text.textOf(title);
          // A reader judges the title and the body together; the blank line keeps them apart for evidence quotes.
          extraction.text = body ? `${heading}\n\n${body}` : heading;
          extraction.counts = counts([['likes', post.getAttribute('data-score')], ['replies', post.getAttribute('data-comments-count')]]);
          return extraction;
        }

        if (!bodyEl) return missing(post, `${SELECTORS.entry} ${SELECTORS.body}`);
        const score = entry.querySelector(SELECTORS.score);
        extraction.text = textWithoutQuotes(bodyEl);
        extraction.parentId = parentOf(post);
        // A "[score hidden]" comment has no score span; data-replies counts its direct replies.
        extraction.counts = counts([['likes', score ? score.getAttribute('title') : null], ['replies', post.getAttribute('data-replies')]]);
        return extraction;
      },

      /**
       * The thing this address shows (the comment of a comment permalink, else the link) is still in its place
       * but marked deleted, or its body reads "[deleted]" / "[removed]". A deleted account alone leaves the text.
       */
      isUnavailable(doc) {
        const page = PERMALINK.exec(doc.location?.pathname ?? '');
        if (!page) return false;
        const wanted = (page[2] ? `t1_${page[2]}` : `t3_${page[1]}`).toLowerCase();
        const focal = Array.from(doc.querySelectorAll(SELECTORS.post))
          .find((thing) => (fullnameOf(thing) ?? '').toLowerCase() === wanted);
        if (!focal) return false;
        if (focal.classList.contains('deleted')) return true;
        const entry = focal.querySelector(SELECTORS.entry);
        const body = entry ? entry.querySelector(SELECTORS.body) : null;
        return body !== null && GONE_BODIES.has(vigie.text.textOf(body));
      },

      // The entry holds the tagline (author line) and none of the replies; a zero-size host there shifts nothing.
      badgeAnchor(post) {
        return post.querySelector(SELECTORS.entry) ?? post;
      },

      // The reply box old Reddit clones under the comment, or the thread's comment box for the link itself.
      replyAction(post) {
        const entry = post.querySelector(SELECTORS.entry);
        if (post.classList.contains('link')) {
          return vigie.reply.composer({ near: post, existing: () => post.ownerDocument.querySelector(SELECTORS.commentBox) });
        }
        return vigie.reply.composer({ near: post, trigger: entry && entry.querySelector(SELECTORS.replyLink) });
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createOldRedditAdapter = createOldRedditAdapter;
  vigie.adapters.push(createOldRedditAdapter());
})();
