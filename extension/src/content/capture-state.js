// @ts-check
// What a badge says about its post's capture, French first: the worker's answer to a capture message becomes one
// of five states, each with its words (visible, screen reader, English tooltip) and a mark on the pill, so that a
// capture Vigie took by itself shows without opening the panel.
(() => {
  const vigie = /** @type {Vigie} */ (globalThis.vigie ??= { adapters: [] });

  /**
   * @typedef {{ status: 'busy' | 'queued' | 'sent' | 'refused' | 'error', captureId?: string, message?: string,
   *   code?: string, automatic?: boolean }} CaptureView
   */

  const STATES = {
    busy: { fr: 'Capture…', en: 'Capturing…', mark: '⋯' },
    queued: {
      fr: 'Enregistrée localement — envoi dès que le serveur répond',
      en: 'Saved locally — will be sent as soon as the server answers',
      mark: '⇡',
    },
    sent: { fr: 'Envoyée', en: 'Sent to the Vigie server', mark: '✔' },
    refused: { fr: 'Refusée par le serveur', en: 'Refused by the server', mark: '⚠' },
    error: { fr: 'Échec de la capture', en: 'Capture failed', mark: '⚠' },
  };

  /**
   * The worker's answer to {type: 'capture'} as a badge state; null when there is nothing to show (an automatic
   * capture the worker declined: post captured already, level switched off).
   * @param {any} response
   * @param {boolean} [automatic] Vigie took it by itself
   * @returns {CaptureView | null}
   */
  function fromReply(response, automatic = false) {
    const view = read(response);
    if (view && automatic) view.automatic = true;
    return view;
  }

  /**
   * @param {any} response
   * @returns {CaptureView | null}
   */
  function read(response) {
    const error = response && typeof response.error === 'object' && response.error !== null ? response.error : {};
    const message = typeof error.message === 'string' ? error.message : undefined;
    if (response && response.ok && response.capture && typeof response.capture.id === 'string') {
      return { status: 'sent', captureId: response.capture.id };
    }
    if (response && response.ok && response.status === 'queued') return { status: 'queued', message };
    if (response && response.status === 'refused') return { status: 'refused', message };
    if (error.code === 'already_captured' || error.code === 'auto_off') return null;
    return { status: 'error', message: message ?? 'Échec de la capture.', code: error.code };
  }

  /**
   * @param {CaptureView} view
   * @returns {{ text: string, en: string, mark: string, button: string | null }} button: the capture button's words,
   *   null while a capture is under way
   */
  function describe(view) {
    const state = STATES[view.status] ?? STATES.error;
    let text = state.fr;
    if (view.status === 'refused') text = `${state.fr} : ${view.message ?? 'raison inconnue.'}`;
    if (view.status === 'error') text = view.message ?? `${state.fr}.`;
    if (view.automatic) text = `${text} (capture automatique)`;
    let button = /** @type {string | null} */ ('Capturer à nouveau');
    if (view.status === 'busy') button = null;
    if (view.status === 'error') button = 'Capturer la preuve';
    return { text, en: state.en, mark: state.mark, button };
  }

  vigie.captureState = { fromReply, describe };
})();
