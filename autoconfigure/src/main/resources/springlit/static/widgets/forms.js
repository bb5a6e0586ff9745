// Forms: widgets with data-sl-form send nothing on their own; the form's submit button
// ([data-sl-submit-for="<key>"]) sends every pending value of the form in one rerun, with itself as trigger.
// Enter in a text or number input submits the form when its root has data-sl-enter-to-submit and its first
// submit button is enabled; such inputs say "Press Enter to submit form". A clear-on-submit form
// (data-sl-clear-on-submit) shows its widgets' defaults (data-sl-default) as pending edits after a submit.

import { MSG, WIDGET } from '../constants.js';
import { lastRun } from '../state.js';
import { send } from '../connection.js';
import { isTyping, markSent, setTyping } from './live.js';
import { enterSubmits, firstSubmitButton, formRoot } from './formEnter.js';
import { dropForm, keepForForm, pendingOf } from './pending.js';
import { applyValue, knownJson, normalJson, readWidget } from './values.js';

function formWidgets(form) {
  return [...document.querySelectorAll(WIDGET)].filter((root) => root.dataset.slForm === form);
}

/** Enter in an input of a form: clicks the form's first submit button when enterSubmits(form). */
export function onFormEnter(form) {
  if (enterSubmits(form)) firstSubmitButton(form).click();
}

/**
 * A form's submit button: one rerun with every pending value of the form (plus what is typed in its fields
 * and not committed yet) and the button as trigger. Afterwards the values count as sent, not pending, and
 * settleWidgets puts the server's value back on widgets the run did not redraw; in a clear-on-submit form the
 * defaults become the new pending edits instead.
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
  const clears = formRoot(form)?.hasAttribute('data-sl-clear-on-submit');
  for (const root of formWidgets(form)) {
    const id = root.dataset.slWidget;
    if (clears && root.dataset.slDefault !== undefined) clearToDefault(form, root);
    else if (values.has(id)) markSent(root, normalJson(root, values.get(id)), run);
  }
  return true;
}

/**
 * S6.2, clear on submit: the widget shows its default as a pending edit of the form. The server keeps the
 * submitted value (the submit run's output stays; a rerun outside the form reports it) until the next submit
 * sends the default.
 */
function clearToDefault(form, root) {
  let value;
  try { value = JSON.parse(root.dataset.slDefault); } catch (e) { return; }
  keepForForm(form, root.dataset.slWidget, value);
  applyValue(root, value);
}
