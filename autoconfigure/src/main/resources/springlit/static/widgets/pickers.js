// Picker widgets: date_input and time_input (ISO text; a date typed digit by digit changes on every digit,
// so those commit on Enter or when the field is left) and color_picker (hex, compared in lower case).

import { setText, setValue } from './fields.js';

const dateOrTime = {
  enter: 'commit',
  typedInParts: true,
  read: (root, [input]) => (input.value === '' ? null : input.value),
  show(root, [input], value) {
    setValue(input, value == null ? '' : String(value));
  },
};

export const dateInput = dateOrTime;
export const timeInput = dateOrTime;

export const colorPicker = {
  read: (root, [input]) => input.value.toLowerCase(),
  show(root, [input], value) {
    setValue(input, typeof value === 'string' ? value.toLowerCase() : '#000000');
  },
  normal: (value) => (typeof value === 'string' ? value.toLowerCase() : value),
  decorate(root, [input]) {
    setText(root.querySelector('.sl-color-hex'), input.value);
  },
};
