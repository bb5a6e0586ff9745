// What this tab knows about its session and the last run, shared by the modules. Written only on the main
// thread by the message handlers and the connection; read by everyone.

import { SESSION_KEY } from './constants.js';
import { pageOf } from './routes.js';

// sessionStorage may be unavailable (some privacy modes): then the tab just has no session to reclaim.
export function readStorage(key) {
  try { return sessionStorage.getItem(key); } catch (e) { return null; }
}

export function writeStorage(key, value) {
  try {
    if (value == null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (e) { /* ignore */ }
}

export const state = {
  session: readStorage(SESSION_KEY),
  page: document.body.dataset.slPage || pageOf(location.pathname),
  connection: 'connecting',
  running: false,
  ready: false,
  runs: 0,
  run: null,          // number of the last run a delta was received for
  status: null,       // status of the last finished run
  stopped: false,     // true after `busy` or a policy close: never reconnect
  // the page's GET rendered the first run of a session kept for this tab: the first hello adopts it
  adopt: document.querySelector('meta[name="springlit-adopt"]')?.getAttribute('content') || null,
};

/** The number of the last run this tab saw, -1 before any: what a value sent now is answered after. */
export function lastRun() {
  return typeof state.run === 'number' ? state.run : -1;
}
