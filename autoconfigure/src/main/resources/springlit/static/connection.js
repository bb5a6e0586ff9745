// The WebSocket to the server: opens the stream named by <body data-sl-stream>, says `hello`, hands every
// message to the handler main wires in, and reconnects with backoff until the server says stop (`busy`, a
// policy close). Sending goes through send(): a message for a closed socket is dropped with a notice.

import {
  BACKOFF_MAX_MS, BACKOFF_MIN_MS, CLOSE_GOING_AWAY, CLOSE_POLICY, DEFAULT_STREAM_PATH, MSG, PROTOCOL,
} from './constants.js';
import { createSequence } from './sequence.js';
import { state } from './state.js';
import { pageOf } from './routes.js';
import { setConnection, setRunning, showNotice } from './notices.js';
import { browserContext } from './context.js';

let socket = null;
let attempt = 0;          // reconnect attempts since the last `session` message
let reconnectTimer = 0;
let everConnected = false;
let unloading = false;
let hooks = { widgets: () => ({}), onMessage: () => {} };
// S9.3: interactions are numbered; those the server has not acknowledged are kept and re-sent after a
// reconnect, to whichever server the tab lands on (a server applies each number once).
const numbering = createSequence();

/**
 * The delay before reconnect attempt `attempt` (0 first): doubling from BACKOFF_MIN_MS, at most
 * BACKOFF_MAX_MS, spread by ±25 % (`random` in [0, 1)) so that tabs of a restarted server do not all come
 * back at once.
 */
export function backoffDelay(attempt, random = Math.random) {
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  return Math.min(BACKOFF_MAX_MS, base * (0.75 + random() * 0.5));
}

/**
 * Whether `hello` may say the tab still shows what its session's runs drew (S9.2: a server taking the session
 * over from the store then runs nothing): a reconnect (`reclaim`) of a page a run drew (`runs` > 0), not a
 * reload. Not with a fragment on the page: its `runEvery` timer starts on a server only when a run draws it.
 */
export function showsSessionPage(reclaim, runs, root) {
  return !!reclaim && runs > 0 && !root.querySelector('[data-sl-block="fragment"]');
}

/**
 * What the connection needs from the rest of the client: `widgets()` the values on screen for `hello`
 * (after a server restart they let the new session show what the tab shows, S1.5), `onMessage(msg)`.
 */
export function configure({ widgets, onMessage }) {
  hooks = { widgets, onMessage };
}

function streamUrl() {
  // relative to the shell's <base href>: the app's root, under a context path or a proxy's prefix too
  const url = new URL(document.body.dataset.slStream || DEFAULT_STREAM_PATH, document.baseURI);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  return url.href;
}

export function connect(reclaim) {
  clearTimeout(reconnectTimer);
  reconnectTimer = 0;
  if (state.stopped || unloading) return;
  setConnection(everConnected || attempt > 0 ? 'disconnected' : 'connecting');
  let ws;
  try {
    ws = new WebSocket(streamUrl());
  } catch (e) {
    console.warn('[springlit] cannot open WebSocket', e);
    scheduleReconnect();
    return;
  }
  socket = ws;
  ws.onopen = () => {
    if (socket !== ws) return;
    everConnected = true;
    setConnection('connected');
    sendRaw(browserContext()); // before hello, so the first run sees the browser's locale, zone and theme
    sendRaw({
      type: MSG.HELLO,
      protocol: PROTOCOL,
      session: state.session || null,
      page: pageOf(location.pathname),
      query: location.search,
      reclaim: !!reclaim,
      widgets: hooks.widgets(),
      shown: showsSessionPage(reclaim, state.runs, document),
      adopt: takeAdoptToken(),
    });
  };
  ws.onmessage = (event) => {
    if (socket !== ws) return;
    let msg;
    try {
      msg = JSON.parse(event.data);
    } catch (e) {
      console.warn('[springlit] unreadable message', event.data);
      return;
    }
    try {
      hooks.onMessage(msg);
    } catch (e) {
      console.error('[springlit] failed to handle message', msg, e);
    }
  };
  ws.onerror = () => { /* a close event follows */ };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    setRunning(false);
    if (event.code === CLOSE_GOING_AWAY && !state.stopped && !unloading) {
      // the server is stopping or its session moved (S9.7): reconnect at once, through the load balancer
      attempt = 0;
      setConnection('disconnected');
      clearTimeout(reconnectTimer);
      reconnectTimer = setTimeout(() => { reconnectTimer = 0; connect(true); }, Math.random() * 50);
      return;
    }
    if (event.code === CLOSE_POLICY) {
      stop(event.reason || 'The server refused the connection.');
      return;
    }
    if (state.stopped || unloading) {
      setConnection('disconnected');
      return;
    }
    scheduleReconnect();
  };
}

/**
 * The token of the first run the page's GET rendered (docs/protocol.md, `adopt`): single-use, so only the first
 * hello carries it; a later one (a reconnect) is answered as a tab that comes back.
 */
function takeAdoptToken() {
  const token = state.adopt;
  state.adopt = null;
  return token || undefined;
}

function scheduleReconnect() {
  setConnection('disconnected');
  if (state.stopped || unloading || reconnectTimer) return;
  const delay = backoffDelay(attempt);
  attempt++;
  reconnectTimer = setTimeout(() => { reconnectTimer = 0; connect(true); }, delay);
}

/** The server accepted the tab (a `session` message): the next reconnect starts at the shortest delay. */
export function resetBackoff() {
  attempt = 0;
}

/** Gives up for good (server busy, policy violation): no more reconnects, a permanent notice. */
export function stop(message) {
  state.stopped = true;
  clearTimeout(reconnectTimer);
  reconnectTimer = 0;
  setRunning(false);
  setConnection('disconnected');
  showNotice(message, { level: 'error', permanent: true });
  const ws = socket;
  socket = null;
  if (ws && ws.readyState <= WebSocket.OPEN) ws.close(1000);
}

export function isOpen() {
  return socket !== null && socket.readyState === WebSocket.OPEN;
}

/** The socket in use, null between connections. */
export function currentSocket() {
  return socket;
}

function sendRaw(msg) {
  if (!isOpen()) return false;
  socket.send(JSON.stringify(msg));
  return true;
}

/**
 * Sends a client message (an object with a `type`). `rerun` and `navigate` turn the running indicator on.
 * Returns false when the socket is not open (the message is dropped).
 */
export function send(msg) {
  // only what goes out is numbered and kept: a message dropped here stays pending in its widget (as before)
  if (msg.type === MSG.RERUN && isOpen()) numbering.number(msg);
  if (!sendRaw(msg)) {
    if (!state.stopped) showNotice('Not connected to the server. Reconnecting…', { level: 'warning', timeout: 3000 });
    return false;
  }
  if (msg.type === MSG.RERUN || msg.type === MSG.NAVIGATE) setRunning(true);
  return true;
}

/** The page unloads (pagehide) or comes back from the back/forward cache (pageshow). */
export function setUnloading(value) {
  unloading = value;
  if (!value && !socket && !state.stopped) connect(true);
}

/** The browser is online again: a waiting reconnect happens now. */
export function reconnectNow() {
  if (!socket && !state.stopped && reconnectTimer) connect(true);
}

/**
 * What the server acknowledged (S9.3): `seq`, the last interaction its stored state includes. With `attached`
 * (the answer to hello) the rest is re-sent now (see sequence.js).
 */
export function acknowledge(seq, options) {
  const resend = numbering.acknowledge(seq, options);
  for (const msg of resend) sendRaw(msg);
  if (resend.length) setRunning(true);
}
