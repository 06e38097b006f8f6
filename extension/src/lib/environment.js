// @ts-check
// The capturing machine's facts a French web report (AFNOR NF Z67-147) asks for, as far as an extension can know
// them, shaped to the capture-metadata schema; "unknown" where the browser does not say.

export const UA_HINTS = ['fullVersionList', 'platform', 'platformVersion', 'architecture'];
const MAX_PATH = 50;
const MAX_URL = 4096;
// GREASE brands ("Not A(Brand", "Not;A=Brand" …) that Chromium adds so sites do not parse the list.
const GREASE = /not[^a-z]*a[^a-z]*brand/i;
const PROXY_RULES = /** @type {const} */ ([
  ['proxyForHttp', 'http'], ['proxyForHttps', 'https'], ['proxyForFtp', 'ftp'], ['fallbackProxy', 'fallback'],
]);

/**
 * The browser from navigator.userAgentData.getHighEntropyValues(UA_HINTS): the brand that is not Chromium when
 * there is one (Google Chrome, Microsoft Edge), its full version, the OS and architecture.
 * @param {any} values null when the browser gives no user-agent data
 * @returns {{ name: string, version: string, os: string }}
 */
export function describeBrowser(values) {
  const list = values && Array.isArray(values.fullVersionList) ? values.fullVersionList : [];
  const brands = list.filter((/** @type {any} */ b) => b && typeof b.brand === 'string' && typeof b.version === 'string'
    && b.brand !== '' && !GREASE.test(b.brand));
  const pick = brands.find((/** @type {any} */ b) => b.brand !== 'Chromium') ?? brands[0];
  const os = values ? [values.platform, values.platformVersion, values.architecture]
    .filter((v) => typeof v === 'string' && v !== '').join(' ') : '';
  return {
    name: pick ? pick.brand.slice(0, 100) : 'unknown',
    version: pick ? pick.version.slice(0, 100) : 'unknown',
    os: os ? os.slice(0, 100) : 'unknown',
  };
}

/**
 * Chrome's proxy setting (chrome.proxy.settings.get) in a line: direct, system, auto_detect, pac_script: <url>,
 * fixed_servers: <servers>; who set it when it is not the user (another extension, a policy).
 * @param {any} details { value: ProxyConfig, levelOfControl }
 */
export function describeProxy(details) {
  const config = details && details.value;
  if (!config || typeof config.mode !== 'string') return 'unknown';
  let line = config.mode;
  if (config.mode === 'fixed_servers') {
    const rules = config.rules ?? {};
    const servers = rules.singleProxy ? [server(rules.singleProxy)]
      : PROXY_RULES.filter(([key]) => rules[key]).map(([key, label]) => `${label}=${server(rules[key])}`);
    if (Array.isArray(rules.bypassList) && rules.bypassList.length) servers.push(`bypass=${rules.bypassList.join(',')}`);
    line = `fixed_servers: ${servers.join('; ')}`;
  } else if (config.mode === 'pac_script') {
    line = config.pacScript && typeof config.pacScript.url === 'string' ? `pac_script: ${config.pacScript.url}` : 'pac_script: (script inline)';
  }
  if (details.levelOfControl === 'controlled_by_other_extensions') line += ' (réglé par une autre extension / set by another extension)';
  if (details.levelOfControl === 'not_controllable') line += ' (imposé par une stratégie / set by policy)';
  return line.slice(0, 1000);
}

/** @param {any} proxy a chrome.proxy ProxyServer */
function server(proxy) {
  return `${proxy.scheme ?? 'http'}://${proxy.host}${proxy.port ? `:${proxy.port}` : ''}`;
}

/**
 * The environment block of the metadata. What the content script reported (navigation path, referrer) is checked
 * here: an entry the schema would refuse is left out rather than altered.
 * @param {any} page { navigationPath, referrer } from content/evidence.js
 * @param {{ proxy: string, languages: readonly string[] }} worker what the worker itself reads
 */
export function environmentFacts(page, worker) {
  const path = page && Array.isArray(page.navigationPath) ? page.navigationPath : [];
  const navigationPath = path.flatMap((/** @type {any} */ entry) => {
    if (!entry || typeof entry.url !== 'string' || !/^https?:\/\//.test(entry.url) || entry.url.length > MAX_URL) return [];
    const at = typeof entry.at === 'string' ? new Date(entry.at) : null;
    return at && !Number.isNaN(at.getTime()) ? [{ url: entry.url, at: at.toISOString() }] : [];
  }).slice(-MAX_PATH);
  const referrer = page && typeof page.referrer === 'string' && page.referrer !== '' && page.referrer.length <= MAX_URL
    ? page.referrer : null;
  return {
    proxy: worker.proxy,
    navigationPath,
    referrer,
    languages: worker.languages.filter((l) => typeof l === 'string' && l !== '' && l.length <= 35).slice(0, 20),
    // An extension cannot see whether cache and cookies were cleared, nor the public address (the server records it).
    browsingDataCleared: 'unknown',
    networkAddress: 'unknown',
  };
}
