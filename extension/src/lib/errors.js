// @ts-check
// Every failure the worker reports to a page, with a French message first and English second.

/** @typedef {{ code: string, message: string, messageEn: string, status?: number }} WireError */

export class VigieError extends Error {
  /**
   * @param {string} code stable machine code (unreachable, unauthorized, server_error …)
   * @param {string} message French, shown to the CM
   * @param {string} messageEn English
   * @param {number} [status] HTTP status when the server answered
   */
  constructor(code, message, messageEn, status) {
    super(messageEn);
    this.code = code;
    this.messageFr = message;
    this.messageEn = messageEn;
    this.status = status;
  }

  /** @returns {WireError} */
  toWire() {
    /** @type {WireError} */
    const wire = { code: this.code, message: this.messageFr, messageEn: this.messageEn };
    if (this.status !== undefined) wire.status = this.status;
    return wire;
  }
}

export const notConfigured = () =>
  new VigieError(
    'not_configured',
    'Vigie n\u2019est pas configurée : ouvrez les options de l\u2019extension et saisissez votre jeton.',
    'Vigie is not configured: open the extension options and enter your token.',
  );

/** A fetch that never got an HTTP answer (server down, DNS, CORS-less network error, timeout). */
export function errorFromNetwork() {
  return new VigieError(
    'unreachable',
    'Serveur Vigie injoignable. Vérifiez l\u2019adresse dans les options ou votre connexion.',
    'Vigie server unreachable. Check the address in the options or your connection.',
  );
}

/**
 * Maps an HTTP error answer to a VigieError, keeping the server's French message when it sent one.
 * @param {number} status
 * @param {unknown} body parsed JSON body, or null when it was not JSON
 */
export function errorFromResponse(status, body) {
  const server = isErrorBody(body) ? body : null;
  if (status === 401 || status === 403) {
    return new VigieError(
      'unauthorized',
      'Jeton refusé par le serveur Vigie. Vérifiez votre jeton dans les options.',
      'Token refused by the Vigie server. Check your token in the options.',
      status,
    );
  }
  if (status === 429) {
    return new VigieError(
      'rate_limited',
      'Trop de requêtes : le serveur Vigie demande de patienter un instant.',
      'Too many requests: the Vigie server asks you to wait a moment.',
      status,
    );
  }
  if (status >= 500) {
    return new VigieError(
      'server_error',
      `Erreur du serveur Vigie (HTTP ${status}). Réessayez plus tard.`,
      `Vigie server error (HTTP ${status}). Try again later.`,
      status,
    );
  }
  return new VigieError(
    server ? server.code : 'bad_request',
    server ? server.message : `Requête refusée par le serveur Vigie (HTTP ${status}).`,
    server && typeof server.messageEn === 'string' ? server.messageEn : `Request refused by the Vigie server (HTTP ${status}).`,
    status,
  );
}

/**
 * Anything thrown while handling a message becomes a wire error; unknown errors never leak their text.
 * @param {unknown} error
 * @returns {WireError}
 */
export function toWireError(error) {
  if (error instanceof VigieError) return error.toWire();
  return {
    code: 'internal_error',
    message: 'Erreur interne de l\u2019extension Vigie.',
    messageEn: 'Internal error in the Vigie extension.',
  };
}

/**
 * @param {unknown} body
 * @returns {body is { code: string, message: string, messageEn?: string }}
 */
function isErrorBody(body) {
  return typeof body === 'object' && body !== null
    && typeof (/** @type {any} */ (body).code) === 'string'
    && typeof (/** @type {any} */ (body).message) === 'string';
}

/**
 * A capture the outbox could neither keep (queue full, or the browser refused to store) nor send: the CM must know.
 * @param {WireError} reason why the upload failed
 * @param {boolean} storageFailed the browser refused to store (else the queue was full)
 * @param {{ maxEntries: number, maxBytes: number }} cap the queue's cap
 */
export function notKept(reason, storageFailed, cap) {
  if (storageFailed) {
    return new VigieError('not_saved',
      `Capture perdue : le navigateur n\u2019a pas pu la garder (espace disque ?) et l\u2019envoi a échoué (${reason.message}). Recommencez.`,
      `Capture lost: the browser could not keep it (disk space?) and sending failed (${reason.messageEn}). Try again.`);
  }
  return new VigieError('queue_full',
    `File d\u2019attente pleine (${cap.maxEntries} captures ou ${Math.round(cap.maxBytes / 1048576)} Mo) et envoi impossible (${reason.message}) : cette capture n\u2019a pas été gardée. Videz la file depuis le bouton Vigie, puis recommencez.`,
    `Queue full (${cap.maxEntries} captures or ${Math.round(cap.maxBytes / 1048576)} MB) and sending failed (${reason.messageEn}): this capture was not kept. Empty the queue from the Vigie button, then try again.`);
}

/** A queued capture whose payload is no longer in IndexedDB. */
export function lostPayload() {
  return new VigieError('payload_lost',
    'Les fichiers de cette capture ont disparu du stockage du navigateur.',
    'The files of this capture are gone from the browser storage.');
}
