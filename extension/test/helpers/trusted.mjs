// Events as the browser delivers a person's input (isTrusted true), and the editing command jsdom lacks.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// jsdom's dispatchEvent() always clears isTrusted, as browsers do for page scripts; its internal dispatch is the one
// the browser itself uses for real input. Page scripts can never reach it.
const utils = require('jsdom/lib/generated/idl/utils.js');

/** Dispatches the event as if a person had caused it. */
export function trusted(target, event) {
  const impl = utils.implForWrapper(event);
  impl.isTrusted = true;
  utils.implForWrapper(target)._dispatch(impl);
  return event;
}

/** A person's click (mouse, or Enter / Space on a focused button). */
export function trustedClick(el) {
  return trusted(el, new el.ownerDocument.defaultView.MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
}

/** A person typing: the field's new value, then the input event. */
export function type(field, value) {
  field.value = value;
  return trusted(field, new field.ownerDocument.defaultView.InputEvent('input', { bubbles: true, composed: true }));
}

/**
 * document.execCommand('insertText') as Chromium runs it for a focused editor: the text at the caret, an input event;
 * refused (false) when nothing editable has the focus. Records each call.
 */
export function installExecCommand(window) {
  const calls = [];
  window.document.execCommand = (command, _ui, value) => {
    const { document } = window;
    const active = document.activeElement;
    calls.push({ command, value, active });
    if (command === 'copy') return true;
    if (command !== 'insertText' || !active) return false;
    if (active.tagName === 'TEXTAREA') {
      const at = active.selectionStart ?? active.value.length;
      active.value = active.value.slice(0, at) + value + active.value.slice(at);
    } else if (active.getAttribute('contenteditable') === 'true') {
      const range = window.getSelection().getRangeAt(0);
      if (!active.contains(range.startContainer)) return false;
      range.insertNode(document.createTextNode(value));
    } else {
      return false;
    }
    active.dispatchEvent(new window.InputEvent('input', { bubbles: true, inputType: 'insertText', data: value }));
    return true;
  };
  return calls;
}
