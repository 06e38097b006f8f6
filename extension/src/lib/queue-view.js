// @ts-check
// The popup's « File d'attente »: captures kept in the browser until the server stores them, French first.
// Pure wording and one DOM builder, apart from popup.js so node tests can read them with jsdom.

/**
 * @typedef {{ key: string, state: 'queued' | 'refused', createdAt: number, attempts: number,
 *   nextAttemptAt: number | null, lastError: { code: string, message: string, messageEn: string } | null,
 *   summary: { author: string, text: string, site: string, platform: string, automatic: boolean } }} QueueEntry
 * @typedef {{ fr: string, en: string }} Words
 * @typedef {{ key: string, state: 'queued' | 'refused', author: string, text: string, site: string, age: Words,
 *   attempts: Words, next: Words | null, error: Words | null, automatic: boolean }} QueueRow
 */

/** @param {number} ms elapsed, ≥ 0 */
export function ageText(ms) {
  const s = Math.max(0, Math.floor(ms / 1000));
  if (s < 60) return { fr: 'à l\u2019instant', en: 'just now' };
  const m = Math.floor(s / 60);
  if (m < 60) return { fr: `il y a ${m} min`, en: `${m} min ago` };
  const h = Math.floor(m / 60);
  if (h < 48) return { fr: `il y a ${h} h`, en: `${h} h ago` };
  const d = Math.floor(h / 24);
  return { fr: `il y a ${d} j`, en: `${d} days ago` };
}

/** @param {number} ms until the next try; ≤ 0 means now */
export function untilText(ms) {
  const s = Math.ceil(ms / 1000);
  if (s <= 0) return { fr: 'prochain essai imminent', en: 'next try any moment' };
  if (s < 60) return { fr: `prochain essai dans ${s} s`, en: `next try in ${s} s` };
  const m = Math.ceil(s / 60);
  return { fr: `prochain essai dans ${m} min`, en: `next try in ${m} min` };
}

/** @param {number} n */
function attemptsText(n) {
  if (n === 0) return { fr: 'pas encore essayée', en: 'not tried yet' };
  return n === 1 ? { fr: '1 essai', en: '1 attempt' } : { fr: `${n} essais`, en: `${n} attempts` };
}

/**
 * @param {QueueEntry[]} entries oldest first, as the worker lists them
 * @param {number} now ms
 * @returns {QueueRow[]}
 */
export function queueRows(entries, now) {
  return entries.map((e) => ({
    key: e.key,
    state: e.state,
    author: e.summary.author || 'Auteur inconnu',
    text: e.summary.text.length > 80 ? `${e.summary.text.slice(0, 79)}…` : e.summary.text,
    site: e.summary.site,
    age: ageText(now - e.createdAt),
    attempts: attemptsText(e.attempts),
    next: e.state === 'queued' && e.nextAttemptAt !== null ? untilText(e.nextAttemptAt - now) : null,
    error: e.lastError === null ? null : e.state === 'refused'
      ? { fr: `Refusée par le serveur : ${e.lastError.message}`, en: `Refused by the server: ${e.lastError.messageEn}` }
      : { fr: `Dernière erreur : ${e.lastError.message}`, en: `Last error: ${e.lastError.messageEn}` },
    automatic: e.summary.automatic,
  }));
}

/** @param {QueueRow[]} rows */
export function queueSummary(rows) {
  const refused = rows.filter((r) => r.state === 'refused').length;
  const waiting = rows.length - refused;
  if (rows.length === 0) return { fr: 'Aucune capture en attente.', en: 'No capture waiting.' };
  const parts = [];
  const partsEn = [];
  if (waiting > 0) {
    parts.push(waiting === 1 ? '1 capture enregistrée localement, en attente d\u2019envoi' : `${waiting} captures enregistrées localement, en attente d\u2019envoi`);
    partsEn.push(`${waiting} saved locally, waiting to be sent`);
  }
  if (refused > 0) {
    parts.push(refused === 1 ? '1 refusée par le serveur' : `${refused} refusées par le serveur`);
    partsEn.push(`${refused} refused by the server`);
  }
  return { fr: `${parts.join(' ; ')}.`, en: `${partsEn.join('; ')}.` };
}

/**
 * Fills the list: one item per capture, with « Supprimer » on refused ones, which asks for a confirmation first.
 * Buttons carry data-action and data-key; popup.js listens on the list.
 * @param {HTMLElement} list the <ul>
 * @param {QueueRow[]} rows
 * @param {string | null} confirming the key whose deletion awaits confirmation
 */
export function renderQueue(list, rows, confirming) {
  const document = /** @type {Document} */ (list.ownerDocument);
  /**
   * @param {string} tag
   * @param {string} className
   * @param {string} fr
   * @param {string} [en]
   */
  const el = (tag, className, fr, en) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    node.textContent = fr;
    if (en) {
      const english = document.createElement('span');
      english.className = 'en';
      english.lang = 'en';
      english.textContent = ` ${en}`;
      node.append(english);
    }
    return node;
  };
  /**
   * @param {string} action
   * @param {string} key
   * @param {string} fr
   * @param {string} en
   */
  const button = (action, key, fr, en) => {
    const b = el('button', action, fr, en);
    b.setAttribute('type', 'button');
    b.dataset.action = action;
    b.dataset.key = key;
    return b;
  };
  list.replaceChildren(...rows.map((row) => {
    const li = document.createElement('li');
    li.dataset.key = row.key;
    li.dataset.state = row.state;
    const who = el('p', 'who', `${row.author} — « ${row.text} »`);
    const facts = [row.site, row.age.fr, row.attempts.fr, row.next?.fr, row.automatic ? 'capture automatique' : '']
      .filter(Boolean).join(' · ');
    const factsEn = [row.age.en, row.attempts.en, row.next?.en].filter(Boolean).join(' · ');
    li.append(who, el('p', 'facts', facts, factsEn));
    if (row.error) li.append(el('p', 'error', row.error.fr, row.error.en));
    if (row.state === 'refused' && confirming === row.key) {
      const ask = el('p', 'confirm', 'Supprimer définitivement cette preuve de votre navigateur ?');
      ask.setAttribute('role', 'alert');
      li.append(ask, button('confirm-delete', row.key, 'Confirmer la suppression', 'Delete'),
        button('cancel-delete', row.key, 'Annuler', 'Cancel'));
    } else if (row.state === 'refused') {
      li.append(button('delete', row.key, 'Supprimer', 'Delete'));
    }
    return li;
  }));
}
