// The indicators (#sl-connection, #sl-running, the body's data-sl-* state) and the notices in #sl-notice.

import { NOTICE_MS } from './constants.js';
import { state } from './state.js';

const CONNECTION_TEXT = { connecting: 'Connecting…', connected: '', disconnected: 'Reconnecting…' };

export function setConnection(value) {
  state.connection = value;
  document.body.dataset.slConnection = value;
  const el = document.getElementById('sl-connection');
  if (el) {
    el.dataset.state = value;
    el.textContent = value === 'disconnected' && state.stopped ? 'Disconnected' : CONNECTION_TEXT[value];
  }
}

export function setRunning(value) {
  state.running = value;
  document.body.dataset.slRunning = String(value);
  document.getElementById('sl-running')?.classList.toggle('sl-active', value);
}

/**
 * Shows a message in #sl-notice. Options: level ("error"|"warning"|"info"), timeout (ms, default 8 s),
 * permanent (never hides by itself). Every notice can be dismissed; an equal one is not shown twice.
 */
export function showNotice(text, { level = 'error', timeout = NOTICE_MS, permanent = false } = {}) {
  const box = document.getElementById('sl-notice');
  if (!box) return;
  let item = [...box.children].find((el) => el.dataset.text === text);
  if (!item) {
    item = document.createElement('div');
    item.className = `sl-notice-item sl-notice-${level}`;
    item.setAttribute('role', level === 'error' ? 'alert' : 'status');
    item.dataset.text = text;
    const span = document.createElement('span');
    span.className = 'sl-notice-text';
    span.textContent = text;
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'sl-notice-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => item.remove());
    item.append(span, close);
    box.append(item);
  }
  clearTimeout(Number(item.dataset.timer));
  if (permanent) {
    item.classList.add('sl-notice-permanent');
    delete item.dataset.timer;
  } else if (!item.classList.contains('sl-notice-permanent')) {
    item.dataset.timer = String(setTimeout(() => item.remove(), timeout));
  }
}
