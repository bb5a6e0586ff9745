// Applying the server's messages (docs/protocol.md) to the page: `session`, `delta` (its set, trim and
// reached ops), `page`, `query`, `error` and `busy`; what a run has not redrawn yet shows as stale
// (stale.js; a fragment run's delta names its fragment, and only that part is stale). Dialogs open when
// patched in and close when they leave the page (dialog.js). A bad op is logged and skipped; the rest of the
// delta still applies.

import { CHILDREN, MSG, OP, ROOT, SESSION_KEY, UNSETTLED_STATUSES, rootSelector } from './constants.js';
import { state, writeStorage } from './state.js';
import { acknowledge, resetBackoff, stop } from './connection.js';
import { setRunning, showNotice } from './notices.js';
import { showPage } from './nav.js';
import { applyLayout, onNavigated } from './layout.js';
import { parseElement, placeholder, replaceElement } from './patch.js';
import { initBlocks, isBlock, refreshOwner, replaceBlock } from './blocks.js';
import { afterOps, dataState, initData } from './data/index.js';
import { initWidgets, settleWidgets } from './widgets/values.js';
import { clearPending } from './widgets/pending.js';
import { clearStale, markCurrent, markReached, markStale } from './stale.js';
import { describe } from './a11y.js';
import { enhanceMultiselects } from './widgets/chips.js';
import { redirect } from './redirect.js';
import { closeDialogs, focusOpenedDialogs, openDialogs } from './dialog.js';

export function handle(msg) {
  switch (msg.type) {
    case MSG.SESSION:
      acknowledge(msg.seq, { attached: true, sameSession: msg.id === state.session, received: msg.received });
      state.session = msg.id;
      writeStorage(SESSION_KEY, msg.id);
      resetBackoff();
      // how often a server took the tab (tests and tools wait for a reconnect to land: it may draw nothing, S9.2)
      document.body.dataset.slAttached = String(Number(document.body.dataset.slAttached || 0) + 1);
      // a page that came with its first run shows it inert until now: it takes clicks from here on
      for (const root of document.querySelectorAll(ROOT)) root.removeAttribute('inert');
      if (msg.reset) {
        adopted = null;
        closeDialogs(document.body);
        for (const root of document.querySelectorAll(ROOT)) root.replaceChildren();
        clearPending();
        afterOps();
      } else if (adopted) {
        // the server kept the session whose first run the page came with: that run ends now, for this tab
        const run = adopted;
        adopted = null;
        endRun(run);
      }
      // The answer to hello names the page the session shows; it is not a navigation, so replace.
      if (typeof msg.page === 'string') {
        shownPage = msg.page;
        showPage(msg.page, msg.title, true);
      }
      break;
    case MSG.DELTA:
      applyDelta(msg);
      break;
    case MSG.PAGE:
      // the old page's elements must not stay under the new title; its run redraws what it shows
      if (msg.path !== shownPage) {
        closeDialogs(document.body); // a hidden modal would still block the page
        markStale('page');
      }
      shownPage = msg.path;
      showPage(msg.path, msg.title, false);
      applyLayout(msg.path);
      onNavigated();
      break;
    case MSG.ERROR:
      console.warn('[springlit] server error', msg.code, msg.message);
      showNotice(msg.message || msg.code || 'Error', { level: 'error' });
      break;
    case MSG.QUERY:
      // Query parameters written by the page: shown in the address bar without a reload or a history entry.
      if (typeof msg.search === 'string' && msg.search !== location.search) {
        history.replaceState(history.state, '', location.pathname + msg.search + location.hash);
      }
      break;
    case MSG.REDIRECT:
      redirect(msg);
      break;
    case MSG.BUSY:
      console.warn('[springlit] server busy', msg.message);
      stop(msg.message || 'The server is busy. Please try again later.');
      break;
    default:
      console.warn('[springlit] unknown message type', msg.type);
  }
}

/** The run whose start marked the page stale. */
let staleRun = null;
/** The page whose elements the roots show (state.page already names a page the user clicked). */
let shownPage = state.page;

function applyDelta(msg) {
  if (msg.status == null && msg.run !== staleRun) {
    staleRun = msg.run;
    const scope = Array.isArray(msg.fragment) ? fragmentBlock(msg.fragment) : null;
    if (!Array.isArray(msg.fragment)) markStale('run');
    else if (scope) markStale('run', scope);
  }
  if (typeof msg.run === 'number') state.run = msg.run;
  if (msg.status != null) acknowledge(msg.seq);
  for (const op of msg.ops || []) {
    try {
      applyOp(op);
    } catch (e) {
      console.error('[springlit] cannot apply op', op, e);
    }
  }
  focusOpenedDialogs();
  if (msg.status == null) {
    setRunning(true);
  } else {
    endRun(msg);
  }
  afterOps();
}

function endRun(msg) {
  const body = document.body;
  state.status = msg.status;
  state.runs++;
  state.ready = true;
  body.dataset.slStatus = msg.status;
  body.dataset.slRuns = String(state.runs);
  body.dataset.slReady = 'true';
  setRunning(false);
  clearStale();
  if (!UNSETTLED_STATUSES.has(msg.status)) settleWidgets(msg.run);
}

/** The first run the page's GET rendered, built but not yet ended: its `session` answer ends it (or resets it). */
let adopted = null;

/**
 * Builds the tree from the first run the page's GET rendered (a JSON `delta` beside the server's HTML of it), so
 * the page is live as if that delta had come over the socket; the run counts as ended once the server confirms
 * the session (until then a click could not be sent). A tab that has a session of its own to reclaim drops it.
 */
export function adoptFirstRun() {
  const block = document.getElementById('sl-first-run');
  if (!block) return;
  block.remove();
  for (const root of document.querySelectorAll(ROOT)) root.replaceChildren();
  if (state.session) return;
  let msg;
  try {
    msg = JSON.parse(block.textContent);
  } catch (e) {
    console.warn('[springlit] unreadable first run', e);
    return;
  }
  if (typeof msg.run === 'number') state.run = msg.run;
  for (const op of msg.ops || []) {
    try {
      applyOp(op);
    } catch (e) {
      console.error('[springlit] cannot apply op', op, e);
    }
  }
  adopted = msg;
  afterOps();
}

/** The container addressed by `path`: path[0] is the root, every further number a child's children. */
function resolveContainer(path) {
  let container = document.querySelector(rootSelector(path[0]));
  if (!container) throw new Error(`no root container ${path[0]}`);
  for (let i = 1; i < path.length; i++) {
    const child = container.children[path[i]];
    if (!child) throw new Error(`no element at ${path.slice(0, i + 1)}`);
    container = child.matches(CHILDREN) ? child : child.querySelector(CHILDREN);
    if (!container) throw new Error(`element at ${path.slice(0, i + 1)} has no children`);
  }
  return container;
}

/** The element a fragment run redraws (its block), or null when the page does not show it. */
function fragmentBlock(path) {
  try {
    if (path.length < 2) return null;
    return resolveContainer(path.slice(0, -1)).children[path[path.length - 1]] ?? null;
  } catch (e) {
    return null;
  }
}

function applyOp(op) {
  if (!Array.isArray(op.path) || op.path.length === 0) throw new Error('bad path');
  switch (op.op) {
    case OP.SET: {
      if (op.path.length < 2) throw new Error('set needs a child index');
      const container = resolveContainer(op.path.slice(0, -1));
      const index = op.path[op.path.length - 1];
      const node = parseElement(op.html);
      while (container.children.length < index) container.append(placeholder());
      const old = container.children[index];
      const before = old ? dataState(old) : null;
      let live = node;
      if (old) closeDialogs(old);
      if (old && isBlock(old) && isBlock(node)) live = replaceBlock(old, node);
      else if (old) live = replaceElement(old, node);
      else container.append(node);
      markCurrent(live);
      describe(live);
      initWidgets(live);
      enhanceMultiselects(live);
      initBlocks(live);
      initData(live, before);
      openDialogs(live);
      refreshOwner(container);
      break;
    }
    case OP.TRIM: {
      const container = resolveContainer(op.path);
      while (container.children.length > op.length) {
        closeDialogs(container.lastElementChild);
        container.lastElementChild.remove();
      }
      refreshOwner(container);
      break;
    }
    case OP.REACHED: {
      const container = resolveContainer(op.path.slice(0, -1));
      const node = container.children[op.path[op.path.length - 1]];
      if (node) markReached(node);
      break;
    }
    default:
      throw new Error(`unknown op ${op.op}`);
  }
}
