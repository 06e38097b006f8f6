// @ts-check
// Generic fallback for forums and comment sections that no specific adapter knows, when they mark their
// messages up with schema.org microdata (DiscussionForumPosting, Comment, SocialMediaPosting). It yields to
// every engine Vigie has an adapter for (SITES.md §1 markers): XenForo and vBulletin carry the same microdata.
// Microdata rules followed here: https://html.spec.whatwg.org/multipage/microdata.html (property values,
// a property belongs to the nearest itemscope above it). JSON-LD only pages are not read.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'schema-org';
  const POST_TYPES = ['DiscussionForumPosting', 'Comment', 'SocialMediaPosting'];

  const SELECTORS = {
    // Cheap prefilter; the exact type is checked on each token of itemtype (CommentAction is not a Comment).
    candidate: POST_TYPES.map((type) => `[itemscope][itemtype*="schema.org/${type}"]`).join(', '),
    // Pages of engines with their own adapter, even where that adapter is not loaded (SITES.md §1).
    knownEngine: [
      'meta[name="generator"][content^="Discourse"]',
      'meta[name="generator"][content^="vBulletin"]',
      'html#XF', 'html#XenForo',
      'body#vb-page-body', 'html#vbulletin_html',
      'body#phpbb',
      'body.ipsApp', '#elCopyright a[href*="invisioncommunity.com"]',
      'script#flarum-json-payload', '#flarum-loading',
      'li.copyright a[href*="simplemachines.org"]', 'form#quickModForm',
      'shreddit-app', '.thing[data-fullname]',
      'html#facebook', 'div[id^="mount_0_0_"]',
      '#react-root',
    ].join(', '),
    // Quoted messages and replies nested in the text are other people's words.
    notText: ['blockquote', ...POST_TYPES.map((type) => `[itemscope][itemtype*="schema.org/${type}"]`)].join(', '),
  };
  const POST_TYPE = new RegExp(`^https?://schema\\.org/(?:${POST_TYPES.join('|')})$`);
  // Platforms whose own adapter decides by host.
  const PLATFORM_HOSTS = /(?:^|\.)(?:x\.com|twitter\.com|facebook\.com|reddit\.com)$/;
  const COUNTS = /** @type {const} */ ([
    [/(?:Like|Vote|Endorse)Action$/, 'likes'],
    [/(?:Comment|Reply)Action$/, 'replies'],
    [/ShareAction$/, 'reposts'],
  ]);

  /**
   * @param {Element} el
   * @returns {boolean}
   */
  function isPostItem(el) {
    return el.hasAttribute('itemscope')
      && (el.getAttribute('itemtype') ?? '').split(/\s+/).some((type) => POST_TYPE.test(type));
  }

  /** @returns {SiteAdapter} */
  function createSchemaOrgAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The parentItem the page declares, else the post item the element is nested in (a reply in its comment,
     * a comment in its DiscussionForumPosting).
     * @param {Element} post
     */
    function parentOf(post) {
      const declared = prop(post, 'parentItem');
      if (declared) {
        const ref = declared.getAttribute('itemid') ?? value(declared);
        if (ref) return absolute(ref, post.baseURI) ?? ref;
      }
      let ancestor = post.parentElement ? post.parentElement.closest('[itemscope]') : null;
      while (ancestor && !isPostItem(ancestor)) {
        ancestor = ancestor.parentElement ? ancestor.parentElement.closest('[itemscope]') : null;
      }
      if (!ancestor) return null;
      const itemid = ancestor.getAttribute('itemid');
      return (itemid && absolute(itemid, post.baseURI))
        || absolute(value(prop(ancestor, 'url')), post.baseURI)
        || ancestor.getAttribute('id');
    }

    return {
      name: NAME,
      platform: 'schema_org',

      matches(location, doc = document) {
        if (PLATFORM_HOSTS.test(location.hostname)) return false;
        if (doc.querySelector(SELECTORS.knownEngine)) return false;
        return Array.from(doc.querySelectorAll(SELECTORS.candidate)).some(isPostItem);
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.candidate))
          .filter((el) => isPostItem(el) && !el.closest('noscript, template'));
      },

      extract(post) {
        const base = post.baseURI;
        const url = absolute(value(prop(post, 'url')), base);
        const itemid = post.getAttribute('itemid');
        const elementId = post.getAttribute('id');
        const id = (itemid && absolute(itemid, base)) || url || elementId;
        if (!id) return missing(post, '[itemid], [itemprop="url"] ou [id]');

        const authorEl = prop(post, 'author') ?? prop(post, 'creator');
        if (!authorEl) return missing(post, '[itemprop="author"]');
        const author = authorOf(authorEl, base);
        if (!author.name) return missing(post, '[itemprop="author"] [itemprop="name"]');

        const body = prop(post, 'text') ?? prop(post, 'articleBody');
        if (!body) return missing(post, '[itemprop="text"] ou [itemprop="articleBody"]');

        const language = value(prop(post, 'inLanguage'));
        const langHolder = body.closest('[lang]');

        return {
          id,
          permalink: url ?? (itemid && /^https?:/.test(id) ? id : null) ?? anchorUrl(post, elementId),
          author,
          publishedAt: isoDate(value(prop(post, 'datePublished') ?? prop(post, 'dateCreated'))),
          text: textWithout(body, SELECTORS.notText),
          lang: language || (langHolder ? langHolder.getAttribute('lang') : null),
          parentId: parentOf(post),
          counts: countsOf(post),
        };
      },

      // The item itself: the author line is often a link, where a badge would navigate away on click.
      badgeAnchor(post) {
        return post;
      },

      // An unknown engine: its reply links and editors follow no convention Vigie can rely on, so the text is copied.
      replyAction() {
        return { kind: 'copy' };
      },

      destroy() {
        drift.reset();
      },
    };
  }

  /**
   * The first element holding the given property of this item, not of an item nested in it.
   * @param {Element} item
   * @param {string} name
   */
  function prop(item, name) {
    for (const el of Array.from(item.querySelectorAll(`[itemprop~="${name}"]`))) {
      const owner = el.parentElement ? el.parentElement.closest('[itemscope]') : null;
      if (owner === item) return el;
    }
    return null;
  }

  /**
   * A property's value as the microdata spec defines it (content, href, src, datetime … else the text).
   * @param {Element | null} el
   * @returns {string | null}
   */
  function value(el) {
    if (!el) return null;
    if (el.hasAttribute('content')) return el.getAttribute('content');
    switch (el.tagName) {
      case 'A': case 'AREA': case 'LINK': return el.getAttribute('href');
      case 'IMG': case 'AUDIO': case 'VIDEO': case 'SOURCE': case 'IFRAME': case 'EMBED': case 'TRACK':
        return el.getAttribute('src');
      case 'OBJECT': return el.getAttribute('data');
      case 'DATA': case 'METER': return el.getAttribute('value');
      case 'TIME': return el.getAttribute('datetime') ?? vigie.text.textOf(el);
      default: return vigie.text.textOf(el);
    }
  }

  /**
   * A Person item (name, url), or a plain author element: its text is the name, a link's href the profile.
   * @param {Element} el
   * @param {string} base
   */
  function authorOf(el, base) {
    if (el.hasAttribute('itemscope')) {
      return {
        name: value(prop(el, 'name')) ?? '',
        handle: null,
        profileUrl: absolute(value(prop(el, 'url')), base),
      };
    }
    return {
      name: vigie.text.textOf(el),
      handle: null,
      profileUrl: el.tagName === 'A' ? absolute(el.getAttribute('href'), base) : null,
    };
  }

  /**
   * interactionStatistic counters (schema.org InteractionCounter) and commentCount.
   * @param {Element} post
   */
  function countsOf(post) {
    /** @type {{ replies?: number, reposts?: number, likes?: number }} */
    const counts = {};
    for (const el of Array.from(post.querySelectorAll('[itemprop~="interactionStatistic"][itemscope]'))) {
      if (!el.parentElement || el.parentElement.closest('[itemscope]') !== post) continue;
      const typeEl = prop(el, 'interactionType');
      const type = typeEl ? (typeEl.getAttribute('itemtype') ?? value(typeEl) ?? '') : '';
      const count = Number(value(prop(el, 'userInteractionCount')));
      const key = COUNTS.find(([pattern]) => pattern.test(type.trim()));
      if (key && Number.isInteger(count)) counts[key[1]] = count;
    }
    const comments = Number(value(prop(post, 'commentCount')));
    if (counts.replies === undefined && prop(post, 'commentCount') && Number.isInteger(comments)) counts.replies = comments;
    return counts;
  }

  /**
   * @param {string | null} date
   * @returns {string | null} null when the page gives no date or one that Date cannot read
   */
  function isoDate(date) {
    if (!date) return null;
    const time = new Date(date);
    return Number.isNaN(time.getTime()) ? null : time.toISOString();
  }

  /**
   * @param {string | null} url
   * @param {string} base
   * @returns {string | null}
   */
  function absolute(url, base) {
    if (!url) return null;
    try {
      return new URL(url, base).href;
    } catch {
      return null;
    }
  }

  /**
   * The page URL with the item's id as fragment, for items that have no link of their own.
   * @param {Element} post
   * @param {string | null} elementId
   */
  function anchorUrl(post, elementId) {
    if (!elementId) return null;
    const url = new URL(post.ownerDocument.URL);
    url.hash = elementId;
    return url.href;
  }

  /**
   * The visible text of an element without the parts matched by a selector (quotes, nested replies).
   * @param {Element} element
   * @param {string} selector
   */
  function textWithout(element, selector) {
    const copy = /** @type {Element} */ (element.cloneNode(true));
    for (const el of Array.from(copy.querySelectorAll(selector))) el.remove();
    return vigie.text.textOf(copy);
  }

  vigie.createSchemaOrgAdapter = createSchemaOrgAdapter;
  vigie.adapters.push(createSchemaOrgAdapter());
})();
