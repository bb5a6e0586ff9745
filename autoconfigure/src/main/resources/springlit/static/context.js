// What the browser tells the server about itself for st.context(): its languages, IANA time zone and colour
// theme. Sent before `hello` (so the first run already sees them) and again when the theme or the time zone
// changes. The server checks every field; bad values fall back to its defaults.

import { MSG } from './constants.js';

const DARK = '(prefers-color-scheme: dark)';

/**
 * The `context` message for `nav` (navigator), `intl` (Intl) and `dark` (whether the page shows its dark
 * theme): pure, so its cases run without a real browser's settings.
 */
export function contextMessage(nav, intl, dark) {
  const languages = Array.isArray(nav?.languages) && nav.languages.length ? nav.languages
    : (nav?.language ? [nav.language] : []);
  let timeZone = null;
  try {
    timeZone = intl?.DateTimeFormat?.().resolvedOptions().timeZone || null;
  } catch (e) {
    timeZone = null;
  }
  return {
    type: MSG.CONTEXT,
    locales: languages.filter((tag) => typeof tag === 'string').slice(0, 20),
    timeZone,
    theme: dark ? 'dark' : 'light',
  };
}

function prefersDark() {
  return typeof matchMedia === 'function' && matchMedia(DARK).matches;
}

/** This browser's `context` message now. */
export function browserContext() {
  return contextMessage(navigator, Intl, prefersDark());
}

/**
 * Calls `send(message)` whenever the reported context changes: the colour scheme flips, or the time zone
 * differs when the tab becomes visible again (a laptop carried across zones).
 */
export function watchBrowserContext(send) {
  let last = JSON.stringify(browserContext());
  const check = () => {
    const now = browserContext();
    const text = JSON.stringify(now);
    if (text !== last) {
      last = text;
      send(now);
    }
  };
  if (typeof matchMedia === 'function') matchMedia(DARK).addEventListener('change', check);
  document.addEventListener('visibilitychange', () => { if (!document.hidden) check(); });
}
