// Springlit browser client, entry module: vanilla ES modules served from the jar, no build step, no
// dependencies (Chart.js and Tom Select are loaded from their WebJars on the first chart or multiselect).
//
// It opens the WebSocket named by <body data-sl-stream> (connection.js), says `hello`, applies the server's
// messages to the page (messages.js) and sends `rerun` (widgets/) and `navigate` (nav.js). The wire protocol
// is docs/protocol.md; the DOM contract is constants.js. The shell loads this module from a path that
// carries the asset version, so every relative import below is fetched anew after a release.
//
// Only this module has side effects: it wires the document's and window's events and connects.

import { UNLOADED_KEY } from './constants.js';
import { readStorage, state, writeStorage } from './state.js';
import { configure, connect, currentSocket, isOpen, reconnectNow, send, setUnloading } from './connection.js';
import { watchBrowserContext } from './context.js';
import { adoptFirstRun, handle } from './messages.js';
import { markNav, onFragmentLinkClick, onNavClick, onPopState } from './nav.js';
import { closePopovers, onBlockClick, onBlockKeyDown } from './blocks.js';
import {
  onDialogCancel, onDialogClick, onDialogClose, onDialogKeyDown, onDialogMouseDown,
} from './dialog.js';
import { onDataClick } from './data/index.js';
import { followColourScheme } from './data/chart.js';
import { initMenu } from './menu.js';
import { initLayout } from './layout.js';
import { a11yKeyDown } from './a11y.js';
import { initTheme } from './theme.js';
import { onToastAnimationEnd } from './data/toasts.js';
import { installStop } from './stop.js';
import { followChat } from './widgets/chatInput.js';
import { collectWidgets } from './widgets/values.js';
import { onOptionMouseDown } from './widgets/choices.js';
import { onDragLeave, onDragOver, onDrop } from './widgets/uploads.js';
import {
  onWidgetChange, onWidgetClick, onWidgetFocusOut, onWidgetInput, onWidgetKeyDown,
} from './widgets/events.js';

document.addEventListener('click', (event) => {
  const target = event.target instanceof Element ? event.target : event.target?.parentElement;
  if (!target) return;
  const nav = target.closest('a[data-sl-nav]');
  if (nav) {
    closePopovers(target);
    onNavClick(event, nav);
    return;
  }
  const fragment = target.closest('a[href^="#"]');
  if (fragment && onFragmentLinkClick(event, fragment)) return;
  if (onDialogClick(event, target)) return;
  if (onBlockClick(event, target)) return;
  if (onDataClick(event, target)) return;
  onWidgetClick(event, target);
});

document.addEventListener('input', onWidgetInput);
document.addEventListener('change', onWidgetChange);
document.addEventListener('keydown', onWidgetKeyDown);
document.addEventListener('keydown', onBlockKeyDown);
document.addEventListener('keydown', onDialogKeyDown);
document.addEventListener('mousedown', onDialogMouseDown);
// neither bubbles: caught on the way down
document.addEventListener('cancel', onDialogCancel, true);
document.addEventListener('close', onDialogClose, true);
document.addEventListener('keydown', a11yKeyDown);
document.addEventListener('focusout', onWidgetFocusOut);
document.addEventListener('mousedown', onOptionMouseDown);
document.addEventListener('dragover', onDragOver);
document.addEventListener('animationend', onToastAnimationEnd);
document.addEventListener('dragleave', onDragLeave);
document.addEventListener('drop', onDrop);
initTheme();
followColourScheme();
initLayout();
initMenu();
installStop();
followChat();

window.addEventListener('popstate', onPopState);

// Refresh detection: a tab that unloads marks itself, so the reloaded page reclaims its session, while a
// duplicated tab (which copies sessionStorage but never unloaded) gets its own.
window.addEventListener('pagehide', () => {
  setUnloading(true);
  writeStorage(UNLOADED_KEY, '1');
});

window.addEventListener('pageshow', (event) => {
  if (!event.persisted) return; // restored from the back/forward cache
  writeStorage(UNLOADED_KEY, null);
  setUnloading(false);
});

window.addEventListener('online', reconnectNow);

// The one global: a read-only view for browser tests and debugging (the live socket, the session state),
// nothing that changes the page.
window.springlit = Object.freeze({
  get socket() { return currentSocket(); },
  get state() { return Object.freeze({ ...state }); },
});

const reclaim = readStorage(UNLOADED_KEY) === '1';
writeStorage(UNLOADED_KEY, null);

const body = document.body;
body.dataset.slRunning = 'false';
body.dataset.slRuns = '0';
if (!body.dataset.slReady) body.dataset.slReady = 'false';
markNav(state.page);
configure({ widgets: () => collectWidgets(), onMessage: handle });
adoptFirstRun();
connect(reclaim);
watchBrowserContext((message) => { if (isOpen()) send(message); });
