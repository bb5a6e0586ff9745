// Reading a widget's fields ([data-sl-input]) and attributes as numbers and text; no state.

import { INPUT } from '../constants.js';

export function fieldsOf(root) {
  return [...root.querySelectorAll(INPUT)];
}

/** The number an input holds, null when it is empty or not a number. */
export function numberOf(input) {
  if (!input || input.value === '') return null;
  const n = input.valueAsNumber;
  return Number.isFinite(n) ? n : null;
}

/** A numeric attribute (min, max, step, data-sl-max), null when absent, "any" or not a number. */
export function numberAttr(el, name) {
  const raw = el?.getAttribute(name);
  if (raw == null || raw === '' || raw === 'any') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/** Sets a field's value only when it differs (which keeps the caret where it is). */
export function setValue(field, text) {
  if (field && field.value !== text) field.value = text;
}

export function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}
