// @ts-check
// The body of POST /api/v1/adapter-health (shared-schemas adapter-health.schema.json), built from what a
// content script reported. The worker rebuilds it field by field so a page cannot add anything.

const ADAPTER = /^[a-z][a-z0-9-]{1,30}$/;
const PLATFORMS = ['x', 'facebook', 'reddit', 'phpbb', 'discourse', 'xenforo', 'vbulletin', 'invision', 'flarum', 'smf', 'schema_org', 'other'];
const PROBLEMS = ['no_posts', 'empty_text', 'empty_author', 'missing_element'];

/**
 * @typedef {{ adapter: string, platform: string, problem: string, pageUrl: string, postsFound: number,
 *   affected?: number, detail?: string, extensionVersion: string }} HealthReport
 */

/**
 * @param {Record<string, unknown>} message the content script's {type: 'health', …}
 * @param {{ extensionVersion: string, senderUrl?: string }} context senderUrl: the frame URL Chrome reports,
 *   preferred to the message's word
 * @returns {HealthReport}
 * @throws {TypeError} when a required field is missing or malformed
 */
export function buildHealthReport(message, context) {
  const { adapter, platform, problem, postsFound, affected, detail } = message;
  if (typeof adapter !== 'string' || !ADAPTER.test(adapter)) throw new TypeError('adapter');
  if (typeof platform !== 'string' || !PLATFORMS.includes(platform)) throw new TypeError('platform');
  if (typeof problem !== 'string' || !PROBLEMS.includes(problem)) throw new TypeError('problem');
  if (!isCount(postsFound)) throw new TypeError('postsFound');
  const pageUrl = pageWithoutQuery(context.senderUrl) ?? pageWithoutQuery(message.pageUrl);
  if (!pageUrl) throw new TypeError('pageUrl');
  /** @type {HealthReport} */
  const report = { adapter, platform, problem, pageUrl, postsFound, extensionVersion: context.extensionVersion.slice(0, 50) };
  if (isCount(affected)) report.affected = affected;
  if (typeof detail === 'string' && detail !== '') report.detail = detail.slice(0, 500);
  return report;
}

/**
 * Origin and path of an http(s) URL: the query and fragment may carry personal data.
 * @param {unknown} value
 */
export function pageWithoutQuery(value) {
  if (typeof value !== 'string') return null;
  let url;
  try {
    url = new URL(value);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const page = `${url.origin}${url.pathname}`;
  return page.length <= 2048 ? page : null;
}

/** @param {unknown} value */
function isCount(value) {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0;
}
