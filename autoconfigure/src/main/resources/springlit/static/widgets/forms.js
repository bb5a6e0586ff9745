// Forms: widgets with data-sl-form send nothing on their own; the form's submit button
// ([data-sl-submit-for="<key>"]) sends every pending value of the form in one rerun, with itself as trigger.
// Enter in a text or number input submits the form when its root has data-sl-enter-to-submit.

import { FORM_ROOT, MSG, SUBMIT_FOR, WIDGET } from '../constants.js';
import { lastRun } from '../state.js';
import { send } from '../connection.js';
import { isTyping, markSent, setTyping } from './live.js';
import { dropForm, keepForForm, pendingOf } from './pending.js';
import { knownJson, normalJson, readWidget } from './values.js';

function formRoot(form) {
  for (const el of document.querySelectorAll(FORM_ROOT)) {
    if (el.getAttribute('data-sl-form-root') === form) return el;
  }
  return null;
}

function formWidgets(form) {
  return [...document.querySelectorAll(WIDGET)].filter((root) => root.dataset.slForm === form);
}

/**
 * Enter in an input of a form with data-sl-enter-to-submit: clicks the form's first enabled submit button
 * (its own ones first, then any elsewhere on the page); nothing when there is none.
 */
export function onFormEnter(form) {
  const owner = formRoot(form);
  if (!owner || !owner.hasAttribute('data-sl-enter-to-submit')) return;
  const enabled = (el) => el.getAttribute('data-sl-submit-for') === form && !el.disabled;
  const button = [...owner.querySelectorAll(SUBMIT_FOR)].find(enabled)
    || [...document.querySelectorAll(SUBMIT_FOR)].find(enabled);
  button?.click();
}

/**
 * A form's submit button: one rerun with every pending value of the form (plus what is typed in its fields
 * and not committed yet) and the button as trigger. Afterwards the values count as sent, not pending: the
 * run's re-render (e.g. defaults after clear-on-submit) shows, and settleWidgets puts the server's value back
 * on widgets it did not redraw.
 */
export function submitForm(form, trigger) {
  for (const root of formWidgets(form)) {
    const focused = root.contains(document.activeElement);
    if (!isTyping(root) && !focused) continue;
    setTyping(root, false);
    const value = readWidget(root);
    if (value === undefined) continue;
    if (normalJson(root, value) === knownJson(root)) continue;
    keepForForm(form, root.dataset.slWidget, value);
  }
  const values = pendingOf(form);
  if (!send({ type: MSG.RERUN, widgets: Object.fromEntries(values), trigger })) return false;
  dropForm(form);
  const run = lastRun();
  for (const root of formWidgets(form)) {
    const id = root.dataset.slWidget;
    if (values.has(id)) markSent(root, normalJson(root, values.get(id)), run);
  }
  return true;
}
