// @ts-check
// The canary: signs that a site changed under its adapter (STYLE.md "fail loudly on DOM drift") — a recognized page
// with no post for a while, posts without author, most posts without text. Kept for the popup and reported to the
// server once per adapter and problem per page load. Loaded before core.js.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  // Photo-only posts are normal: only a page where at least half of several posts have no text is suspect.
  const EMPTY_TEXT_MIN_POSTS = 3;
  const EMPTY_TEXT_SHARE = 0.5;
  // Health reports already sent from this page, whatever restarts the core.
  const reported = new Set();

  /**
   * @param {{ window: Window & typeof globalThis, adapter: SiteAdapter, platform: string,
   *   sendMessage: (message: object) => Promise<any>, noPostsAfterMs: number }} options
   */
  function createCanary({ window, adapter, platform, sendMessage, noPostsAfterMs }) {
    /** @type {Map<Problem, ProblemReport>} */
    const problems = new Map();
    let postlessSince = Date.now();

    /** A new page (start, SPA navigation): the no-posts clock starts again. */
    function restart() {
      postlessSince = Date.now();
      problems.delete('no_posts');
    }

    /**
     * @param {number} found posts the adapter found and read, on the page now
     * @param {Extraction[]} extracted what it read from them
     */
    function check(found, extracted) {
      if (found > 0) {
        problems.delete('no_posts');
        postlessSince = Date.now();
      } else if (Date.now() - postlessSince >= noPostsAfterMs && !showsUnavailable()) {
        notice({ problem: 'no_posts' }, found);
      }
      const noAuthor = extracted.filter((e) => !e.author || String(e.author.name ?? '').trim() === '').length;
      if (noAuthor > 0) notice({ problem: 'empty_author', affected: noAuthor }, found);
      const noText = extracted.filter((e) => e.text.trim() === '').length;
      if (extracted.length >= EMPTY_TEXT_MIN_POSTS && noText >= extracted.length * EMPTY_TEXT_SHARE) {
        notice({ problem: 'empty_text', affected: noText }, found);
      }
    }

    /** The platform's "unavailable" page has no post by design: not a sign of drift. */
    function showsUnavailable() {
      try {
        return adapter.isUnavailable?.(window.document) === true;
      } catch {
        return false;
      }
    }

    /**
     * @param {ProblemReport} report
     * @param {number} found
     */
    function notice(report, found) {
      problems.set(report.problem, report);
      const key = `${adapter.name}:${report.problem}`;
      if (reported.has(key)) return;
      reported.add(key);
      console.warn(`[vigie:${adapter.name}] page reconnue mais illisible / page recognised but unreadable: ${report.problem}`);
      // Origin and path only: the query and fragment may carry personal data.
      const { origin, pathname } = window.location;
      sendMessage({
        type: 'health', adapter: adapter.name, platform, ...report, pageUrl: `${origin}${pathname}`, postsFound: found,
      }).catch(() => undefined);
    }

    return { restart, check, problems: () => Array.from(problems.values()) };
  }

  vigie.createCanary = createCanary;
})();
