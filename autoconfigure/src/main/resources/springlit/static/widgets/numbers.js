// Number widgets: number_input (with its −/+ step buttons), slider and range_slider (two thumbs, with the
// readouts above the track). Handlers for the kind registry (kinds.js).

import { numberAttr, numberOf, setText, setValue } from './fields.js';
import { decimals, formatNumber, printf } from './format.js';
import { isTyping } from './live.js';
import { showEnterHint } from './formEnter.js';

/** A number as the server wrote it ("25.0") when that is the value, else as JavaScript writes it. */
function numberText(field, n) {
  if (n == null) return '';
  return field && field.defaultValue !== '' && Number(field.defaultValue) === Number(n) ? field.defaultValue : String(n);
}

export const numberInput = {
  enter: 'commit',
  enterSubmitsForm: true,
  read(root, [input]) {
    if (input.validity.badInput) return undefined;
    return input.value === '' ? null : numberOf(input) ?? undefined;
  },
  show(root, [input], value) {
    setValue(input, numberText(input, value));
  },
  decorate(root, fields) {
    const input = fields[0];
    const v = numberInput.read(root, fields);
    const format = root.dataset.slFormat;
    // Show the format (e.g. "%.2f") when that does not change the number.
    if (format && !isTyping(root) && typeof v === 'number') {
      const shown = printf(format, v);
      if (shown != null && shown.trim() !== '' && Number(shown) === v && input.value !== shown.trim()) input.value = shown.trim();
    }
    const min = numberAttr(input, 'min');
    const max = numberAttr(input, 'max');
    const down = root.querySelector('[data-sl-step="-1"]');
    const up = root.querySelector('[data-sl-step="1"]');
    if (down) down.disabled = input.disabled || (min != null && typeof v === 'number' && v <= min);
    if (up) up.disabled = input.disabled || (max != null && typeof v === 'number' && v >= max);
    showEnterHint(root, root.querySelector('.sl-number'));
  },
};

/**
 * The value one press of a number input's −/+ button (`direction` −1 or 1) gives: one step (`stepText`,
 * default 1) from `current` within min/max, rounded to the decimals of the step and of the current value
 * (0.1 + 0.2 is 0.3); from an empty field the minimum, else 0 (or a negative maximum).
 */
export function steppedValue(current, direction, stepText, min, max) {
  const parsed = stepText == null || stepText === '' || stepText === 'any' ? null : Number(stepText);
  const step = (Number.isFinite(parsed) ? parsed : null) || 1;
  let v;
  if (current == null) {
    v = min ?? (max != null && max < 0 ? max : 0);
  } else {
    const d = Math.max(decimals(stepText === 'any' ? null : stepText) ?? 0, decimals(String(current)) ?? 0);
    v = Number((current + direction * step).toFixed(Math.min(d, 15)));
  }
  if (min != null && v < min) v = min;
  if (max != null && v > max) v = max;
  return v;
}

/** Puts the stepped value into a number input's field. Returns false when the input takes no step. */
export function stepNumber(root, direction) {
  const input = root.querySelector('input[type="number"][data-sl-input]');
  if (!input || input.disabled) return false;
  const current = input.validity.badInput ? null : numberOf(input);
  input.value = String(steppedValue(current, direction, input.getAttribute('step'),
    numberAttr(input, 'min'), numberAttr(input, 'max')));
  return true;
}

function decorateSlider(root, fields, range) {
  const input = fields[0];
  const format = root.dataset.slFormat;
  const min = numberAttr(input, 'min') ?? 0;
  const max = numberAttr(input, 'max') ?? 100;
  const step = input.getAttribute('step');
  const span = max - min || 1;
  const pos = (n) => Math.min(1, Math.max(0, ((n ?? min) - min) / span));
  const show = (n) => formatNumber(n, format, step);
  const track = root.querySelector('.sl-slider-track');
  let lo = 0;
  let hi;
  let text;
  if (!range) {
    const v = numberOf(input);
    hi = pos(v);
    text = show(v);
  } else {
    const a = numberOf(fields[0]);
    const b = numberOf(fields[1]);
    lo = pos(a);
    hi = pos(b);
    text = `${show(a)} – ${show(b)}`;
    // Two thumbs on the same spot: the one that can still move is on top.
    fields[0].classList.toggle('sl-range-top', lo > 0.5 && lo >= hi);
  }
  if (track) {
    track.style.setProperty('--sl-lo', String(lo));
    track.style.setProperty('--sl-hi', String(hi));
    track.style.setProperty('--sl-pos', String(range ? (lo + hi) / 2 : hi));
  }
  setText(root.querySelector('.sl-slider-value'), text);
  setText(root.querySelector('.sl-slider-min'), show(min));
  setText(root.querySelector('.sl-slider-max'), show(max));
}

export const slider = {
  read: (root, [input]) => numberOf(input) ?? undefined,
  show(root, [input], value) {
    setValue(input, numberText(input, value));
  },
  decorate: (root, fields) => decorateSlider(root, fields, false),
};

export const rangeSlider = {
  read(root, [lowField, highField]) {
    const low = numberOf(lowField);
    const high = numberOf(highField);
    if (low == null || high == null) return undefined;
    return low <= high ? [low, high] : [high, low];
  },
  show(root, [low, high], value) {
    if (Array.isArray(value) && value.length === 2) {
      setValue(low, numberText(low, value[0]));
      setValue(high, numberText(high, value[1]));
    }
  },
  decorate: (root, fields) => decorateSlider(root, fields, true),
  /** Keeps the low thumb at or below the high one while dragging. */
  onInput(root, [low, high], moved) {
    if (!low || !high) return;
    if (numberOf(low) > numberOf(high)) {
      if (moved === low) low.value = high.value;
      else high.value = low.value;
    }
  },
};
