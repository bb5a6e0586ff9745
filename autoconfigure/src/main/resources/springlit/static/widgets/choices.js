// Choice widgets: checkbox, toggle, radio, selectbox, multiselect. A click is a commit (no typing state);
// options are sent as their indices. A multiselect toggles an option on a plain click, within data-sl-max.

import { numberAttr, setValue } from './fields.js';
import { widgetRoot } from './live.js';
import { showNotice } from '../notices.js';
import { syncChips } from './chips.js';

const checked = {
  commitsOnClick: true,
  read: (root, [input]) => input.checked,
  show(root, [input], value) {
    input.checked = value === true;
  },
};

export const checkbox = checked;
export const toggle = checked;

export const radio = {
  commitsOnClick: true,
  read(root, fields) {
    const chosen = fields.find((f) => f.checked);
    return chosen ? Number(chosen.value) : null;
  },
  show(root, fields, value) {
    for (const f of fields) f.checked = value != null && Number(f.value) === Number(value);
  },
};

export const selectbox = {
  commitsOnClick: true,
  read: (root, [input]) => (input.value === '' ? null : Number(input.value)),
  show(root, [input], value) {
    setValue(input, value == null ? '' : String(value));
  },
};

function tooMany(max) {
  return `You can only select up to ${max} option${max === 1 ? '' : 's'}. Remove an option first.`;
}

export const multiselect = {
  commitsOnClick: true,
  read: (root, [input]) => [...input.selectedOptions].filter((o) => o.value !== '').map((o) => Number(o.value)),
  show(root, [input], value) {
    const chosen = new Set((Array.isArray(value) ? value : []).map(Number));
    for (const o of input.options) o.selected = o.value !== '' && chosen.has(Number(o.value));
    syncChips(input);
  },
  /** Why `value` cannot be sent, or null. */
  refuse(root, [input], value) {
    const max = numberAttr(input, 'data-sl-max');
    return max != null && value.length > max ? tooMany(max) : null;
  },
};

/** Multi-selects: a plain click toggles an option (no Ctrl/Cmd needed), within data-sl-max. */
export function onOptionMouseDown(event) {
  const option = event.target;
  if (!(option instanceof HTMLOptionElement) || event.button !== 0 || event.shiftKey) return;
  const select = option.closest('select');
  const root = widgetRoot(select);
  if (!select?.multiple || !root || select.disabled || option.disabled) return;
  event.preventDefault();
  const max = numberAttr(select, 'data-sl-max');
  if (!option.selected && max != null && select.selectedOptions.length >= max) {
    showNotice(tooMany(max), { level: 'warning', timeout: 4000 });
    select.focus({ preventScroll: true });
    return;
  }
  const top = select.scrollTop;
  option.selected = !option.selected;
  select.focus({ preventScroll: true });
  select.scrollTop = top;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}
