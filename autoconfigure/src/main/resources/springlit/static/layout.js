// The page's frame: its layout (<body data-sl-layout="centered|wide">, which follows the page on a switch
// without reload: the sidebar's links carry each page's layout) and the sidebar, which collapses behind a
// toggle button. <body data-sl-sidebar> is the app's initial state ("auto": open except on narrow screens
// such as phones, "expanded", "collapsed"); data-sl-sidebar-open="true|false" is the state now. On a narrow
// screen the open sidebar lies over the page and closes when a page link is followed or on Escape.

import { pageOf } from './routes.js';

const NARROW = matchMedia('(max-width: 767.98px)');

let toggle;
let userToggled = false;

function isOpen() {
  return document.body.dataset.slSidebarOpen === 'true';
}

function setOpen(open) {
  document.body.dataset.slSidebarOpen = String(open);
  if (!toggle) return;
  toggle.setAttribute('aria-expanded', String(open));
  toggle.setAttribute('aria-label', open ? 'Close sidebar' : 'Open sidebar');
  toggle.title = open ? 'Close sidebar' : 'Open sidebar';
  toggle.textContent = open ? '×' : '☰';
}

function initialOpen() {
  const initial = document.body.dataset.slSidebar;
  if (initial === 'expanded') return true;
  if (initial === 'collapsed') return false;
  return !NARROW.matches;
}

/** After a page switch without reload: the new page's layout. */
export function applyLayout(path) {
  for (const a of document.querySelectorAll('a[data-sl-nav][data-sl-layout]')) {
    if (pageOf(new URL(a.href, document.baseURI).pathname) === path) {
      document.body.dataset.slLayout = a.dataset.slLayout;
      return;
    }
  }
}

/** A page link was followed: on a narrow screen the sidebar gets out of the way. */
export function onNavigated() {
  if (NARROW.matches && isOpen()) setOpen(false);
}

export function initLayout() {
  const sidebar = document.querySelector('.sl-sidebar');
  if (!sidebar) return;
  toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'sl-sidebar-toggle';
  toggle.setAttribute('aria-controls', sidebar.id || 'sl-sidebar-panel');
  toggle.addEventListener('click', () => {
    userToggled = true;
    setOpen(!isOpen());
  });
  document.body.prepend(toggle);
  setOpen(initialOpen());
  NARROW.addEventListener?.('change', () => {
    if (!userToggled) setOpen(initialOpen());
  });
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && NARROW.matches && isOpen()) {
      setOpen(false);
      toggle.focus();
    }
  });
}
