// @ts-check
// Simple Machines Forum 2.1 adapter (SITES.md §11). SMF boards live on any domain: the page is recognised by SMF's
// own markers (the inline smf_* variables of Load.php, the Simple Machines copyright link) plus the topic display
// form of Display.template.php, never by its host.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  const NAME = 'smf';

  const SELECTORS = {
    // Display.template.php: <div id="forumposts"><form … id="quickModForm">, on topic pages only.
    topicForm: '#forumposts #quickModForm',
    // index.english.php $forum_copyright, printed in <li class="copyright"> by every theme that keeps the licence.
    copyright: 'li.copyright a[href="https://www.simplemachines.org"]',
    // Load.php writes `var smf_scripturl = "…"` (with smf_theme_url, smf_session_id …) in an inline head script.
    inlineScript: 'script:not([src])',
    // template_single_post: <div class="windowbg|approvebg" id="msg{ID}"><div class="post_wrapper">. The class
    // changes with approval, the id and the wrapper do not.
    postWrapper: '#forumposts .post_wrapper',
    // Member: $memberContext link <a href="…?action=profile;u={ID}" title="Voir le profil de …">; guests and deleted
    // members are the bare poster name in the h4.
    authorBlock: '.poster h4',
    authorLink: 'a[href*="action=profile;u="]',
    // The message link wraps the time text: <a href="…?msg={ID}" rel="nofollow" title="…" class="smalltext">.
    // Alternatives: ['.keyinfo [id^="subject_"] a'] (the subject link, same href).
    permalink: '.keyinfo .postinfo a.smalltext',
    // <div class="inner" data-msgid="{ID}" id="msg_{ID}">: the body only. Quotes are blockquote > cite; the
    // signature div.signature#msg_{ID}_signature sits in .moderatorbar, outside it.
    body: '.post .inner[data-msgid]',
    skipInText: 'blockquote, .signature',
    // Likes line when enabled: <li class="like_count smalltext"><a …>3 personnes</a> aiment cela.</li>. When the
    // reader liked it too the line reads "Vous et 2 personnes …": the number counts the others, as the page says.
    likes: '.under_message .like_count',
    // Members' « Citer » button (Display.template.php quickbuttons): $scripturl?action=post;quote={ID};topic={T}.{start}…
    quote: 'a[href*="action=post;quote="]',
  };
  const POST_ID = /^msg(\d{1,20})$/;
  const MSG_PARAM = /[?;&]msg=(\d{1,20})(?:[;&#]|$)/;
  // ?topic={ID}.{start} in the page address or in the quick moderation form action (…;topic=912.0).
  const TOPIC_PARAM = /[?;&]topic=(\d{1,20})(?:\.|[;&#]|$)/;
  const SCRIPT_MARKER = 'var smf_scripturl';
  // Cookieless visitors get PHPSESSID in every link: a session, not part of the address of a post.
  const SESSION_PARAM = /([?&;])PHPSESSID=[^&;#]*[&;]?/;
  const NUMBER = /\d[\d\s\u00a0\u202f.,]*/;

  /** @returns {SiteAdapter} */
  function createSmfAdapter() {
    const drift = vigie.text.driftReporter(NAME);
    const missing = drift.missing;

    /**
     * The first match that belongs to this post itself.
     * @param {Element} post
     * @param {string} selector
     */
    function own(post, selector) {
      for (const el of Array.from(post.querySelectorAll(selector))) {
        if (postOf(el) === post) return el;
      }
      return null;
    }

    /**
     * The msg{ID} element an element belongs to.
     * @param {Element} el
     */
    function postOf(el) {
      const wrapper = el.closest('.post_wrapper');
      return wrapper ? wrapper.parentElement : null;
    }

    /** Text of a body without its quotes and signatures. */
    const textWithout = (/** @type {Element} */ body) => vigie.text.textWithout(body, SELECTORS.skipInText);

    /**
     * Absolute URL of a forum link, without the session id. The query is edited as text: URLSearchParams would
     * re-encode the rest of it (SMF's ';' separators become %3B).
     * @param {Element} link
     */
    function forumUrl(link) {
      const url = new URL(link.getAttribute('href') ?? '', link.ownerDocument.baseURI);
      if (SESSION_PARAM.test(url.search)) url.search = url.search.replace(SESSION_PARAM, '$1').replace(/[?&;]$/, '');
      return url.href;
    }

    /** @param {Document} doc */
    function topicId(doc) {
      const fromPage = TOPIC_PARAM.exec(doc.URL);
      if (fromPage) return fromPage[1];
      const form = doc.querySelector(SELECTORS.topicForm);
      const fromForm = form ? TOPIC_PARAM.exec(form.getAttribute('action') ?? '') : null;
      return fromForm ? fromForm[1] : null;
    }

    /** @param {Element} post */
    function counts(post) {
      const likes = own(post, SELECTORS.likes);
      const number = likes ? NUMBER.exec(likes.textContent ?? '') : null;
      return number ? { likes: Number(number[0].replace(/\D/g, '')) } : {};
    }

    return {
      name: NAME,
      platform: 'smf',

      matches(location, doc = globalThis.document) {
        if (!doc.querySelector(SELECTORS.topicForm)) return false;
        if (doc.querySelector(SELECTORS.copyright)) return true;
        return Array.from(doc.querySelectorAll(SELECTORS.inlineScript))
          .some((script) => (script.textContent ?? '').includes(SCRIPT_MARKER));
      },

      findPosts(root) {
        return Array.from(root.querySelectorAll(SELECTORS.postWrapper))
          .map((wrapper) => wrapper.parentElement)
          .filter(/** @returns {el is Element} */ (el) => el !== null && POST_ID.test(el.id));
      },

      extract(post) {
        const postId = POST_ID.exec(post.id);
        if (!postId) return missing(post, '#forumposts div#msg<id>');
        const id = postId[1];

        const authorBlock = own(post, SELECTORS.authorBlock);
        if (!authorBlock) return missing(post, SELECTORS.authorBlock);
        const authorLink = authorBlock.querySelector(SELECTORS.authorLink);
        // A guest's h4 holds only the name; a member's also holds the online dot and custom fields around the link.
        const name = vigie.text.textOf(authorLink ?? authorBlock);
        if (!name) return missing(post, `${SELECTORS.authorBlock} (nom vide)`);

        const permalink = own(post, SELECTORS.permalink);
        const msg = permalink ? MSG_PARAM.exec(permalink.getAttribute('href') ?? '') : null;
        if (!permalink || !msg || msg[1] !== id) return missing(post, `${SELECTORS.permalink}[href*="msg=${id}"]`);

        const body = own(post, SELECTORS.body);
        if (!body) return missing(post, SELECTORS.body);

        return {
          id,
          permalink: forumUrl(permalink),
          author: {
            name,
            // SMF shows the display name only; the login name never appears on the page.
            handle: null,
            profileUrl: authorLink ? forumUrl(authorLink) : null,
          },
          // SMF prints the time only as text from timeformat() ("13 juin 2025 à 21:02:10", "Aujourd'hui à 11:12:00"):
          // in the forum's or the reader's time zone, which the page never states (Display.php l.1509). Guessing
          // one would move evidence by hours, so the time is left unknown.
          publishedAt: null,
          text: textWithout(body),
          // <html lang> is the forum's interface language, not the language of what a member wrote.
          lang: null,
          parentId: topicId(post.ownerDocument),
          counts: counts(post),
        };
      },

      // The post's quote page: its own « Citer » link, else the same address built on the script the permalink
      // names (index.php?msg=…), as guests see no button. SMF fills its editor with the quote only: the panel copies
      // the text first.
      replyAction(post, extraction) {
        const quote = own(post, SELECTORS.quote);
        if (quote) return { kind: 'page', url: forumUrl(quote) };
        const topic = topicId(post.ownerDocument);
        if (!topic || !extraction.permalink) return { kind: 'copy' };
        const script = new URL(extraction.permalink);
        return { kind: 'page', url: `${script.origin}${script.pathname}?action=post;quote=${extraction.id};topic=${topic}.0` };
      },

      // Unverified: whether SMF 2.1's .windowbg is positioned; it is the post's own box and holds the author line.
      badgeAnchor(post) {
        return post;
      },

      destroy() {
        drift.reset();
      },
    };
  }

  vigie.createSmfAdapter = createSmfAdapter;
  vigie.adapters.push(createSmfAdapter());
})();
