// The life of a value widget's value. Its root is [data-sl-widget][data-sl-kind] (fragment `widget` of
// elements/widget.html); its fields carry [data-sl-input]; data-sl-value is the value the server last rendered
// (JSON). A commit (Enter, blur, release, click, ... see docs/protocol.md) reads the value in the wire format
// and sends `rerun` with only that widget, unless it equals what the server already has. Inside a form
// (data-sl-form) nothing is sent: the value waits for the form's submit (pending.js, forms.js). When a run
// ends, a widget that shows something else than the server's value (a value the server refused, or one sent
// while disconnected) goes back to the server's value, unless the user is typing in it (live.js).

import { CUSTOM_WIDGET, MSG, WIDGET } from '../constants.js';
import { lastRun } from '../state.js';
import { send } from '../connection.js';
import { showNotice } from '../notices.js';
import { handlerOf } from './kinds.js';
import { fieldsOf } from './fields.js';
import { isTyping, markSent, sentJson, setTyping, settleSent } from './live.js';
import { anyPending, hasPending, keepForForm, pendingValue, prunePending } from './pending.js';

function parsedKnown(root) {
  try { return JSON.parse(knownJson(root)); } catch (e) { return null; }
}

/**
 * The value a widget shows, in the wire format of docs/protocol.md, or undefined when its fields hold no
 * valid value (a half-typed number) or the kind is unknown.
 */
export function readWidget(root) {
  const fields = fieldsOf(root);
  const handler = handlerOf(root);
  if (!fields[0] || !handler) return undefined;
  return handler.read(root, fields, () => parsedKnown(root));
}

/** Shows `value` (wire format) in a widget's fields. */
export function applyValue(root, value) {
  const fields = fieldsOf(root);
  if (!fields[0]) return;
  handlerOf(root)?.show(root, fields, value);
  refreshWidget(root);
}

/** Re-draws what a widget derives from its fields (readouts, counters, step buttons). */
export function refreshWidget(root) {
  const fields = fieldsOf(root);
  if (!fields[0]) return;
  if (isTyping(root)) root.setAttribute('data-sl-typing', '');
  else root.removeAttribute('data-sl-typing');
  handlerOf(root)?.decorate?.(root, fields);
}

/** JSON of a value in the form two equal values compare in (so 5.0 and 5 compare equal). */
export function normalJson(root, value) {
  const normal = handlerOf(root)?.normal;
  if (normal) value = normal(value);
  return JSON.stringify(value === undefined ? null : value);
}

/** JSON of the value the server rendered. */
function serverJson(root) {
  try {
    return normalJson(root, JSON.parse(root.dataset.slValue ?? 'null'));
  } catch (e) {
    return 'null';
  }
}

/** JSON of what the server has or will have for this widget, as far as this tab knows. */
export function knownJson(root) {
  const sent = sentJson(root);
  if (sent !== undefined) return sent;
  const form = root.dataset.slForm;
  const id = root.dataset.slWidget;
  if (hasPending(form, id)) return normalJson(root, pendingValue(form, id));
  return serverJson(root);
}

/**
 * Sends a widget's new value with `json` its normal JSON (or keeps it for its form). Returns true when a
 * message went out.
 */
export function sendValue(root, value, json) {
  const id = root.dataset.slWidget;
  const form = root.dataset.slForm;
  if (form != null) {
    keepForForm(form, id, value);
    return false;
  }
  if (!send({ type: MSG.RERUN, widgets: { [id]: value }, trigger: null })) return false;
  markSent(root, json, lastRun());
  return true;
}

/**
 * Commits what a widget shows: sends it (or keeps it for its form) when it differs from what the server has.
 * Returns true when a message went out.
 */
export function commitWidget(root) {
  setTyping(root, false);
  const fields = fieldsOf(root);
  if (fields.length === 0 || fields.every((f) => f.disabled)) return false;
  const value = readWidget(root);
  if (value === undefined) {
    restoreWidget(root); // nothing valid to send (e.g. "-" in a number input): show the known value again
    return false;
  }
  const refusal = handlerOf(root)?.refuse?.(root, fields, value);
  if (refusal) {
    restoreWidget(root);
    showNotice(refusal, { level: 'warning', timeout: 4000 });
    return false;
  }
  const json = normalJson(root, value);
  refreshWidget(root);
  if (json === knownJson(root)) return false;
  return sendValue(root, value, json);
}

/** Shows the value this tab believes the server has (or the form's pending value). */
function restoreWidget(root) {
  applyValue(root, parsedKnown(root));
}

/**
 * Makes a widget show the server's value (or its form's pending value) unless the user is typing in it or
 * a value this tab sent is still unanswered; then refreshes its decorations.
 */
function syncWidget(root) {
  const inForm = hasPending(root.dataset.slForm, root.dataset.slWidget);
  if (!isTyping(root) && (inForm || sentJson(root) === undefined)) {
    const current = readWidget(root);
    if (current === undefined || normalJson(root, current) !== knownJson(root)) restoreWidget(root);
  }
  refreshWidget(root);
}

/** After a set op: the widgets in the node now on the page. */
export function initWidgets(node) {
  if (!(node instanceof Element)) return;
  if (node.matches(WIDGET)) syncWidget(node);
  for (const root of node.querySelectorAll(WIDGET)) syncWidget(root);
}

/** When run `run` ends: forget answered sends, drop pending values of widgets gone, put refused values back. */
export function settleWidgets(run) {
  if (anyPending()) prunePending(new Set([...document.querySelectorAll(WIDGET)].map((r) => r.dataset.slWidget)));
  for (const root of document.querySelectorAll(WIDGET)) {
    settleSent(root, run);
    syncWidget(root);
  }
}

/**
 * The current values of the widgets on screen (outside forms), as widget id → value: the value widgets of
 * elements/widget.html in their wire format, and custom elements [data-sl-widget][data-sl-input] with JSON in
 * their data-sl-value.
 */
export function collectWidgets(scope = document) {
  const widgets = {};
  for (const root of scope.querySelectorAll(WIDGET)) {
    if (root.dataset.slForm != null) continue;
    const value = readWidget(root);
    if (value !== undefined) widgets[root.dataset.slWidget] = value;
  }
  for (const el of scope.querySelectorAll(CUSTOM_WIDGET)) {
    try {
      widgets[el.getAttribute('data-sl-widget')] = JSON.parse(el.getAttribute('data-sl-value'));
    } catch (e) {
      console.warn('[springlit] bad data-sl-value on widget', el.getAttribute('data-sl-widget'), e);
    }
  }
  return widgets;
}

/**
 * A click on a trigger (button). It carries the edits not committed yet (a field still being typed in,
 * outside forms); committed values went out with their own messages. `carried` goes with the trigger (a chat
 * input's text under its own id).
 */
export function rerun(trigger, carried = {}) {
  const widgets = { ...carried };
  const typing = [];
  for (const root of document.querySelectorAll(WIDGET)) {
    if (!isTyping(root) || root.dataset.slForm != null) continue;
    setTyping(root, false);
    const value = readWidget(root);
    if (value === undefined) continue;
    const json = normalJson(root, value);
    if (json === knownJson(root)) continue;
    widgets[root.dataset.slWidget] = value;
    typing.push([root, json]);
  }
  const sent = send({ type: MSG.RERUN, widgets, trigger: trigger ?? null });
  if (sent) {
    const run = lastRun();
    for (const [root, json] of typing) markSent(root, json, run);
  }
  return sent;
}
