// Edits inside forms, waiting for the form's submit button: form key → Map(widget id → value). Until the
// submit, re-renders of such a widget keep showing its pending value (values.js, syncWidget).

const pendingForms = new Map();

export function keepForForm(form, id, value) {
  let values = pendingForms.get(form);
  if (!values) pendingForms.set(form, values = new Map());
  values.set(id, value);
}

export function hasPending(form, id) {
  return !!pendingForms.get(form)?.has(id);
}

export function pendingValue(form, id) {
  return pendingForms.get(form)?.get(id);
}

/** The form's pending values (empty when none), still pending until dropForm(form). */
export function pendingOf(form) {
  return pendingForms.get(form) || new Map();
}

export function dropForm(form) {
  pendingForms.delete(form);
}

/** A new session: nothing is pending. */
export function clearPending() {
  pendingForms.clear();
}

/** When a run ends: pending values of widgets no longer on the page (not in `present`) are dropped. */
export function prunePending(present) {
  for (const [form, values] of pendingForms) {
    for (const id of [...values.keys()]) if (!present.has(id)) values.delete(id);
    if (values.size === 0) pendingForms.delete(form);
  }
}

export function anyPending() {
  return pendingForms.size > 0;
}
