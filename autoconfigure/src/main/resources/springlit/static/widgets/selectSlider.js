// select_slider (Streamlit's st.select_slider): a slider over option positions
// (templates/springlit/widgets/select_slider.html), one range input or two (data-sl-part low/high) for a range.
// The wire value is an option index, or [start, end] indices; the labels come from the widget's <datalist>.

import { numberOf, setText, setValue } from './fields.js';
import { rangeSlider } from './numbers.js';

function read(root, fields) {
  const start = numberOf(fields[0]);
  if (start == null) return undefined;
  if (fields.length < 2) return start;
  const end = numberOf(fields[1]);
  if (end == null) return undefined;
  return start <= end ? [start, end] : [end, start];
}

function show(root, fields, value) {
  const values = Array.isArray(value) ? value : [value];
  fields.forEach((field, i) => setValue(field, values[i] == null ? '' : String(values[i])));
}

function decorate(root, fields) {
  const labels = [...root.querySelectorAll('datalist option')].map((o) => o.label);
  const last = Math.max(1, labels.length - 1);
  const positions = fields.map((f) => numberOf(f) ?? 0);
  const lo = fields.length < 2 ? 0 : positions[0] / last;
  const hi = positions[positions.length - 1] / last;
  const track = root.querySelector('.sl-slider-track');
  if (track) {
    track.style.setProperty('--sl-lo', String(lo));
    track.style.setProperty('--sl-hi', String(hi));
    track.style.setProperty('--sl-pos', String(fields.length < 2 ? hi : (lo + hi) / 2));
  }
  setText(root.querySelector('.sl-slider-value'), positions.map((p) => labels[p] ?? '').join(' – '));
}

export const selectSlider = {
  read,
  show,
  decorate,
  /** A range keeps its start thumb at or below its end thumb while dragging, as range_slider does. */
  onInput(root, fields, moved) {
    if (fields.length > 1) rangeSlider.onInput(root, fields, moved);
  },
};
