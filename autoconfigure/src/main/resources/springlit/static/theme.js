// The colour theme the user picked in the app menu: "light", "dark" or "system", remembered in this browser
// (localStorage). The chosen scheme is <html data-sl-theme="light|dark">; with "system" it follows the
// operating system, or the app's base (<html data-sl-theme-base>, streamlit.theme.base) when it has one.

const THEME_KEY = 'springlit.theme';
export const THEMES = Object.freeze(['system', 'light', 'dark']);

const darkQuery = matchMedia('(prefers-color-scheme: dark)');
const listeners = new Set();

export function chosenTheme() {
  let value = null;
  try { value = localStorage.getItem(THEME_KEY); } catch (e) { /* storage unavailable: the default */ }
  return THEMES.includes(value) ? value : 'system';
}

/** "light" or "dark": what the page shows for `choice`. */
export function resolvedScheme(choice = chosenTheme()) {
  if (choice === 'light' || choice === 'dark') return choice;
  const base = document.documentElement.dataset.slThemeBase;
  if (base === 'light' || base === 'dark') return base;
  return darkQuery.matches ? 'dark' : 'light';
}

function apply() {
  const scheme = resolvedScheme();
  if (document.documentElement.dataset.slTheme !== scheme) document.documentElement.dataset.slTheme = scheme;
  for (const listener of listeners) listener(scheme);
}

export function chooseTheme(choice) {
  if (!THEMES.includes(choice)) return;
  try {
    if (choice === 'system') localStorage.removeItem(THEME_KEY);
    else localStorage.setItem(THEME_KEY, choice);
  } catch (e) { /* not remembered, still applied */ }
  apply();
}

/** Calls `listener(scheme)` whenever the scheme changes (charts redraw their colours). */
export function onSchemeChange(listener) {
  listeners.add(listener);
}

export function initTheme() {
  darkQuery.addEventListener?.('change', apply);
  apply();
}
