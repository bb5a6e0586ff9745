// What the user is doing with a value widget, kept per widget root as plain properties (they live as long
// as the node; a replaced node starts over):
//   _slTyping   the user changed the field since the last commit (typing, dragging): the server's re-render
//               leaves the field alone, and nothing is restored;
//   _slSent     JSON of the value this tab sent and no run has answered yet (_slSentRun: the last run number
//               seen when it was sent); until a later run ends, re-renders of the focused widget keep the
//               value the user chose (a re-render from an older run must not make it flicker back).

import { WIDGET } from '../constants.js';

export function widgetRoot(el) {
  return el instanceof Element ? el.closest(WIDGET) : null;
}

export function isTyping(root) {
  return !!root._slTyping;
}

export function setTyping(root, typing) {
  if (typing) root._slTyping = true;
  else delete root._slTyping;
  if (typing) root.setAttribute('data-sl-typing', '');
  else root.removeAttribute('data-sl-typing');
}

/** JSON of the value sent and not answered yet, or undefined. */
export function sentJson(root) {
  return root._slSent;
}

export function markSent(root, json, run) {
  root._slSent = json;
  root._slSentRun = run;
}

/** Forgets the sent value once a run after the one it was sent in has ended (any run when `run` is unknown). */
export function settleSent(root, run) {
  if (root._slSent !== undefined && (typeof run !== 'number' || run > root._slSentRun)) {
    delete root._slSent;
    delete root._slSentRun;
  }
}

/**
 * Whether a re-render must leave a form field's live value alone: the user is typing in its widget, or the
 * value it sent is not answered yet (the run that answers it ends with the server's value, see settleWidgets).
 */
export function holdsUserValue(field) {
  const root = field.closest(WIDGET);
  return root ? !!root._slTyping || root._slSent !== undefined : field === document.activeElement;
}
