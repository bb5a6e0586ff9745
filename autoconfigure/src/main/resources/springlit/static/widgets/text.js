// Text widgets: text_input (Enter commits, and submits its form when the form says so) and text_area
// (Ctrl/Cmd+Enter commits); both show "n/max" when they have a maximum length.

import { setText, setValue } from './fields.js';
import { showEnterHint } from './formEnter.js';

const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

function showText(root, [input], value) {
  setValue(input, value == null ? '' : String(value));
}

function decorateText(root, [input]) {
  const max = input.getAttribute('maxlength');
  if (max != null) setText(root.querySelector('.sl-char-count'), `${input.value.length}/${max}`);
}

export const textInput = {
  enter: 'commit',
  enterSubmitsForm: true,
  read: (root, [input]) => input.value,
  show: showText,
  decorate(root, fields) {
    decorateText(root, fields);
    showEnterHint(root, root.querySelector('.sl-text-input'));
  },
};

export const textArea = {
  enter: 'with-modifier',
  read: (root, [input]) => input.value,
  show: showText,
  decorate(root, fields) {
    decorateText(root, fields);
    if (IS_MAC) setText(root.querySelector('.sl-input-hint'), 'Press ⌘+Enter to apply');
  },
};
