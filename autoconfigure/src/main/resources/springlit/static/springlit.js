// Springlit browser client: a vanilla ES module, no build step, no dependencies.
//
// It opens the WebSocket named by <body data-sl-stream>, says `hello`, applies the server's `delta` ops
// to the page, and sends `rerun` (button clicks, widget values) and `navigate` (sidebar links, back/forward).
// The wire protocol is docs/protocol.md; this file implements its client side.
//
// DOM contract (see templates/springlit/shell.html and elements.html):
//   body[data-sl-stream]           WebSocket path, e.g. "/_springlit/stream"
//   body[data-sl-page]             current page path (kept up to date)
//   [data-sl-root="0"|"1"]         root containers (main body, sidebar)
//   [data-sl-children]             where a block element's children live
//   [data-sl-widget][data-sl-trigger]  clickable trigger (button): sends rerun with trigger = widget id
//   [data-sl-widget][data-sl-input]    value widget read by collectWidgets()
//   a[data-sl-nav]                 page link handled without a full reload
//   #sl-running, #sl-connection, #sl-notice   indicators
// State published on <body> for tests: data-sl-connection ("connecting"|"connected"|"disconnected"),
//   data-sl-running ("true"|"false"), data-sl-ready ("true" after the first finished run),
//   data-sl-runs (number of finished runs), data-sl-status (status of the last finished run).

const PROTOCOL = 1;
const SESSION_KEY = 'springlit.session';
const UNLOADED_KEY = 'springlit.unloaded';
const BACKOFF_MIN_MS = 250;
const BACKOFF_MAX_MS = 5000;
const NOTICE_MS = 8000;

const body = document.body;

const state = {
  session: readStorage(SESSION_KEY),
  page: body.dataset.slPage || location.pathname,
  connection: 'connecting',
  running: false,
  ready: false,
  runs: 0,
  run: null,          // number of the last run a delta was received for
  status: null,       // status of the last finished run
  stopped: false,     // true after `busy` or a policy close: never reconnect
};

let socket = null;
let attempt = 0;          // reconnect attempts since the last `session` message
let reconnectTimer = 0;
let everConnected = false;
let unloading = false;

// ---------------------------------------------------------------------------------------------------------
// Connection

function streamUrl() {
  const url = new URL(body.dataset.slStream || '/_springlit/stream', location.href);
  if (url.protocol === 'https:') url.protocol = 'wss:';
  else if (url.protocol === 'http:') url.protocol = 'ws:';
  return url.href;
}

function connect(reclaim) {
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
    sendRaw({
      type: 'hello',
      protocol: PROTOCOL,
      session: state.session || null,
      page: location.pathname,
      query: location.search,
      reclaim: !!reclaim,
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
      handle(msg);
    } catch (e) {
      console.error('[springlit] failed to handle message', msg, e);
    }
  };
  ws.onerror = () => { /* a close event follows */ };
  ws.onclose = (event) => {
    if (socket !== ws) return;
    socket = null;
    setRunning(false);
    if (event.code === 1008) {
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

function scheduleReconnect() {
  setConnection('disconnected');
  if (state.stopped || unloading || reconnectTimer) return;
  const base = Math.min(BACKOFF_MAX_MS, BACKOFF_MIN_MS * 2 ** attempt);
  const delay = Math.min(BACKOFF_MAX_MS, base * (0.75 + Math.random() * 0.5));
  attempt++;
  reconnectTimer = setTimeout(() => { reconnectTimer = 0; connect(true); }, delay);
}

/** Gives up for good (server busy, policy violation): no more reconnects, a permanent notice. */
function stop(message) {
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

function isOpen() {
  return socket !== null && socket.readyState === WebSocket.OPEN;
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
function send(msg) {
  if (!sendRaw(msg)) {
    if (!state.stopped) showNotice('Not connected to the server. Reconnecting…', { level: 'warning', timeout: 3000 });
    return false;
  }
  if (msg.type === 'rerun' || msg.type === 'navigate') setRunning(true);
  return true;
}

// ---------------------------------------------------------------------------------------------------------
// Server messages

function handle(msg) {
  switch (msg.type) {
    case 'session':
      state.session = msg.id;
      writeStorage(SESSION_KEY, msg.id);
      attempt = 0;
      if (msg.reset) {
        for (const root of document.querySelectorAll('[data-sl-root]')) root.replaceChildren();
      }
      // The answer to hello names the page the session shows; it is not a navigation, so replace.
      if (typeof msg.page === 'string') showPage(msg.page, msg.title, true);
      break;
    case 'delta':
      applyDelta(msg);
      break;
    case 'page':
      showPage(msg.path, msg.title, false);
      break;
    case 'error':
      console.warn('[springlit] server error', msg.code, msg.message);
      showNotice(msg.message || msg.code || 'Error', { level: 'error' });
      break;
    case 'busy':
      console.warn('[springlit] server busy', msg.message);
      stop(msg.message || 'The server is busy. Please try again later.');
      break;
    default:
      console.warn('[springlit] unknown message type', msg.type);
  }
}

function applyDelta(msg) {
  if (typeof msg.run === 'number') state.run = msg.run;
  for (const op of msg.ops || []) {
    try {
      applyOp(op);
    } catch (e) {
      console.error('[springlit] cannot apply op', op, e);
    }
  }
  if (msg.status == null) {
    setRunning(true);
  } else {
    state.status = msg.status;
    state.runs++;
    state.ready = true;
    body.dataset.slStatus = msg.status;
    body.dataset.slRuns = String(state.runs);
    body.dataset.slReady = 'true';
    setRunning(false);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Ops

/** The container addressed by `path`: path[0] is the root, every further number a child's children. */
function resolveContainer(path) {
  let container = document.querySelector(`[data-sl-root="${Number(path[0])}"]`);
  if (!container) throw new Error(`no root container ${path[0]}`);
  for (let i = 1; i < path.length; i++) {
    const child = container.children[path[i]];
    if (!child) throw new Error(`no element at ${path.slice(0, i + 1)}`);
    container = child.hasAttribute('data-sl-children') ? child : child.querySelector('[data-sl-children]');
    if (!container) throw new Error(`element at ${path.slice(0, i + 1)} has no children`);
  }
  return container;
}

function applyOp(op) {
  if (!Array.isArray(op.path) || op.path.length === 0) throw new Error('bad path');
  switch (op.op) {
    case 'set': {
      if (op.path.length < 2) throw new Error('set needs a child index');
      const container = resolveContainer(op.path.slice(0, -1));
      const index = op.path[op.path.length - 1];
      const node = parseElement(op.html);
      while (container.children.length < index) container.append(placeholder());
      const old = container.children[index];
      if (old) replaceElement(old, node);
      else container.append(node);
      break;
    }
    case 'trim': {
      const container = resolveContainer(op.path);
      while (container.children.length > op.length) container.lastElementChild.remove();
      break;
    }
    default:
      throw new Error(`unknown op ${op.op}`);
  }
}

const template = document.createElement('template');

function parseElement(html) {
  template.innerHTML = html == null ? '' : String(html);
  const node = template.content.firstElementChild;
  template.innerHTML = '';
  return node || placeholder();
}

function placeholder() {
  const div = document.createElement('div');
  div.className = 'sl-el sl-placeholder';
  return div;
}

/** The widget id an element stands for: its own data-sl-widget, or that of its first descendant widget. */
function widgetId(el) {
  if (el.hasAttribute('data-sl-widget')) return el.getAttribute('data-sl-widget');
  const inner = el.querySelector('[data-sl-widget]');
  return inner ? inner.getAttribute('data-sl-widget') : null;
}

/**
 * Replaces `old` with `node`, keeping focus and caret: when the focus is inside `old` and `node` is the same
 * widget, `old` is patched in place (morph) instead of replaced, and the focused field's value is left alone.
 */
function replaceElement(old, node) {
  const active = document.activeElement;
  if (!active || active === body || !old.contains(active)) {
    old.replaceWith(node);
    return;
  }
  const id = widgetId(old);
  const same = old.tagName === node.tagName && id === widgetId(node)
      && (id !== null || old.className === node.className);
  if (same) {
    morph(old, node);
    return;
  }
  old.replaceWith(node);
  // Different markup: at least put the focus back on the same widget if it is still there.
  const activeId = active.closest('[data-sl-widget]')?.getAttribute('data-sl-widget');
  if (activeId != null) {
    const target = [...node.querySelectorAll('[data-sl-widget]')]
        .find((el) => el.getAttribute('data-sl-widget') === activeId);
    target?.focus({ preventScroll: true });
  }
}

/** Makes `old` look like `next` while keeping `old`'s nodes where their tag matches. */
function morph(old, next) {
  // Attributes.
  for (const { name } of [...old.attributes]) {
    if (!next.hasAttribute(name)) old.removeAttribute(name);
  }
  for (const { name, value } of [...next.attributes]) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  // Live state of form fields: never overwrite what the user is typing in.
  if (old !== document.activeElement) {
    if (old instanceof HTMLInputElement && (old.type === 'checkbox' || old.type === 'radio')) {
      if (old.checked !== next.checked) old.checked = next.checked;
    } else if (old instanceof HTMLInputElement || old instanceof HTMLTextAreaElement) {
      if (old.value !== next.value) old.value = next.value;
    }
  }
  if (old instanceof HTMLTextAreaElement) return; // its children are the default value only
  // Children, pairwise.
  const oldKids = [...old.childNodes];
  const newKids = [...next.childNodes];
  for (let i = 0; i < newKids.length; i++) {
    const a = oldKids[i];
    const b = newKids[i];
    if (!a) {
      old.append(b);
    } else if (a.nodeType !== b.nodeType) {
      a.replaceWith(b);
    } else if (a.nodeType === Node.ELEMENT_NODE) {
      const sameKind = a.tagName === b.tagName
          && a.getAttribute('data-sl-widget') === b.getAttribute('data-sl-widget');
      if (sameKind) morph(a, b);
      else a.replaceWith(b);
    } else if (a.nodeValue !== b.nodeValue) {
      a.nodeValue = b.nodeValue;
    }
  }
  for (let i = newKids.length; i < oldKids.length; i++) oldKids[i].remove();
  if (old instanceof HTMLSelectElement && old !== document.activeElement && old.value !== next.value) {
    old.value = next.value;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Widgets

/**
 * The current values of the widgets on screen, as widget id → value.
 * Every element marked [data-sl-widget][data-sl-input] counts. Its value is, in this order:
 *  - JSON.parse(data-sl-value) when the element carries data-sl-value (custom widgets keep their value there);
 *  - for <input type=checkbox|radio>: checked;
 *  - for <input type=number|range>: valueAsNumber, or null when empty/invalid;
 *  - for <select multiple>: the array of selected values;
 *  - for any other input, textarea or select: value.
 * Other elements without data-sl-value are skipped. (Forms and file uploads will extend this.)
 */
function collectWidgets(scope = document) {
  const widgets = {};
  for (const el of scope.querySelectorAll('[data-sl-widget][data-sl-input]')) {
    const id = el.getAttribute('data-sl-widget');
    if (el.hasAttribute('data-sl-value')) {
      try {
        widgets[id] = JSON.parse(el.getAttribute('data-sl-value'));
      } catch (e) {
        console.warn('[springlit] bad data-sl-value on widget', id, e);
      }
    } else if (el instanceof HTMLInputElement) {
      if (el.type === 'checkbox' || el.type === 'radio') widgets[id] = el.checked;
      else if (el.type === 'number' || el.type === 'range') widgets[id] = Number.isNaN(el.valueAsNumber) ? null : el.valueAsNumber;
      else widgets[id] = el.value;
    } else if (el instanceof HTMLSelectElement && el.multiple) {
      widgets[id] = [...el.selectedOptions].map((o) => o.value);
    } else if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) {
      widgets[id] = el.value;
    }
  }
  return widgets;
}

function rerun(trigger) {
  return send({ type: 'rerun', widgets: collectWidgets(), trigger: trigger ?? null });
}

// ---------------------------------------------------------------------------------------------------------
// Navigation

function navigate(pathname) {
  return send({ type: 'navigate', page: pathname });
}

function showPage(path, title, replace) {
  if (typeof title === 'string') document.title = title;
  if (typeof path !== 'string') return;
  if (path !== location.pathname) {
    if (replace) history.replaceState(history.state, '', path);
    else history.pushState({}, '', path);
  }
  state.page = path;
  body.dataset.slPage = path;
  markNav(path);
}

function markNav(pathname) {
  let icon = null;
  for (const a of document.querySelectorAll('a[data-sl-nav]')) {
    const current = new URL(a.href, location.href).pathname === pathname;
    a.classList.toggle('sl-nav-current', current);
    if (current) {
      a.setAttribute('aria-current', 'page');
      icon = a.querySelector('.sl-nav-icon')?.textContent.trim() || null;
    } else {
      a.removeAttribute('aria-current');
    }
  }
  if (icon) setFavicon(icon);
}

function setFavicon(icon) {
  let link = document.querySelector('link[rel="icon"]');
  if (!link) {
    link = document.createElement('link');
    link.rel = 'icon';
    document.head.append(link);
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100"><text y=".9em" font-size="90">${
    icon.replace(/[<>&"]/g, '')}</text></svg>`;
  link.href = 'data:image/svg+xml,' + encodeURIComponent(svg);
}

function onNavClick(event, a) {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  if (a.target && a.target !== '_self') return;
  if (a.hasAttribute('download')) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  if (!isOpen()) {
    location.href = url.href; // no live session: a normal page load
    return;
  }
  if (url.pathname + url.search !== location.pathname + location.search) {
    history.pushState({}, '', url.pathname + url.search + url.hash);
  }
  state.page = url.pathname;
  body.dataset.slPage = url.pathname;
  markNav(url.pathname);
  navigate(url.pathname);
}

// ---------------------------------------------------------------------------------------------------------
// Indicators and notices

const CONNECTION_TEXT = { connecting: 'Connecting…', connected: '', disconnected: 'Reconnecting…' };

function setConnection(value) {
  state.connection = value;
  body.dataset.slConnection = value;
  const el = document.getElementById('sl-connection');
  if (el) {
    el.dataset.state = value;
    el.textContent = value === 'disconnected' && state.stopped ? 'Disconnected' : CONNECTION_TEXT[value];
  }
}

function setRunning(value) {
  state.running = value;
  body.dataset.slRunning = String(value);
  document.getElementById('sl-running')?.classList.toggle('sl-active', value);
}

/**
 * Shows a message in #sl-notice. Options: level ("error"|"warning"|"info"), timeout (ms, default 8 s),
 * permanent (never hides by itself). Every notice can be dismissed; an equal one is not shown twice.
 */
function showNotice(text, { level = 'error', timeout = NOTICE_MS, permanent = false } = {}) {
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

// ---------------------------------------------------------------------------------------------------------
// Storage (sessionStorage may be unavailable, e.g. in some privacy modes)

function readStorage(key) {
  try { return sessionStorage.getItem(key); } catch (e) { return null; }
}

function writeStorage(key, value) {
  try {
    if (value == null) sessionStorage.removeItem(key);
    else sessionStorage.setItem(key, value);
  } catch (e) { /* ignore */ }
}

// ---------------------------------------------------------------------------------------------------------
// Start

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : event.target?.parentElement;
  if (!target) return;
  const nav = target.closest('a[data-sl-nav]');
  if (nav) {
    onNavClick(event, nav);
    return;
  }
  const trigger = target.closest('[data-sl-trigger]');
  if (!trigger || trigger.matches(':disabled') || trigger.getAttribute('aria-disabled') === 'true') return;
  const id = trigger.getAttribute('data-sl-widget');
  if (id == null) return;
  event.preventDefault();
  rerun(id);
});

window.addEventListener('popstate', () => {
  if (location.pathname === state.page) return; // e.g. only the #hash changed
  state.page = location.pathname;
  body.dataset.slPage = location.pathname;
  markNav(location.pathname);
  // When disconnected, the hello of the next connection carries the new path.
  if (isOpen()) navigate(location.pathname);
});

// Refresh detection: a tab that unloads marks itself, so the reloaded page reclaims its session, while a
// duplicated tab (which copies sessionStorage but never unloaded) gets its own.
window.addEventListener('pagehide', () => {
  unloading = true;
  writeStorage(UNLOADED_KEY, '1');
});

window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return; // restored from the back/forward cache
  unloading = false;
  writeStorage(UNLOADED_KEY, null);
  if (!socket && !state.stopped) connect(true);
});

window.addEventListener('online', () => {
  if (!socket && !state.stopped && reconnectTimer) connect(true);
});

const reclaim = readStorage(UNLOADED_KEY) === '1';
writeStorage(UNLOADED_KEY, null);

body.dataset.slRunning = 'false';
body.dataset.slRuns = '0';
if (!body.dataset.slReady) body.dataset.slReady = 'false';
markNav(state.page);
connect(reclaim);

window.springlit = Object.freeze({
  send,
  state,
  get socket() { return socket; },
});
