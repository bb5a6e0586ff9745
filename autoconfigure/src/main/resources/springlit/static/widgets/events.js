// The browser events of value widgets and buttons: typing, changes, Enter, leaving a field, −/+ steps,
// removing an upload, and clicks on triggers (buttons, form submits, download links).

import { INPUT, REMOVE_UPLOAD, STEPPER, TRIGGER } from '../constants.js';
import { handlerOf } from './kinds.js';
import { fieldsOf } from './fields.js';
import { isTyping, setTyping, widgetRoot } from './live.js';
import { stepNumber } from './numbers.js';
import { commitWidget, refreshWidget, rerun } from './values.js';
import { onFormEnter, submitForm } from './forms.js';
import { removeUpload, uploadFiles } from './uploads.js';

/** What a kind's own onEnter/onClick may call (kinds.js), passed in so that kinds need not import values.js. */
const HANDLER_API = Object.freeze({ commitWidget, rerun });

/** A date or time typed digit by digit changes on every digit: its change waits this long after a key. */
const TYPING_PAUSE_MS = 1500;

function eventWidget(event) {
  const root = widgetRoot(event.target);
  return root && event.target.matches?.(INPUT) ? root : null;
}

export function onWidgetInput(event) {
  const root = eventWidget(event);
  const handler = root && handlerOf(root);
  if (!handler || handler.uploads) return; // the change event uploads
  handler.onInput?.(root, fieldsOf(root), event.target);
  if (!handler.commitsOnClick) setTyping(root, true); // clicks commit at once with the change event
  refreshWidget(root);
}

export function onWidgetChange(event) {
  const root = eventWidget(event);
  if (!root) return;
  const handler = handlerOf(root);
  if (handler?.uploads) {
    uploadFiles(root, event.target.files);
    return;
  }
  if (handler?.typedInParts && document.activeElement === event.target
      && Date.now() - (root._slKeyAt || 0) < TYPING_PAUSE_MS) {
    setTyping(root, true);
    return;
  }
  commitWidget(root);
}

export function onWidgetKeyDown(event) {
  const root = eventWidget(event);
  if (!root || event.isComposing) return;
  if (event.key !== 'Enter') {
    if (event.key.length === 1 || /^(Arrow|Backspace|Delete|Page)/.test(event.key)) root._slKeyAt = Date.now();
    return;
  }
  const handler = handlerOf(root);
  if (handler?.onEnter) {
    handler.onEnter(root, event, HANDLER_API);
    return;
  }
  if (handler?.enter === 'with-modifier') {
    if (!(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
  } else if (handler?.enter !== 'commit') {
    return;
  }
  commitWidget(root);
  if (root.dataset.slForm != null && handler.enterSubmitsForm) onFormEnter(root.dataset.slForm);
}

export function onWidgetFocusOut(event) {
  const root = widgetRoot(event.target);
  if (!root) return;
  if (event.relatedTarget instanceof Node && root.contains(event.relatedTarget)) return; // e.g. to its +/− button
  if (isTyping(root)) commitWidget(root);
}

/** Clicks on −/+ buttons, upload removals and triggers. Returns true when the click was one of them. */
export function onWidgetClick(event, target) {
  const own = widgetRoot(target);
  if (own && handlerOf(own)?.onClick?.(own, target, event, HANDLER_API)) return true;
  const stepper = target.closest(STEPPER);
  if (stepper) {
    const root = widgetRoot(stepper);
    if (root && !stepper.disabled) {
      event.preventDefault();
      if (stepNumber(root, Number(stepper.getAttribute('data-sl-step')) < 0 ? -1 : 1)) commitWidget(root);
    }
    return true;
  }
  const remove = target.closest(REMOVE_UPLOAD);
  if (remove) {
    const root = widgetRoot(remove);
    if (root && !remove.disabled) {
      event.preventDefault();
      removeUpload(root, remove.getAttribute('data-sl-remove'));
    }
    return true;
  }
  const trigger = target.closest(TRIGGER);
  if (!trigger) return false;
  if (trigger.matches(':disabled') || trigger.getAttribute('aria-disabled') === 'true') {
    event.preventDefault(); // e.g. a disabled download link
    return true;
  }
  const id = trigger.getAttribute('data-sl-widget');
  if (id == null) return true;
  // A download link (a[download]) still downloads: only the trigger is added.
  if (!trigger.matches('a[download]')) event.preventDefault();
  const form = trigger.getAttribute('data-sl-submit-for');
  if (form != null) submitForm(form, id);
  else rerun(id);
  return true;
}
