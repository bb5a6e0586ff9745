// chat_input (st.chatInput, templates/springlit/widgets/chat_input.html): a text area and a send button. It holds
// no value between runs (read gives undefined, so it is never collected or committed like other widgets): Enter
// without Shift, or the button, sends `rerun` with the text under the widget's id and the id as trigger, in one
// message (docs/protocol.md), then empties the field. Shift+Enter makes a new line.

import { setText } from './fields.js';

/** Rows the field grows to before it scrolls. */
const MAX_ROWS = 8;

/** The text to send for what the field holds, or null when there is nothing to send (blank, or over maxChars). */
export function chatSubmission(text, maxChars) {
  if (typeof text !== 'string' || text.trim() === '') return null;
  if (maxChars != null && text.length > maxChars) return null;
  return text;
}

function maxCharsOf(field) {
  const max = field.getAttribute('maxlength');
  return max == null ? null : Number(max);
}

function decorate(root, [field]) {
  const max = maxCharsOf(field);
  if (max != null) setText(root.querySelector('.sl-char-count'), `${field.value.length}/${max}`);
  const send = root.querySelector('[data-sl-chat-send]');
  if (send) send.disabled = field.disabled || chatSubmission(field.value, max) == null;
  field.rows = Math.min(MAX_ROWS, Math.max(1, field.value.split('\n').length));
}

/** Sends what the field holds with `rerun(trigger, carried)` (widgets/values.js) and empties it. */
function submit(root, rerun) {
  const [field] = [...root.querySelectorAll('[data-sl-input]')];
  if (!field || field.disabled) return;
  const text = chatSubmission(field.value, maxCharsOf(field));
  if (text == null) return;
  const id = root.dataset.slWidget;
  if (rerun(id, { [id]: text })) {
    field.value = '';
    decorate(root, [field]);
  }
}

export const chatInput = {
  commitsOnClick: true,
  read: () => undefined,
  show: () => {},
  decorate,
  onEnter(root, event, { rerun }) {
    if (event.shiftKey) return;
    event.preventDefault();
    submit(root, rerun);
  },
  onClick(root, target, event, { rerun }) {
    if (!target.closest('[data-sl-chat-send]')) return false;
    event.preventDefault();
    submit(root, rerun);
    return true;
  },
};

/** How close to the end of the page still counts as "at the bottom" (px). */
const BOTTOM_SLACK = 48;

/**
 * A chat follows its newest message, as Streamlit's does: while a chat input is pinned in the main body and the user
 * is at the bottom of the page, the page stays at the bottom as messages and streamed text make it grow. Scrolling
 * up to read the history stops the following; scrolling back down resumes it.
 */
export function followChat(doc = document, win = window) {
  const main = doc.getElementById('sl-main');
  if (!main || typeof ResizeObserver === 'undefined') return;
  const page = doc.documentElement;
  let atBottom = true;
  win.addEventListener('scroll', () => {
    atBottom = win.innerHeight + win.scrollY >= page.scrollHeight - BOTTOM_SLACK;
  }, { passive: true });
  new ResizeObserver(() => {
    if (atBottom && main.querySelector(':scope > .sl-widget-chat_input')) win.scrollTo(0, page.scrollHeight);
  }).observe(main);
}
