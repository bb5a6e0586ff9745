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
//   [data-sl-widget][data-sl-kind]     value widget root (elements.html fragment `widget`): data-sl-value holds
//                                  the server's value (JSON), data-sl-form the form key; its fields carry
//                                  [data-sl-input]; a committed change sends rerun {id: value} (see Widgets)
//   [data-sl-dropzone], [data-sl-remove]  file uploader: drop target, remove button (value = upload id)
//   a[data-sl-trigger][download]   download button: the click downloads and sends the trigger
//   [data-sl-widget][data-sl-input]    custom value widget whose value is JSON in its data-sl-value
//   a[data-sl-nav]                 page link handled without a full reload
//   [data-sl-block="<kind>"]       block (container) root, fragment `block`: its children live in its first
//                                  [data-sl-children]. Client-side state: expander <details open>, the selected
//                                  tab (tabs root data-sl-selected = index; [data-sl-tab] strip buttons, tab
//                                  blocks hidden unless selected), popover panel (.sl-popover-toggle,
//                                  .sl-popover-panel); kept when the server redraws the same block
//   [data-sl-table="interactive"]  interactive table: one page of the rows in .sl-table-data drawn into its
//                                  <tbody>; th[data-sl-col][aria-sort] sort on click, .sl-page-prev/.sl-page-next
//                                  page, .sl-page-info reads "rows a–b of n" (root data-sl-page = page index)
//   .sl-chart                      Chart.js chart (loaded on first use); data-sl-chart-ready="true" once drawn
//   .sl-toast                      fixed notification, stacked by the client; data-sl-faded="true" once gone
//   [data-sl-form-root="<key>"]    form block ([data-sl-enter-to-submit], [data-sl-clear-on-submit])
//   [data-sl-submit-for="<key>"]   a form's submit button (also [data-sl-trigger]): sends the form's pending values
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
      // After a server restart the session is gone: these values let the new one show what the tab shows (S1.5).
      widgets: collectWidgets(),
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
        pendingForms.clear();
        afterOps();
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
    case 'query':
      // Query parameters written by the page: shown in the address bar without a reload or a history entry.
      if (typeof msg.search === 'string' && msg.search !== location.search) {
        history.replaceState(history.state, '', location.pathname + msg.search + location.hash);
      }
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
    if (msg.status !== 'rerun' && msg.status !== 'interrupted') settleWidgets(msg.run);
  }
  afterOps();
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
      const before = old ? dataState(old) : null;
      let live = node;
      if (old && isBlock(old) && isBlock(node)) live = replaceBlock(old, node);
      else if (old) live = replaceElement(old, node);
      else container.append(node);
      initWidgets(live);
      initBlocks(live);
      initData(live, before);
      refreshOwner(container);
      break;
    }
    case 'trim': {
      const container = resolveContainer(op.path);
      while (container.children.length > op.length) container.lastElementChild.remove();
      refreshOwner(container);
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
  if (node) applyStyles(node);
  return node || placeholder();
}

// The server's templates put inline styles (a column's weight, a chart's height, a progress bar's width) in
// data-sl-style: the Content-Security-Policy forbids style attributes in markup, but not styles set here.
function applyStyles(node) {
  if (node.hasAttribute('data-sl-style')) node.style.cssText = node.getAttribute('data-sl-style');
  for (const el of node.querySelectorAll('[data-sl-style]')) el.style.cssText = el.getAttribute('data-sl-style');
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
 * widget, `old` is patched in place (morph) instead of replaced. A value widget the user is typing in keeps
 * what is typed; otherwise the server's value shows, focused or not. Returns the node now in the page.
 */
function replaceElement(old, node) {
  const active = document.activeElement;
  if (!active || active === body || !old.contains(active)) {
    old.replaceWith(node);
    return node;
  }
  const id = widgetId(old);
  const same = old.tagName === node.tagName && id === widgetId(node)
      && old.getAttribute('data-sl-kind') === node.getAttribute('data-sl-kind')
      && (id !== null || old.className === node.className);
  if (same) {
    morph(old, node);
    return old;
  }
  old.replaceWith(node);
  // Different markup: at least put the focus back on the same widget if it is still there.
  const activeId = active.closest('[data-sl-widget]')?.getAttribute('data-sl-widget');
  if (activeId != null) {
    const target = [node, ...node.querySelectorAll('[data-sl-widget]')]
        .find((el) => el.getAttribute('data-sl-widget') === activeId);
    const field = target && !target.matches('[data-sl-input], button, a')
      ? target.querySelector('[data-sl-input]') || target : target;
    field?.focus({ preventScroll: true });
  }
  return node;
}

/**
 * Whether morph must leave a form field's live value alone: the user is typing in its widget, or the value
 * it sent is not answered yet (the run that answers it ends with the server's value, see settleWidgets).
 */
function keepsLiveValue(field) {
  const root = field.closest(WIDGET);
  return root ? !!root._slTyping || root._slSent !== undefined : field === document.activeElement;
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
  if (old instanceof HTMLTextAreaElement && old.defaultValue !== next.defaultValue) {
    old.defaultValue = next.defaultValue; // leaves a value the user changed alone
  }
  // Live state of form fields: never overwrite what the user is typing in.
  if ((old instanceof HTMLInputElement || old instanceof HTMLTextAreaElement) && !keepsLiveValue(old)) {
    if (old instanceof HTMLInputElement && (old.type === 'checkbox' || old.type === 'radio')) {
      if (old.checked !== next.checked) old.checked = next.checked;
    } else if (old.value !== next.value) {
      old.value = next.value;
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
  // Options now carry the new `selected` attributes (some may have moved over from `next`).
  if (old instanceof HTMLSelectElement && !keepsLiveValue(old)) {
    const options = [...old.options];
    if (old.multiple) {
      for (const o of options) if (o.selected !== o.defaultSelected) o.selected = o.defaultSelected;
    } else {
      const chosen = options.find((o) => o.defaultSelected) ?? options[0];
      if (chosen && !chosen.selected) chosen.selected = true;
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Blocks (containers): fragment `block` of elements.html, root [data-sl-block="<kind>"]. The server redraws a
// block only when its props change, and then empty (its children follow as set ops). What the user did with
// the block itself is client state and survives such a redraw: an expander's open/closed state (while its
// label stays the same), the selected tab (by label, else by index), an open popover.

function isBlock(el) {
  return el instanceof Element && el.hasAttribute('data-sl-block');
}

/** The block's own parts, not those of blocks nested in its children. */
function ownParts(block, selector) {
  const children = block.querySelector('[data-sl-children]');
  return [...block.querySelectorAll(selector)].filter((el) => !children || !children.contains(el) || el === children);
}

function tabLabels(tabs) {
  return ownParts(tabs, '[data-sl-tab]').map((t) => t.value ?? t.textContent);
}

/** Replaces block `old` with the freshly rendered block `node`, carrying the user's state over. */
function replaceBlock(old, node) {
  const kind = old.dataset.slBlock;
  const active = document.activeElement;
  let focus = null; // how to find the focused part of the block again
  if (active && active !== body && old.contains(active)) {
    const children = old.querySelector('[data-sl-children]');
    if (!children || !children.contains(active)) {
      if (active.matches('summary')) focus = 'summary';
      else if (active.matches('[data-sl-tab]')) focus = 'tab';
      else if (active.matches('.sl-popover-toggle')) focus = '.sl-popover-toggle';
    }
  }
  if (kind === node.dataset.slBlock) {
    if (kind === 'expander' || kind === 'status') {
      // A status keeps the user's choice only while the server's `expanded` stays the same too.
      const a = old.querySelector('details');
      const b = node.querySelector('details');
      const label = (el) => el?.querySelector('.sl-expander-label')?.innerHTML;
      if (a && b && label(a) === label(b)
          && a.getAttribute('data-sl-expanded') === b.getAttribute('data-sl-expanded')) b.open = a.open;
    } else if (kind === 'tabs') {
      const labels = tabLabels(old);
      const selected = Number(old.dataset.slSelected || 0);
      const next = tabLabels(node);
      let index = next.indexOf(labels[selected]);
      if (index < 0) index = Math.min(selected, Math.max(0, next.length - 1));
      node.dataset.slSelected = String(index);
    } else if (kind === 'popover') {
      const panel = ownParts(old, '.sl-popover-panel')[0];
      if (panel && !panel.hidden) setPopover(node, true);
    }
  }
  old.replaceWith(node);
  if (node.dataset.slBlock === 'tabs') applyTabs(node);
  if (focus === 'tab') ownParts(node, '[data-sl-tab][aria-selected="true"]')[0]?.focus({ preventScroll: true });
  else if (focus) ownParts(node, focus)[0]?.focus({ preventScroll: true });
  return node;
}

/** After a set op: tabs in the new node show their selected tab. */
function initBlocks(node) {
  if (!(node instanceof Element)) return;
  if (node.matches('[data-sl-block="tabs"]')) applyTabs(node);
  for (const tabs of node.querySelectorAll('[data-sl-block="tabs"]')) applyTabs(tabs);
}

/** After children of `container` changed: the block owning it re-applies its state (tab visibility). */
function refreshOwner(container) {
  const owner = container.closest('[data-sl-block]');
  if (owner?.dataset.slBlock === 'tabs') applyTabs(owner);
}

let tabIds = 0;

/** Shows the selected tab of a tabs block (data-sl-selected, default 0) and hides the others. */
function applyTabs(tabs) {
  const buttons = ownParts(tabs, '[data-sl-tab]');
  let selected = Number(tabs.dataset.slSelected || 0);
  if (!Number.isInteger(selected) || selected < 0) selected = 0;
  if (selected >= buttons.length) selected = Math.max(0, buttons.length - 1);
  if (!tabs.dataset.slTabsId) tabs.dataset.slTabsId = String(++tabIds);
  const prefix = `sl-tabs-${tabs.dataset.slTabsId}`;
  const panels = [...(tabs.querySelector('[data-sl-children]')?.children || [])];
  buttons.forEach((button, i) => {
    const on = i === selected;
    button.setAttribute('aria-selected', String(on));
    button.tabIndex = on ? 0 : -1;
    button.id = `${prefix}-tab-${i}`;
    if (panels[i]) button.setAttribute('aria-controls', `${prefix}-panel-${i}`);
    else button.removeAttribute('aria-controls');
  });
  panels.forEach((panel, i) => {
    const hidden = i !== selected;
    if (panel.hidden !== hidden) panel.hidden = hidden;
    panel.id = `${prefix}-panel-${i}`;
    if (buttons[i]) panel.setAttribute('aria-labelledby', buttons[i].id);
  });
}

function selectTab(tabs, index, focus) {
  tabs.dataset.slSelected = String(index);
  applyTabs(tabs);
  if (focus) ownParts(tabs, '[data-sl-tab]')[index]?.focus();
}

function onTabKeyDown(event, tab) {
  const tabs = tab.closest('[data-sl-block="tabs"]');
  if (!tabs) return;
  const buttons = ownParts(tabs, '[data-sl-tab]');
  const i = buttons.indexOf(tab);
  let next = null;
  if (event.key === 'ArrowRight' || event.key === 'ArrowDown') next = (i + 1) % buttons.length;
  else if (event.key === 'ArrowLeft' || event.key === 'ArrowUp') next = (i - 1 + buttons.length) % buttons.length;
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = buttons.length - 1;
  if (next == null || i < 0) return;
  event.preventDefault();
  selectTab(tabs, next, true);
}

function setPopover(popover, open) {
  const toggle = ownParts(popover, '.sl-popover-toggle')[0];
  const panel = ownParts(popover, '.sl-popover-panel')[0];
  if (!panel) return;
  panel.hidden = !open;
  toggle?.setAttribute('aria-expanded', String(open));
  popover.classList.toggle('sl-open', open);
}

/** Closes the open popovers that do not contain `target` (null: all of them). */
function closePopovers(target) {
  for (const popover of document.querySelectorAll('[data-sl-block="popover"].sl-open')) {
    if (target && popover.contains(target)) continue;
    setPopover(popover, false);
  }
}

function onBlockKeyDown(event) {
  if (event.defaultPrevented || event.isComposing) return;
  const target = event.target instanceof Element ? event.target : null;
  if (event.key === 'Escape') {
    const open = target?.closest('[data-sl-block="popover"].sl-open')
      || document.querySelector('[data-sl-block="popover"].sl-open');
    if (open) {
      const inside = open.contains(target);
      closePopovers(null);
      if (inside) ownParts(open, '.sl-popover-toggle')[0]?.focus();
    }
    return;
  }
  const tab = target?.closest('[data-sl-tab]');
  if (tab) onTabKeyDown(event, tab);
}

/** Clicks on block parts (tabs, popover toggles). Returns true when the click was one. */
function onBlockClick(event, target) {
  closePopovers(target);
  const tab = target.closest('[data-sl-tab]');
  if (tab) {
    const tabs = tab.closest('[data-sl-block="tabs"]');
    if (tabs) selectTab(tabs, ownParts(tabs, '[data-sl-tab]').indexOf(tab), false);
    return true;
  }
  const toggle = target.closest('.sl-popover-toggle');
  if (toggle) {
    const popover = toggle.closest('[data-sl-block="popover"]');
    if (popover) setPopover(popover, !popover.classList.contains('sl-open'));
    return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------------------
// Data elements (docs/protocol.md, "Data and status elements"): interactive tables, charts, progress bars,
// toasts and JSON. dataState() notes what the user did with an element before it is replaced; initData()
// draws the new element and carries that over: a table's sort and page (while its columns stay the same), a
// JSON's open/closed state (while `expanded` stays the same), a progress bar's width (for a smooth advance).
// Charts are destroyed when their element leaves the page (afterOps), so re-renders do not leak.

function dataState(old) {
  if (!(old instanceof Element)) return null;
  if (old._slTable) {
    const t = old._slTable;
    return { table: { key: t.key, sortCol: t.sortCol, sortDir: t.sortDir, page: t.page } };
  }
  if (old.classList.contains('sl-chart')) return { chart: true };
  if (old.classList.contains('sl-progress')) {
    return { progress: old.querySelector('.sl-progress-bar')?.style.width || null };
  }
  if (old.classList.contains('sl-json')) {
    const d = old.querySelector('details');
    return d ? { json: { open: d.open, expanded: d.getAttribute('data-sl-expanded') } } : null;
  }
  return null;
}

function initData(node, before) {
  if (!(node instanceof Element) || !node.classList.contains('sl-el')) {
    // A block: its children arrive as their own set ops.
    return;
  }
  if (node.matches('[data-sl-table="interactive"]')) initTable(node, before?.table);
  else if (node.classList.contains('sl-chart')) initChart(node, !!before?.chart);
  else if (node.classList.contains('sl-progress')) initProgress(node, before?.progress);
  else if (node.classList.contains('sl-toast-el')) layoutToasts();
  else if (node.classList.contains('sl-json') && before?.json) {
    const d = node.querySelector('details');
    if (d && d.getAttribute('data-sl-expanded') === before.json.expanded && d.open !== before.json.open) {
      d.open = before.json.open;
    }
  }
}

/** After a batch of ops: destroy charts no longer on the page, re-stack the toasts. */
function afterOps() {
  for (const root of liveCharts) {
    if (!root.isConnected) destroyChart(root);
  }
  layoutToasts();
}

function onDataClick(event, target) {
  const table = target.closest('[data-sl-table="interactive"]');
  if (table?._slTable) {
    const th = target.closest('th[data-sl-col]');
    if (th && table.contains(th)) {
      event.preventDefault();
      sortTable(table, Number(th.getAttribute('data-sl-col')));
      return true;
    }
    const pager = target.closest('.sl-page-prev, .sl-page-next');
    if (pager && !pager.disabled) {
      event.preventDefault();
      const t = table._slTable;
      t.page += pager.classList.contains('sl-page-next') ? 1 : -1;
      drawTable(table);
      return true;
    }
  }
  const close = target.closest('.sl-toast-close');
  if (close) {
    const toast = close.closest('.sl-toast');
    if (toast) {
      toast.setAttribute('data-sl-faded', 'true');
      layoutToasts();
    }
    return true;
  }
  return false;
}

// ---- interactive tables ---------------------------------------------------------------------------------
// Root [data-sl-table="interactive"][data-sl-page-size]; rows as JSON (array of arrays of strings) in
// <script class="sl-table-data">. State on the root (_slTable): rows, numeric columns, sort column and
// direction, page, and the sorted order (computed once per sort). Only the current page is in the DOM.

const collator = new Intl.Collator(undefined, { numeric: true });

function initTable(root, previous) {
  let rows = [];
  try {
    const parsed = JSON.parse(root.querySelector('.sl-table-data')?.textContent || '[]');
    if (Array.isArray(parsed)) rows = parsed.map((r) => (Array.isArray(r) ? r : []));
  } catch (e) {
    console.warn('[springlit] bad table data', e);
  }
  const headers = [...root.querySelectorAll('thead th[data-sl-col]')];
  const columns = headers.map((th) => th.querySelector('.sl-sort')?.value ?? th.textContent);
  const size = Number(root.getAttribute('data-sl-page-size'));
  const t = {
    rows,
    numeric: headers.map((th) => th.classList.contains('sl-num')),
    key: JSON.stringify(columns),
    pageSize: Number.isInteger(size) && size > 0 ? size : 50,
    sortCol: -1,
    sortDir: null,
    page: 0,
    order: null,
  };
  if (previous && previous.key === t.key) {
    t.sortCol = previous.sortCol;
    t.sortDir = previous.sortDir;
    t.page = previous.page;
  }
  root._slTable = t;
  drawTable(root);
}

function sortTable(root, col) {
  const t = root._slTable;
  if (!Number.isInteger(col) || col < 0) return;
  t.sortDir = t.sortCol === col && t.sortDir === 'ascending' ? 'descending' : 'ascending';
  t.sortCol = col;
  t.order = null;
  t.page = 0;
  drawTable(root);
}

function cellText(value) {
  return value == null ? '' : String(value);
}

/** Row indices in display order (sorted when a sort column is set; empty or non-numbers go last). */
function tableOrder(t) {
  if (t.order) return t.order;
  const n = t.rows.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const col = t.sortCol;
  if (col >= 0 && t.sortDir) {
    const sign = t.sortDir === 'descending' ? -1 : 1;
    if (t.numeric[col]) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const text = cellText(t.rows[i][col]).trim().replace(/[,\s_]/g, '');
        keys[i] = text === '' ? NaN : Number(text);
      }
      order.sort((a, b) => {
        const x = keys[a];
        const y = keys[b];
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
        return (x - y) * sign;
      });
    } else {
      const keys = t.rows.map((r) => cellText(r[col]));
      order.sort((a, b) => {
        const x = keys[a];
        const y = keys[b];
        if (x === '' || y === '') return (x === '') - (y === '');
        return collator.compare(x, y) * sign;
      });
    }
  }
  t.order = order;
  return order;
}

function drawTable(root) {
  const t = root._slTable;
  const n = t.rows.length;
  const pages = Math.max(1, Math.ceil(n / t.pageSize));
  t.page = Math.min(Math.max(0, Number.isInteger(t.page) ? t.page : 0), pages - 1);
  const order = tableOrder(t);
  const start = t.page * t.pageSize;
  const end = Math.min(n, start + t.pageSize);
  const columns = t.numeric.length;
  const frag = document.createDocumentFragment();
  for (let i = start; i < end; i++) {
    const row = t.rows[order[i]];
    const tr = document.createElement('tr');
    const width = Math.max(columns, row.length);
    for (let c = 0; c < width; c++) {
      const td = document.createElement('td');
      if (t.numeric[c]) td.className = 'sl-num';
      td.textContent = cellText(row[c]);
      tr.append(td);
    }
    frag.append(tr);
  }
  const tbody = root.querySelector('tbody') || root.querySelector('table')?.appendChild(document.createElement('tbody'));
  tbody?.replaceChildren(frag);
  for (const th of root.querySelectorAll('thead th[data-sl-col]')) {
    const col = Number(th.getAttribute('data-sl-col'));
    th.setAttribute('aria-sort', col === t.sortCol && t.sortDir ? t.sortDir : 'none');
  }
  const info = root.querySelector('.sl-page-info');
  if (info) info.textContent = n === 0 ? 'no rows' : `rows ${start + 1}–${end} of ${n}`;
  const prev = root.querySelector('.sl-page-prev');
  const next = root.querySelector('.sl-page-next');
  if (prev) prev.disabled = t.page <= 0;
  if (next) next.disabled = t.page >= pages - 1;
  root.querySelector('.sl-table-pager')?.toggleAttribute('hidden', pages <= 1);
  root.setAttribute('data-sl-page', String(t.page));
}

// ---- charts ---------------------------------------------------------------------------------------------
// Chart.js (UMD build, next to this file: chartjs/chart.umd.js) is loaded once, as a classic script, when the
// first chart arrives. Colours follow the theme's CSS variables, light or dark.

const CHART_JS_URL = new URL('chartjs/chart.umd.js', import.meta.url).href;
const CHART_PALETTE = ['#0068c9', '#83c9ff', '#ff2b2b', '#ffabab', '#29b09d', '#7defa1', '#ff8700', '#ffd16a',
  '#6d3fc0', '#d5dae5'];
const liveCharts = new Set();
let chartLibrary = null;

function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS_URL;
      script.async = true;
      script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not load')));
      script.onerror = () => {
        chartLibrary = null; // a later chart tries again
        script.remove();
        reject(new Error(`cannot load ${CHART_JS_URL}`));
      };
      document.head.append(script);
    });
  }
  return chartLibrary;
}

function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function applyChartTheme(Chart) {
  Chart.defaults.color = cssVar('--sl-muted', '#666');
  Chart.defaults.borderColor = cssVar('--sl-border-light', 'rgba(0, 0, 0, 0.1)');
  Chart.defaults.font.family = cssVar('--sl-font', Chart.defaults.font.family);
}

function withAlpha(hex, alpha) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const v = parseInt(m[1], 16);
  return `rgba(${v >> 16}, ${(v >> 8) & 255}, ${v & 255}, ${alpha})`;
}

/** Streamlit's palette for datasets that bring no colours of their own. */
function paintDatasets(config) {
  const datasets = config?.data?.datasets;
  if (!Array.isArray(datasets)) return;
  datasets.forEach((ds, i) => {
    if (!ds || typeof ds !== 'object' || ds.borderColor != null || ds.backgroundColor != null) return;
    const colour = CHART_PALETTE[i % CHART_PALETTE.length];
    const type = ds.type || config.type;
    const filled = type === 'bar' || type === 'pie' || type === 'doughnut' || type === 'polarArea';
    if (type === 'pie' || type === 'doughnut' || type === 'polarArea') {
      const count = Array.isArray(ds.data) ? ds.data.length : 0;
      ds.backgroundColor = Array.from({ length: count }, (_, k) => CHART_PALETTE[k % CHART_PALETTE.length]);
      ds.borderColor = cssVar('--sl-bg', '#fff');
    } else {
      ds.borderColor = colour;
      ds.backgroundColor = filled ? colour : withAlpha(colour, ds.fill ? 0.3 : 0.8);
    }
  });
}

function chartError(root, message) {
  root.classList.add('sl-chart-error');
  root.setAttribute('data-sl-chart-ready', 'error');
  let box = root.querySelector('.sl-chart-message');
  if (!box) {
    box = document.createElement('div');
    box.className = 'sl-chart-message';
    box.setAttribute('role', 'alert');
    root.append(box);
  }
  box.textContent = message;
}

async function initChart(root, redraw) {
  destroyChart(root); // a morphed element may still hold its previous chart
  const token = (root._slChartToken || 0) + 1;
  root._slChartToken = token;
  root.removeAttribute('data-sl-chart-ready');
  let config;
  try {
    config = JSON.parse(root.querySelector('.sl-chart-config')?.textContent || 'null');
  } catch (e) {
    config = null;
  }
  if (!config || typeof config !== 'object') {
    chartError(root, 'Invalid chart configuration.');
    return;
  }
  let Chart;
  try {
    Chart = await loadChartJs();
  } catch (e) {
    console.warn('[springlit]', e);
    if (root._slChartToken === token) chartError(root, 'The chart library could not be loaded.');
    return;
  }
  if (!root.isConnected || root._slChartToken !== token) return; // replaced meanwhile
  const canvas = root.querySelector('canvas');
  if (!canvas) return;
  applyChartTheme(Chart);
  paintDatasets(config);
  const options = config.options && typeof config.options === 'object' ? config.options : {};
  options.responsive = true;
  options.maintainAspectRatio = false;
  if (redraw || matchMedia('(prefers-reduced-motion: reduce)').matches) options.animation = false;
  config.options = options;
  const ready = {
    id: 'springlitReady',
    afterRender(chart) {
      if (!Chart.animator.running(chart)) root.setAttribute('data-sl-chart-ready', 'true');
    },
  };
  config.plugins = [...(Array.isArray(config.plugins) ? config.plugins : []), ready];
  try {
    root._slChart = new Chart(canvas, config);
    liveCharts.add(root);
  } catch (e) {
    console.warn('[springlit] cannot draw chart', e);
    chartError(root, `Cannot draw the chart: ${e.message}`);
  }
}

function destroyChart(root) {
  liveCharts.delete(root);
  const chart = root._slChart;
  root._slChart = null;
  root._slChartToken = (root._slChartToken || 0) + 1; // cancels a pending draw
  if (chart) {
    try { chart.destroy(); } catch (e) { /* already gone */ }
  }
}

// Light/dark switch: the charts take the new colours.
matchMedia('(prefers-color-scheme: dark)').addEventListener?.('change', () => {
  if (!window.Chart || liveCharts.size === 0) return;
  applyChartTheme(window.Chart);
  for (const root of liveCharts) root._slChart?.update('none');
});

// ---- progress, toasts -----------------------------------------------------------------------------------

/** The bar starts at the width of the one it replaces, then grows (a CSS transition). */
function initProgress(root, width) {
  const bar = root.querySelector('.sl-progress-bar');
  if (!bar || !width || bar.style.width === width) return;
  const target = bar.style.width;
  bar.style.transition = 'none';
  bar.style.width = width;
  void bar.offsetWidth; // commit the start width
  bar.style.transition = '';
  bar.style.width = target;
}

const TOAST_GAP_PX = 8;

/** Stacks the visible toasts upwards from the bottom right corner, newest at the bottom. */
function layoutToasts() {
  const toasts = [...document.querySelectorAll('.sl-toast:not([data-sl-faded])')];
  let offset = 0;
  for (let i = toasts.length - 1; i >= 0; i--) {
    const toast = toasts[i];
    toast.style.setProperty('--sl-toast-offset', `${offset}px`);
    offset += toast.offsetHeight + TOAST_GAP_PX;
  }
}

function onToastAnimationEnd(event) {
  const toast = event.target;
  if (!(toast instanceof Element) || !toast.matches('.sl-toast') || event.animationName !== 'sl-toast-out') return;
  toast.setAttribute('data-sl-faded', 'true');
  layoutToasts();
}

// ---------------------------------------------------------------------------------------------------------
// Widgets

// A value widget's root is [data-sl-widget][data-sl-kind] (fragment `widget` of elements.html). Its fields
// carry [data-sl-input]; data-sl-value is the value the server last rendered (JSON). Per root the client
// keeps two bits of state as plain properties (they live as long as the node; a replaced node starts over):
//   _slTyping   the user changed the field since the last commit (typing, dragging): the server's re-render
//               leaves the field alone, and nothing is restored;
//   _slSent     JSON of the value this tab sent and no run has answered yet (_slSentRun: the last run number
//               seen when it was sent); until a later run ends, re-renders of the focused widget keep the
//               value the user chose (a re-render from an older run must not make it flicker back).
// A commit (Enter, blur, release, click, ... see docs/protocol.md) reads the value in the wire format and
// sends `rerun` with only that widget, unless it equals what the server already has. Inside a form
// (data-sl-form) nothing is sent: onFormWidgetChange() keeps the value for the form's submit.
// When a run ends, a widget that shows something else than the server's value (a value the server refused,
// or one sent while disconnected) goes back to the server's value, unless the user is typing in it.

const WIDGET = '[data-sl-widget][data-sl-kind]';
const TEXT_KINDS = new Set(['number_input', 'text_input', 'text_area']);
const CLICK_KINDS = new Set(['checkbox', 'toggle', 'radio', 'selectbox', 'multiselect']);
const IS_MAC = /Mac|iPhone|iPad/.test(navigator.userAgent);

/** Form key → Map(widget id → value): edits inside forms, waiting for the form's submit button. */
const pendingForms = new Map();

function widgetRoot(el) {
  return el instanceof Element ? el.closest(WIDGET) : null;
}

function fieldsOf(root) {
  return [...root.querySelectorAll('[data-sl-input]')];
}

function numberOf(input) {
  if (!input || input.value === '') return null;
  const n = input.valueAsNumber;
  return Number.isFinite(n) ? n : null;
}

function numberAttr(el, name) {
  const raw = el?.getAttribute(name);
  if (raw == null || raw === '' || raw === 'any') return null;
  const n = Number(raw);
  return Number.isFinite(n) ? n : null;
}

/**
 * The value a widget shows, in the wire format of docs/protocol.md, or undefined when its fields hold no
 * valid value (a half-typed number) or the kind is unknown.
 */
function readWidget(root) {
  const fields = fieldsOf(root);
  const input = fields[0];
  if (!input) return undefined;
  switch (root.dataset.slKind) {
    case 'number_input':
      if (input.validity.badInput) return undefined;
      return input.value === '' ? null : numberOf(input) ?? undefined;
    case 'slider':
      return numberOf(input) ?? undefined;
    case 'select_slider':
      return readSelectSlider(fields);
    case 'range_slider': {
      const low = numberOf(fields[0]);
      const high = numberOf(fields[1]);
      if (low == null || high == null) return undefined;
      return low <= high ? [low, high] : [high, low];
    }
    case 'text_input':
    case 'text_area':
      return input.value;
    case 'checkbox':
    case 'toggle':
      return input.checked;
    case 'radio': {
      const checked = fields.find((f) => f.checked);
      return checked ? Number(checked.value) : null;
    }
    case 'selectbox':
      return input.value === '' ? null : Number(input.value);
    case 'multiselect':
      return [...input.selectedOptions].filter((o) => o.value !== '').map((o) => Number(o.value));
    case 'date_input':
    case 'time_input':
      return input.value === '' ? null : input.value;
    case 'color_picker':
      return input.value.toLowerCase();
    case 'file_uploader':
      return uploadedIds(root);
    default:
      return undefined;
  }
}

/** Shows `value` (wire format) in a widget's fields. */
function applyValue(root, value) {
  const fields = fieldsOf(root);
  const input = fields[0];
  if (!input) return;
  const set = (field, text) => { if (field && field.value !== text) field.value = text; };
  // A number as the server wrote it ("25.0") when that is the value.
  const number = (field, n) => (n == null ? ''
    : field && field.defaultValue !== '' && Number(field.defaultValue) === Number(n) ? field.defaultValue : String(n));
  switch (root.dataset.slKind) {
    case 'number_input':
    case 'slider':
      set(input, number(input, value));
      break;
    case 'text_input':
    case 'text_area':
    case 'date_input':
    case 'time_input':
      set(input, value == null ? '' : String(value));
      break;
    case 'range_slider':
      if (Array.isArray(value) && value.length === 2) {
        set(fields[0], number(fields[0], value[0]));
        set(fields[1], number(fields[1], value[1]));
      }
      break;
    case 'checkbox':
    case 'toggle':
      input.checked = value === true;
      break;
    case 'radio':
      for (const f of fields) f.checked = value != null && Number(f.value) === Number(value);
      break;
    case 'selectbox':
      set(input, value == null ? '' : String(value));
      break;
    case 'multiselect': {
      const chosen = new Set((Array.isArray(value) ? value : []).map(Number));
      for (const o of input.options) o.selected = o.value !== '' && chosen.has(Number(o.value));
      break;
    }
    case 'color_picker':
      set(input, typeof value === 'string' ? value.toLowerCase() : '#000000');
      break;
    case 'select_slider':
      applySelectSlider(fields, value);
      break;
    default:
  }
  refreshWidget(root);
}

/** JSON of the value the server rendered (normalised, so 5.0 and 5 compare equal). */
function serverJson(root) {
  try {
    return normalJson(root, JSON.parse(root.dataset.slValue ?? 'null'));
  } catch (e) {
    return 'null';
  }
}

function normalJson(root, value) {
  if (root.dataset.slKind === 'color_picker' && typeof value === 'string') value = value.toLowerCase();
  return JSON.stringify(value === undefined ? null : value);
}

/** JSON of what the server has or will have for this widget, as far as this tab knows. */
function knownJson(root) {
  if (root._slSent !== undefined) return root._slSent;
  const pending = pendingForms.get(root.dataset.slForm);
  const id = root.dataset.slWidget;
  if (pending?.has(id)) return normalJson(root, pending.get(id));
  return serverJson(root);
}

function setTyping(root, typing) {
  if (typing) root._slTyping = true;
  else delete root._slTyping;
  if (typing) root.setAttribute('data-sl-typing', '');
  else root.removeAttribute('data-sl-typing');
}

/**
 * Commits what a widget shows: sends it (or keeps it for its form) when it differs from what the server has.
 * Returns true when a message went out.
 */
function commitWidget(root) {
  setTyping(root, false);
  const fields = fieldsOf(root);
  if (fields.length === 0 || fields.every((f) => f.disabled)) return false;
  const value = readWidget(root);
  if (value === undefined) {
    restoreWidget(root); // nothing valid to send (e.g. "-" in a number input): show the known value again
    return false;
  }
  const max = numberAttr(fields[0], 'data-sl-max');
  if (root.dataset.slKind === 'multiselect' && max != null && value.length > max) {
    restoreWidget(root);
    showNotice(`You can only select up to ${max} option${max === 1 ? '' : 's'}. Remove an option first.`,
      { level: 'warning', timeout: 4000 });
    return false;
  }
  const json = normalJson(root, value);
  refreshWidget(root);
  if (json === knownJson(root)) return false;
  const id = root.dataset.slWidget;
  const form = root.dataset.slForm;
  if (form != null) {
    onFormWidgetChange(form, id, value, root);
    return false;
  }
  if (!send({ type: 'rerun', widgets: { [id]: value }, trigger: null })) return false;
  root._slSent = json;
  root._slSentRun = typeof state.run === 'number' ? state.run : -1;
  return true;
}

/**
 * A widget inside a form changed: nothing is sent until the form is submitted. The value waits in
 * pendingForms (form key → widget id → value); submitForm() sends them with the submit button as trigger and
 * clears the form's entry. Until then re-renders of the widget keep showing the pending value (syncWidget).
 */
function onFormWidgetChange(form, id, value, root) {
  let values = pendingForms.get(form);
  if (!values) pendingForms.set(form, values = new Map());
  values.set(id, value);
}

function formRoot(form) {
  for (const el of document.querySelectorAll('[data-sl-form-root]')) {
    if (el.getAttribute('data-sl-form-root') === form) return el;
  }
  return null;
}

function formWidgets(form) {
  return [...document.querySelectorAll(WIDGET)].filter((root) => root.dataset.slForm === form);
}

/**
 * Enter in a text or number input of a form with data-sl-enter-to-submit: clicks the form's first enabled
 * submit button (its own ones first, then any elsewhere on the page); nothing when there is none.
 */
function onFormEnter(form, root) {
  const kind = root.dataset.slKind;
  if (kind !== 'text_input' && kind !== 'number_input') return;
  const owner = formRoot(form);
  if (!owner || !owner.hasAttribute('data-sl-enter-to-submit')) return;
  const enabled = (el) => el.getAttribute('data-sl-submit-for') === form && !el.disabled;
  const button = [...owner.querySelectorAll('[data-sl-submit-for]')].find(enabled)
    || [...document.querySelectorAll('[data-sl-submit-for]')].find(enabled);
  button?.click();
}

/**
 * A form's submit button: one rerun with every pending value of the form (plus what is typed in its fields
 * and not committed yet) and the button as trigger. Afterwards the values count as sent, not pending: the
 * run's re-render (e.g. defaults after clear-on-submit) shows, and settleWidgets puts the server's value back
 * on widgets it did not redraw.
 */
function submitForm(form, trigger) {
  for (const root of formWidgets(form)) {
    const focused = root.contains(document.activeElement);
    if (!root._slTyping && !focused) continue;
    setTyping(root, false);
    const value = readWidget(root);
    if (value === undefined) continue;
    if (normalJson(root, value) === knownJson(root)) continue;
    onFormWidgetChange(form, root.dataset.slWidget, value, root);
  }
  const values = pendingForms.get(form) || new Map();
  const widgets = Object.fromEntries(values);
  if (!send({ type: 'rerun', widgets, trigger })) return false;
  pendingForms.delete(form);
  const sentRun = typeof state.run === 'number' ? state.run : -1;
  for (const root of formWidgets(form)) {
    const id = root.dataset.slWidget;
    if (!values.has(id)) continue;
    root._slSent = normalJson(root, values.get(id));
    root._slSentRun = sentRun;
  }
  return true;
}

/** When a run ends: pending values of widgets no longer on the page are dropped. */
function prunePendingForms() {
  if (pendingForms.size === 0) return;
  const present = new Set([...document.querySelectorAll(WIDGET)].map((root) => root.dataset.slWidget));
  for (const [form, values] of pendingForms) {
    for (const id of [...values.keys()]) if (!present.has(id)) values.delete(id);
    if (values.size === 0) pendingForms.delete(form);
  }
}

/** Shows the value this tab believes the server has (or the form's pending value). */
function restoreWidget(root) {
  let value = null;
  try { value = JSON.parse(knownJson(root)); } catch (e) { /* keep null */ }
  applyValue(root, value);
}

/**
 * Makes a widget show the server's value (or its form's pending value) unless the user is typing in it or
 * a value this tab sent is still unanswered; then refreshes its decorations.
 */
function syncWidget(root) {
  const pending = pendingForms.get(root.dataset.slForm);
  const inForm = pending?.has(root.dataset.slWidget);
  if (!root._slTyping && (inForm || root._slSent === undefined)) {
    const current = readWidget(root);
    if (current === undefined || normalJson(root, current) !== knownJson(root)) restoreWidget(root);
  }
  refreshWidget(root);
}

/** After a set op: the widgets in the node now on the page. */
function initWidgets(node) {
  if (!(node instanceof Element)) return;
  if (node.matches(WIDGET)) syncWidget(node);
  for (const root of node.querySelectorAll(WIDGET)) syncWidget(root);
}

/** When a run ends: forget answered sends and put refused values back. */
function settleWidgets(run) {
  prunePendingForms();
  for (const root of document.querySelectorAll(WIDGET)) {
    if (root._slSent !== undefined && (typeof run !== 'number' || run > root._slSentRun)) {
      delete root._slSent;
      delete root._slSentRun;
    }
    syncWidget(root);
  }
}

// ---- decorations: slider readouts, step buttons, counters ----------------------------------------------

function decimals(step) {
  if (step == null) return null;
  const text = String(step).trim().toLowerCase();
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/.test(text)) return null;
  const [mantissa, exponent] = text.split('e');
  const fraction = (mantissa.split('.')[1] || '').length;
  return Math.max(0, fraction - (exponent ? Number(exponent) : 0));
}

/** A printf-style number format ("%d", "%.2f", "%+.1e", "%05.1f%%", ...), or null when `format` has none. */
function printf(format, n) {
  let used = false;
  const text = format.replace(/%([-+ 0#,]*)(\d+)?(?:\.(\d+))?([diufFeEgGs%])/g, (m, flags, width, precision, conv) => {
    if (conv === '%') return '%';
    used = true;
    const p = precision == null ? undefined : Number(precision);
    let s;
    switch (conv) {
      case 'd': case 'i': case 'u': s = String(Math.trunc(n)); break;
      case 'f': case 'F': s = n.toFixed(Math.min(p ?? 6, 20)); break;
      case 'e': case 'E': s = n.toExponential(Math.min(p ?? 6, 20)); break;
      case 'g': case 'G': s = String(Number(n.toPrecision(Math.max(1, Math.min(p ?? 6, 21))))); break;
      default: s = String(n);
    }
    if (conv === 'E' || conv === 'G') s = s.toUpperCase();
    if (flags.includes(',')) s = s.replace(/^(-?)(\d+)/, (all, sign, int) => sign + int.replace(/\B(?=(\d{3})+(?!\d))/g, ','));
    if (flags.includes('+') && n >= 0) s = '+' + s;
    else if (flags.includes(' ') && n >= 0) s = ' ' + s;
    const w = width ? Number(width) : 0;
    if (s.length < w) {
      if (flags.includes('-')) s = s.padEnd(w);
      else if (flags.includes('0')) s = s.replace(/^([-+ ]?)/, (sign) => sign + '0'.repeat(w - s.length));
      else s = s.padStart(w);
    }
    return s;
  });
  return used ? text : null;
}

/** A number as a widget shows it: its format prop, else as many decimals as its step has. */
function formatNumber(n, format, step) {
  if (n == null || !Number.isFinite(n)) return '';
  if (format) {
    const s = printf(format, n);
    if (s != null) return s;
  }
  const d = decimals(step);
  return d == null ? String(n) : n.toFixed(Math.min(d, 20));
}

function setText(el, text) {
  if (el && el.textContent !== text) el.textContent = text;
}

function refreshWidget(root) {
  const fields = fieldsOf(root);
  const input = fields[0];
  if (!input) return;
  if (root._slTyping) root.setAttribute('data-sl-typing', '');
  else root.removeAttribute('data-sl-typing');
  const format = root.dataset.slFormat;
  switch (root.dataset.slKind) {
    case 'select_slider':
      refreshSelectSlider(root, fields);
      break;
    case 'slider':
    case 'range_slider': {
      const min = numberAttr(input, 'min') ?? 0;
      const max = numberAttr(input, 'max') ?? 100;
      const step = input.getAttribute('step');
      const span = max - min || 1;
      const pos = (n) => Math.min(1, Math.max(0, ((n ?? min) - min) / span));
      const show = (n) => formatNumber(n, format, step);
      const track = root.querySelector('.sl-slider-track');
      let lo = 0;
      let hi;
      let text;
      if (root.dataset.slKind === 'slider') {
        const v = numberOf(input);
        hi = pos(v);
        text = show(v);
      } else {
        const a = numberOf(fields[0]);
        const b = numberOf(fields[1]);
        lo = pos(a);
        hi = pos(b);
        text = `${show(a)} – ${show(b)}`;
        // Two thumbs on the same spot: the one that can still move is on top.
        fields[0].classList.toggle('sl-range-top', lo > 0.5 && lo >= hi);
      }
      if (track) {
        track.style.setProperty('--sl-lo', String(lo));
        track.style.setProperty('--sl-hi', String(hi));
        track.style.setProperty('--sl-pos', String(root.dataset.slKind === 'slider' ? hi : (lo + hi) / 2));
      }
      setText(root.querySelector('.sl-slider-value'), text);
      setText(root.querySelector('.sl-slider-min'), show(min));
      setText(root.querySelector('.sl-slider-max'), show(max));
      break;
    }
    case 'number_input': {
      const v = readWidget(root);
      // Show the format (e.g. "%.2f") when that does not change the number.
      if (format && !root._slTyping && typeof v === 'number') {
        const shown = printf(format, v);
        if (shown != null && shown.trim() !== '' && Number(shown) === v && input.value !== shown.trim()) input.value = shown.trim();
      }
      const min = numberAttr(input, 'min');
      const max = numberAttr(input, 'max');
      const down = root.querySelector('[data-sl-step="-1"]');
      const up = root.querySelector('[data-sl-step="1"]');
      if (down) down.disabled = input.disabled || (min != null && typeof v === 'number' && v <= min);
      if (up) up.disabled = input.disabled || (max != null && typeof v === 'number' && v >= max);
      break;
    }
    case 'text_input':
    case 'text_area': {
      const max = input.getAttribute('maxlength');
      if (max != null) setText(root.querySelector('.sl-char-count'), `${input.value.length}/${max}`);
      if (root.dataset.slKind === 'text_area' && IS_MAC) setText(root.querySelector('.sl-input-hint'), 'Press ⌘+Enter to apply');
      break;
    }
    case 'color_picker':
      setText(root.querySelector('.sl-color-hex'), input.value);
      break;
    default:
  }
}

/** The −/+ buttons of a number input: one step (the input's step, default 1) within min/max, sent at once. */
function stepNumber(root, direction) {
  const input = root.querySelector('input[type="number"][data-sl-input]');
  if (!input || input.disabled) return;
  const stepText = input.getAttribute('step');
  const step = numberAttr(input, 'step') || 1;
  const min = numberAttr(input, 'min');
  const max = numberAttr(input, 'max');
  const current = input.validity.badInput ? null : numberOf(input);
  let v;
  if (current == null) {
    v = min ?? (max != null && max < 0 ? max : 0);
  } else {
    const d = Math.max(decimals(stepText === 'any' ? null : stepText) ?? 0, decimals(String(current)) ?? 0);
    v = Number((current + direction * step).toFixed(Math.min(d, 15)));
  }
  if (min != null && v < min) v = min;
  if (max != null && v > max) v = max;
  input.value = String(v);
  commitWidget(root);
}

/** Keeps a range slider's low thumb at or below its high one while dragging. */
function orderRange(root, moved) {
  const [low, high] = fieldsOf(root);
  if (!low || !high) return;
  if (numberOf(low) > numberOf(high)) {
    if (moved === low) low.value = high.value;
    else high.value = low.value;
  }
}

/** Multi-selects: a plain click toggles an option (no Ctrl/Cmd needed), within data-sl-max. */
function onOptionMouseDown(event) {
  const option = event.target;
  if (!(option instanceof HTMLOptionElement) || event.button !== 0 || event.shiftKey) return;
  const select = option.closest('select');
  const root = widgetRoot(select);
  if (!select?.multiple || !root || select.disabled || option.disabled) return;
  event.preventDefault();
  const max = numberAttr(select, 'data-sl-max');
  if (!option.selected && max != null && select.selectedOptions.length >= max) {
    showNotice(`You can only select up to ${max} option${max === 1 ? '' : 's'}. Remove an option first.`,
      { level: 'warning', timeout: 4000 });
    select.focus({ preventScroll: true });
    return;
  }
  const top = select.scrollTop;
  option.selected = !option.selected;
  select.focus({ preventScroll: true });
  select.scrollTop = top;
  select.dispatchEvent(new Event('input', { bubbles: true }));
  select.dispatchEvent(new Event('change', { bubbles: true }));
}

function onWidgetInput(event) {
  const root = widgetRoot(event.target);
  if (!root || !event.target.matches?.('[data-sl-input]')) return;
  const kind = root.dataset.slKind;
  if (kind === 'file_uploader') return; // the change event uploads
  if (kind === 'range_slider' || kind === 'select_slider') orderRange(root, event.target);
  if (!CLICK_KINDS.has(kind)) setTyping(root, true); // clicks commit at once with the change event
  refreshWidget(root);
}

function onWidgetChange(event) {
  const root = widgetRoot(event.target);
  if (!root || !event.target.matches?.('[data-sl-input]')) return;
  const kind = root.dataset.slKind;
  if (kind === 'file_uploader') {
    uploadFiles(root, event.target.files);
    return;
  }
  // A date or time typed digit by digit changes on every digit: wait for Enter or leaving the field.
  if ((kind === 'date_input' || kind === 'time_input') && document.activeElement === event.target
      && Date.now() - (root._slKeyAt || 0) < 1500) {
    setTyping(root, true);
    return;
  }
  commitWidget(root);
}

function onWidgetKeyDown(event) {
  const root = widgetRoot(event.target);
  if (!root || event.isComposing || !event.target.matches?.('[data-sl-input]')) return;
  const kind = root.dataset.slKind;
  if (event.key !== 'Enter') {
    if (event.key.length === 1 || /^(Arrow|Backspace|Delete|Page)/.test(event.key)) root._slKeyAt = Date.now();
    return;
  }
  if (kind === 'text_area') {
    if (!(event.ctrlKey || event.metaKey)) return;
    event.preventDefault();
  } else if (!TEXT_KINDS.has(kind) && kind !== 'date_input' && kind !== 'time_input') {
    return;
  }
  commitWidget(root);
  if (root.dataset.slForm != null && kind !== 'text_area') onFormEnter(root.dataset.slForm, root);
}

function onWidgetFocusOut(event) {
  const root = widgetRoot(event.target);
  if (!root) return;
  if (event.relatedTarget instanceof Node && root.contains(event.relatedTarget)) return; // e.g. to its +/− button
  if (root._slTyping) commitWidget(root);
}

/**
 * The current values of the widgets on screen (outside forms), as widget id → value: the value widgets of
 * elements.html in their wire format, and custom elements [data-sl-widget][data-sl-input] with JSON in
 * their data-sl-value.
 */
function collectWidgets(scope = document) {
  const widgets = {};
  for (const root of scope.querySelectorAll(WIDGET)) {
    if (root.dataset.slForm != null) continue;
    const value = readWidget(root);
    if (value !== undefined) widgets[root.dataset.slWidget] = value;
  }
  for (const el of scope.querySelectorAll('[data-sl-widget][data-sl-input][data-sl-value]')) {
    try {
      widgets[el.getAttribute('data-sl-widget')] = JSON.parse(el.getAttribute('data-sl-value'));
    } catch (e) {
      console.warn('[springlit] bad data-sl-value on widget', el.getAttribute('data-sl-widget'), e);
    }
  }
  return widgets;
}

/**
 * A click on a trigger (button). It carries the edits not committed yet (a field still being typed in,
 * outside forms); committed values went out with their own messages.
 */
function rerun(trigger) {
  const widgets = {};
  const typing = [];
  for (const root of document.querySelectorAll(WIDGET)) {
    if (!root._slTyping || root.dataset.slForm != null) continue;
    setTyping(root, false);
    const value = readWidget(root);
    if (value === undefined) continue;
    const json = normalJson(root, value);
    if (json === knownJson(root)) continue;
    widgets[root.dataset.slWidget] = value;
    typing.push([root, json]);
  }
  const sent = send({ type: 'rerun', widgets, trigger: trigger ?? null });
  if (sent) {
    for (const [root, json] of typing) {
      root._slSent = json;
      root._slSentRun = typeof state.run === 'number' ? state.run : -1;
    }
  }
  return sent;
}

// ---- file uploader ------------------------------------------------------------------------------------
// Each chosen (or dropped) file is POSTed on its own to the root's data-sl-upload-url (body = the file, name
// in X-Springlit-Filename); the answer {id, name, size} names the upload. When all of them succeeded the
// widget's value (upload ids: the current ones plus the new ones, or only the new one for a single uploader)
// goes out like any other widget value. A refused upload (413, 415, 403, 404...) shows its message under the
// uploader and in #sl-notice, and nothing is sent. The × of a listed file sends the value without it.

/** The upload ids this tab believes the server has for an uploader. */
function uploadedIds(root) {
  let ids = null;
  try { ids = JSON.parse(knownJson(root)); } catch (e) { /* none */ }
  return Array.isArray(ids) ? ids.map(String) : [];
}

function liveWidget(id) {
  for (const root of document.querySelectorAll(WIDGET)) if (root.dataset.slWidget === id) return root;
  return null;
}

function showUploadError(root, message) {
  const box = root?.querySelector('.sl-uploader-error');
  if (box) {
    box.textContent = message || '';
    box.hidden = !message;
  }
  if (message) showNotice(message, { level: 'error' });
}

/** Sends an uploader's new value (or keeps it for its form). */
function sendUploaderValue(root, ids) {
  const id = root.dataset.slWidget;
  const json = JSON.stringify(ids);
  if (root.dataset.slForm != null) {
    onFormWidgetChange(root.dataset.slForm, id, ids, root);
    return false;
  }
  if (!send({ type: 'rerun', widgets: { [id]: ids }, trigger: null })) return false;
  root._slSent = json;
  root._slSentRun = typeof state.run === 'number' ? state.run : -1;
  return true;
}

async function uploadFiles(root, fileList) {
  const input = root.querySelector('input[type="file"][data-sl-input]');
  const url = root.querySelector('[data-sl-upload-url]')?.getAttribute('data-sl-upload-url');
  let files = [...(fileList || [])];
  if (!input || input.disabled || !url || files.length === 0) return;
  const multiple = input.multiple;
  if (!multiple) files = files.slice(0, 1);
  const id = root.dataset.slWidget;
  showUploadError(root, null);
  root.setAttribute('data-sl-uploading', '');
  root.setAttribute('aria-busy', 'true');
  const uploaded = [];
  let error = null;
  try {
    for (const file of files) {
      let response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body: file,
          headers: {
            'Content-Type': file.type || 'application/octet-stream',
            'X-Springlit-Filename': encodeURIComponent(file.name),
          },
        });
      } catch (e) {
        error = `Could not upload "${file.name}": the server cannot be reached.`;
        break;
      }
      let data = null;
      try { data = await response.json(); } catch (e) { /* not JSON */ }
      if (!response.ok || data == null || data.id == null) {
        error = (data && typeof data.error === 'string' && data.error)
          || `Could not upload "${file.name}" (HTTP ${response.status}).`;
        break;
      }
      uploaded.push(String(data.id));
    }
  } finally {
    // The element may have been re-rendered meanwhile: finish on the one now on the page.
    for (const el of new Set([root, liveWidget(id)])) {
      el?.removeAttribute('data-sl-uploading');
      el?.removeAttribute('aria-busy');
      const field = el?.querySelector('input[type="file"][data-sl-input]');
      if (field) field.value = ''; // choosing the same file again fires change again
    }
  }
  const live = liveWidget(id) || root;
  if (error) {
    showUploadError(live, error);
    return;
  }
  sendUploaderValue(live, multiple ? [...uploadedIds(live), ...uploaded] : uploaded.slice(0, 1));
}

function removeUpload(root, uploadId) {
  const input = root.querySelector('input[type="file"][data-sl-input]');
  if (input?.disabled) return;
  showUploadError(root, null);
  sendUploaderValue(root, uploadedIds(root).filter((id) => id !== uploadId));
}

function dropzoneOf(event) {
  const target = event.target instanceof Element ? event.target : event.target?.parentElement;
  const zone = target?.closest('[data-sl-dropzone]');
  const root = zone && widgetRoot(zone);
  const input = root?.querySelector('input[type="file"][data-sl-input]');
  return root && input && !input.disabled ? [zone, root] : [null, null];
}

function onDragOver(event) {
  const [zone] = dropzoneOf(event);
  if (!zone || !event.dataTransfer?.types?.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  zone.classList.add('sl-dragover');
}

function onDragLeave(event) {
  const [zone] = dropzoneOf(event);
  if (zone && !(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) {
    zone.classList.remove('sl-dragover');
  }
}

function onDrop(event) {
  const [zone, root] = dropzoneOf(event);
  if (!zone) return;
  event.preventDefault();
  zone.classList.remove('sl-dragover');
  uploadFiles(root, event.dataTransfer?.files);
}

// ---------------------------------------------------------------------------------------------------------
// Navigation

function navigate(pathname, search = '') {
  return send({ type: 'navigate', page: pathname, query: search });
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
  navigate(url.pathname, url.search);
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
    closePopovers(target);
    onNavClick(event, nav);
    return;
  }
  if (onBlockClick(event, target)) return;
  if (onDataClick(event, target)) return;
  const stepper = target.closest('[data-sl-step]');
  if (stepper) {
    const root = widgetRoot(stepper);
    if (root && !stepper.disabled) {
      event.preventDefault();
      stepNumber(root, Number(stepper.getAttribute('data-sl-step')) < 0 ? -1 : 1);
    }
    return;
  }
  const remove = target.closest('[data-sl-remove]');
  if (remove) {
    const root = widgetRoot(remove);
    if (root && !remove.disabled) {
      event.preventDefault();
      removeUpload(root, remove.getAttribute('data-sl-remove'));
    }
    return;
  }
  const trigger = target.closest('[data-sl-trigger]');
  if (!trigger) return;
  if (trigger.matches(':disabled') || trigger.getAttribute('aria-disabled') === 'true') {
    event.preventDefault(); // e.g. a disabled download link
    return;
  }
  const id = trigger.getAttribute('data-sl-widget');
  if (id == null) return;
  // A download link (a[download]) still downloads: only the trigger is added.
  if (!trigger.matches('a[download]')) event.preventDefault();
  const form = trigger.getAttribute('data-sl-submit-for');
  if (form != null) submitForm(form, id);
  else rerun(id);
});

document.addEventListener('input', onWidgetInput);
document.addEventListener('change', onWidgetChange);
document.addEventListener('keydown', onWidgetKeyDown);
document.addEventListener('keydown', onBlockKeyDown);
document.addEventListener('focusout', onWidgetFocusOut);
document.addEventListener('mousedown', onOptionMouseDown);
document.addEventListener('dragover', onDragOver);
document.addEventListener('animationend', onToastAnimationEnd);
document.addEventListener('dragleave', onDragLeave);
document.addEventListener('drop', onDrop);

window.addEventListener('popstate', () => {
  if (location.pathname === state.page) return; // e.g. only the #hash changed
  state.page = location.pathname;
  body.dataset.slPage = location.pathname;
  markNav(location.pathname);
  // When disconnected, the hello of the next connection carries the new path.
  if (isOpen()) navigate(location.pathname, location.search);
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
  collectWidgets,
  readWidget,
  pendingForms,
  get socket() { return socket; },
});

// ---- select_slider (issue 13): to be ported into its own widgets/ module -----------------------------------
// A slider over option positions (templates/springlit/widgets/select_slider.html): one range input, or two
// (data-sl-part low/high) for a range. The wire value is an option index, or [start, end] indices; the option
// labels come from the widget's <datalist>. Function declarations, so the switches above may call them early.

function readSelectSlider(fields) {
  const start = numberOf(fields[0]);
  if (start == null) return undefined;
  if (fields.length < 2) return start;
  const end = numberOf(fields[1]);
  if (end == null) return undefined;
  return start <= end ? [start, end] : [end, start];
}

function applySelectSlider(fields, value) {
  const values = Array.isArray(value) ? value : [value];
  fields.forEach((field, i) => {
    const text = values[i] == null ? '' : String(values[i]);
    if (field.value !== text) field.value = text;
  });
}

function refreshSelectSlider(root, fields) {
  const labels = [...root.querySelectorAll('datalist option')].map((o) => o.label);
  const last = Math.max(1, labels.length - 1);
  const positions = fields.map((f) => numberOf(f) ?? 0);
  const lo = fields.length < 2 ? 0 : positions[0] / last;
  const hi = positions[positions.length - 1] / last;
  const track = root.querySelector('.sl-slider-track');
  if (track) {
    track.style.setProperty('--sl-lo', String(lo));
    track.style.setProperty('--sl-hi', String(hi));
    track.style.setProperty('--sl-pos', String(fields.length < 2 ? hi : (lo + hi) / 2));
  }
  setText(root.querySelector('.sl-slider-value'), positions.map((p) => labels[p] ?? '').join(' – '));
}
