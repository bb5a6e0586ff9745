// Navigation between the app's pages without a reload: sidebar links (a[data-sl-nav]), back/forward, and
// the server's `page` answers; the current page is marked in the sidebar and its icon is the favicon.

import { MSG } from './constants.js';
import { state } from './state.js';
import { isOpen, send } from './connection.js';

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
  if (path !== location.pathname) {
    if (replace) history.replaceState(history.state, '', path);
    else history.pushState({}, '', path);
  }
  setPage(path);
}

export function markNav(pathname) {
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
  setPage(url.pathname);
  navigate(url.pathname, url.search);
}

export function onPopState() {
  if (location.pathname === state.page) return; // e.g. only the #hash changed
  setPage(location.pathname);
  // When disconnected, the hello of the next connection carries the new path.
  if (isOpen()) navigate(location.pathname, location.search);
}
