// @ts-check
// What the popup says, French first: engine names, risk rows, canary warnings. Kept apart from popup.js so
// node tests can read it without a browser.

/** Adapter name → what a CM calls it. */
export const ENGINES = {
  x: 'X (Twitter)',
  facebook: 'Facebook',
  reddit: 'Reddit',
  'old-reddit': 'Reddit (ancienne interface)',
  phpbb: 'Forum phpBB',
  discourse: 'Forum Discourse',
  xenforo: 'Forum XenForo',
  vbulletin: 'Forum vBulletin',
  invision: 'Forum Invision Community',
  flarum: 'Forum Flarum',
  smf: 'Forum Simple Machines (SMF)',
  'schema-org': 'Discussion balisée schema.org',
};

/** Most severe first, in the badge's colours (content/badge.js RISKS; a test keeps them equal). */
export const RISK_ROWS = /** @type {const} */ ([
  { risk: 'critical', fr: 'Critique', en: 'Critical', color: '#a4001d' },
  { risk: 'high', fr: 'Élevé', en: 'High', color: '#b93a06' },
  { risk: 'medium', fr: 'Moyen', en: 'Medium', color: '#8a5300' },
  { risk: 'low', fr: 'Faible', en: 'Low', color: '#1d4ed8' },
  { risk: 'none', fr: 'Aucun', en: 'None', color: '#2e7d32' },
]);

const PROBLEMS = {
  no_posts: {
    fr: 'Vigie reconnaît ce site mais n\u2019y trouve aucun message : sa mise en page a peut-être changé.',
    en: 'Vigie recognises this site but finds no post on it: its layout may have changed.',
  },
  empty_author: {
    fr: 'Vigie lit des messages sans nom d\u2019auteur : sa lecture de ce site est peut-être dépassée.',
    en: 'Vigie reads posts without an author name: its reading of this site may be outdated.',
  },
  empty_text: {
    fr: 'Vigie lit beaucoup de messages sans texte : les risques peuvent lui échapper sur ce site.',
    en: 'Vigie reads many posts without text: it may miss risks on this site.',
  },
};

/** @param {string} name */
export function engineLabel(name) {
  return ENGINES[/** @type {keyof typeof ENGINES} */ (name)] ?? name;
}

/**
 * @param {string} problem
 * @returns {{ fr: string, en: string }}
 */
export function problemText(problem) {
  return PROBLEMS[/** @type {keyof typeof PROBLEMS} */ (problem)]
    ?? { fr: 'Vigie lit mal cette page.', en: 'Vigie cannot read this page properly.' };
}

/** @param {number} count */
export function postsLine(count) {
  if (count === 0) return { fr: 'Aucun message trouvé', en: 'No post found' };
  if (count === 1) return { fr: '1 message trouvé', en: '1 post found' };
  return { fr: `${count} messages trouvés`, en: `${count} posts found` };
}

/**
 * The line about captured posts of this tab seen deleted (content/deleted.js), or null when there is none.
 * @param {{ seenAt: string }[]} deleted
 * @param {string} [timeZone] the browser's own when absent
 */
export function deletedLine(deleted, timeZone) {
  const times = deleted.map((d) => Date.parse(d.seenAt)).filter((t) => !Number.isNaN(t));
  if (times.length === 0) return null;
  const last = new Date(Math.max(...times));
  const format = (/** @type {string} */ locale) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short', timeZone }).format(last);
  if (times.length === 1) {
    return { fr: `Publication capturée supprimée — vue le ${format('fr-FR')}`, en: `Captured post deleted — seen ${format('en-GB')}` };
  }
  return {
    fr: `${times.length} publications capturées supprimées — dernière vue le ${format('fr-FR')}`,
    en: `${times.length} captured posts deleted — last seen ${format('en-GB')}`,
  };
}

/**
 * Whether an answer to {type: 'status'} is one the popup can show.
 * @param {unknown} value
 * @returns {value is { recognized: boolean, hostname: string, enabled: boolean, adapter?: string, running?: boolean,
 *   postsFound?: number, counts?: Record<string, number>, problems?: { problem: string, affected?: number }[],
 *   deleted?: { seenAt: string }[] }}
 */
export function isStatus(value) {
  return typeof value === 'object' && value !== null
    && typeof (/** @type {any} */ (value).recognized) === 'boolean'
    && typeof (/** @type {any} */ (value).enabled) === 'boolean';
}
