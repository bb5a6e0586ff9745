// The server's `redirect` message (st.login(), st.logout()): the tab leaves for another URL. A GET is a plain
// navigation; a POST submits a form carrying the CSRF token, as Spring Security's logout expects. With
// `forget`, the tab first drops its session id: the session it had ends, and the next page starts afresh.

import { SESSION_KEY } from './constants.js';
import { state, writeStorage } from './state.js';

/** Whether `url` stays on this origin: the server only ever sends its own URLs, and nothing else is followed. */
export function sameOrigin(url, base) {
  try {
    return new URL(url, base).origin === new URL(base).origin;
  } catch (e) {
    return false;
  }
}

export function redirect(msg) {
  if (typeof msg.url !== 'string' || !sameOrigin(msg.url, location.href)) {
    console.warn('[springlit] redirect refused', msg.url);
    return;
  }
  if (msg.forget) {
    state.session = null;
    writeStorage(SESSION_KEY, null);
  }
  if (msg.method !== 'POST') {
    location.assign(msg.url);
    return;
  }
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = msg.url;
  form.hidden = true;
  if (msg.token && typeof msg.token.name === 'string' && typeof msg.token.value === 'string') {
    const field = document.createElement('input');
    field.type = 'hidden';
    field.name = msg.token.name;
    field.value = msg.token.value;
    form.append(field);
  }
  document.body.append(form);
  form.submit();
}
