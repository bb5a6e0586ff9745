// Stop: a button beside the "Running…" indicator that ends the running run on the server (a stream included) with
// the `stop` message (docs/protocol.md), as Streamlit's Stop does. What the run drew stays.

import { MSG } from './constants.js';
import { send } from './connection.js';

/** Adds the Stop button to #sl-running once. */
export function installStop(doc = document) {
  const running = doc.getElementById('sl-running');
  if (!running || running.querySelector('.sl-stop')) return;
  const button = doc.createElement('input');
  button.type = 'button';
  button.className = 'sl-stop';
  button.value = 'Stop';
  button.addEventListener('click', () => send({ type: MSG.STOP }));
  running.append(button);
}
