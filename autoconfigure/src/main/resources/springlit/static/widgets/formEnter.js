// Enter in a form (S6.1): which submit button Enter uses, and the hint a text or number input shows while the
// user types ("Press Enter to apply" outside forms, "Press Enter to submit form" when Enter submits its form,
// nothing when it does not). Reads the DOM only.

import { FORM_ROOT, SUBMIT_FOR } from '../constants.js';

export function formRoot(form) {
  for (const el of document.querySelectorAll(FORM_ROOT)) {
    if (el.getAttribute('data-sl-form-root') === form) return el;
  }
  return null;
}

/** The form's first submit button (its own ones first, then any elsewhere on the page), or undefined. */
export function firstSubmitButton(form) {
  const owner = formRoot(form);
  const ofForm = (el) => el.getAttribute('data-sl-submit-for') === form;
  return (owner && [...owner.querySelectorAll(SUBMIT_FOR)].find(ofForm))
    || [...document.querySelectorAll(SUBMIT_FOR)].find(ofForm);
}

/**
 * Whether Enter in a text or number input of `form` submits it: the form has data-sl-enter-to-submit and its
 * first submit button is enabled (a later enabled one does not count, as in Streamlit).
 */
export function enterSubmits(form) {
  const owner = formRoot(form);
  if (!owner || !owner.hasAttribute('data-sl-enter-to-submit')) return false;
  const button = firstSubmitButton(form);
  return !!button && !button.disabled;
}

/** The hint under a single-line input of widget `root` while the user types in it ('' for none). */
export function enterHintText(root) {
  const form = root.dataset.slForm;
  if (form == null) return 'Press Enter to apply';
  return enterSubmits(form) ? 'Press Enter to submit form' : '';
}

/**
 * Puts the hint in the input's foot (.sl-input-foot in `box`, created when the template has none, as for
 * number inputs). Shown by the stylesheet only while the widget has data-sl-typing.
 */
export function showEnterHint(root, box) {
  if (!box) return;
  let hint = box.querySelector('.sl-input-hint');
  if (!hint) {
    let foot = box.querySelector('.sl-input-foot');
    if (!foot) {
      foot = document.createElement('div');
      foot.className = 'sl-input-foot';
      foot.setAttribute('aria-hidden', 'true');
      box.append(foot);
    }
    hint = document.createElement('span');
    hint.className = 'sl-input-hint';
    foot.prepend(hint);
  }
  const text = enterHintText(root);
  if (hint.textContent !== text) hint.textContent = text;
}
