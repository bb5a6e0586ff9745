// Navigation between the app's pages without a reload: sidebar links (a[data-sl-nav]), back/forward, and
// the server's `page` answers; the current page is marked in the sidebar and its icon is the favicon. Pages are
// named by their path inside the app ("/counter"); the address bar shows them under the base (routes.js).

import { MSG } from './constants.js';
import { state } from './state.js';
import { isOpen, send } from './connection.js';
import { addressOf, pageOf } from './routes.js';

function navigate(pathname, search = '') {
  return send({ type: MSG.NAVIGATE, page: pathname, query: search });
}

function setPage(path) {
  state.page = path;
  document.body.dataset.slPage = path;
  markNav(path);
}

/** The server shows page `path`: the address bar follows (a new history entry unless `replace`). */
export function showPage(path, title, replace) {
  if (typeof title === 'string') document.title = title;
  if (typeof path !== 'string') return;
  const address = addressOf(path);
  if (address !== location.pathname) {
    if (replace) history.replaceState(history.state, '', address);
    else history.pushState({}, '', address);
  }
  setPage(path);
}

export function markNav(pathname) {
  let icon = null;
  for (const a of document.querySelectorAll('a[data-sl-nav]')) {
    const current = pageOf(new URL(a.href, document.baseURI).pathname) === pathname;
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

export function onNavClick(event, a) {
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
  setPage(pageOf(url.pathname));
  navigate(pageOf(url.pathname), url.search);
}

export function onPopState() {
  const page = pageOf(location.pathname);
  if (page === state.page) return; // e.g. only the #hash changed
  setPage(page);
  // When disconnected, the hello of the next connection carries the new path.
  if (isOpen()) navigate(page, location.search);
}

/**
 * A link to a fragment of this page (href="#part", e.g. in Markdown): with a <base href> the browser would
 * resolve it against the app's root and leave the page, so it only moves to the fragment. Returns whether handled.
 */
export function onFragmentLinkClick(event, a) {
  if (event.defaultPrevented || event.button !== 0) return false;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return false;
  event.preventDefault();
  location.hash = a.getAttribute('href');
  return true;
}
