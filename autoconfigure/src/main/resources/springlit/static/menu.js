// The app menu at the top right, as in Streamlit: Rerun, Stop (while a run goes on), the colour theme (System,
// Light, Dark; theme.js) and About (the app's name and <body data-sl-about>); the Stop button shown while a run
// goes on sits in the running indicator (stop.js). Built here, not in the template: the same on every page. Keyboard: the menu
// button opens it (Enter, Space, ArrowDown), arrows move between items, Escape closes it.

import { MSG } from './constants.js';
import { state } from './state.js';
import { send } from './connection.js';
import { THEMES, chooseTheme, chosenTheme } from './theme.js';

const THEME_LABELS = { system: 'System', light: 'Light', dark: 'Dark' };

let button;
let menu;
let about;

function element(tag, attrs = {}, text = null) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (text != null) el.textContent = text;
  return el;
}

export function rerunNow() {
  return send({ type: MSG.RERUN, widgets: {}, trigger: null });
}

export function stopRun() {
  return state.running && send({ type: MSG.STOP });
}

function items() {
  return [...menu.querySelectorAll('[role^="menuitem"]:not([aria-disabled="true"])')];
}

function openMenu(focusFirst) {
  refreshMenu();
  menu.hidden = false;
  button.setAttribute('aria-expanded', 'true');
  if (focusFirst) items()[0]?.focus();
}

function closeMenu(returnFocus) {
  if (menu.hidden) return;
  menu.hidden = true;
  button.setAttribute('aria-expanded', 'false');
  if (returnFocus) button.focus();
}

function refreshMenu() {
  const stop = menu.querySelector('[data-sl-menu="stop"]');
  stop.setAttribute('aria-disabled', String(!state.running));
  const theme = chosenTheme();
  for (const item of menu.querySelectorAll('[data-sl-theme-choice]')) {
    item.setAttribute('aria-checked', String(item.dataset.slThemeChoice === theme));
  }
}

function showAbout() {
  if (!about.open) about.showModal();
}

function act(item) {
  const action = item.dataset.slMenu;
  if (item.getAttribute('aria-disabled') === 'true') return;
  if (action === 'rerun') rerunNow();
  else if (action === 'stop') stopRun();
  else if (action === 'about') showAbout();
  else if (item.dataset.slThemeChoice) chooseTheme(item.dataset.slThemeChoice);
  closeMenu(action !== 'about');
}

function buildAbout() {
  about = element('dialog', { class: 'sl-about', 'aria-labelledby': 'sl-about-title' });
  const appName = document.querySelector('.sl-app-name')?.textContent.trim() || 'Springlit';
  about.append(element('h2', { id: 'sl-about-title' }, `About ${appName}`));
  const text = document.body.dataset.slAbout;
  for (const line of (text || 'Made with Springlit.').split(/\n{2,}/)) about.append(element('p', {}, line));
  const close = element('button', { type: 'button', class: 'sl-button sl-button-secondary' }, 'Close');
  close.addEventListener('click', () => about.close());
  about.append(close);
  document.body.append(about);
}

function buildMenu(bar) {
  button = element('button', {
    type: 'button', class: 'sl-menu-button', 'aria-haspopup': 'menu', 'aria-expanded': 'false',
    'aria-controls': 'sl-menu', 'aria-label': 'Main menu', title: 'Main menu',
  }, '⋮');
  menu = element('div', { id: 'sl-menu', class: 'sl-menu', role: 'menu', 'aria-label': 'Main menu' });
  menu.hidden = true;
  menu.append(
    element('div', { role: 'menuitem', tabindex: '-1', 'data-sl-menu': 'rerun' }, 'Rerun'),
    element('div', { role: 'menuitem', tabindex: '-1', 'data-sl-menu': 'stop' }, 'Stop'),
    element('div', { role: 'separator', class: 'sl-menu-separator' }),
    element('div', { class: 'sl-menu-heading', 'aria-hidden': 'true' }, 'Theme'),
  );
  for (const theme of THEMES) {
    menu.append(element('div', {
      role: 'menuitemradio', tabindex: '-1', 'data-sl-theme-choice': theme, 'aria-checked': 'false',
    }, THEME_LABELS[theme]));
  }
  menu.append(
    element('div', { role: 'separator', class: 'sl-menu-separator' }),
    element('div', { role: 'menuitem', tabindex: '-1', 'data-sl-menu': 'about' }, 'About'),
  );
  button.addEventListener('click', () => (menu.hidden ? openMenu(false) : closeMenu(false)));
  button.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      openMenu(true);
    }
  });
  menu.addEventListener('click', (event) => {
    const item = event.target instanceof Element ? event.target.closest('[role^="menuitem"]') : null;
    if (item) act(item);
  });
  menu.addEventListener('keydown', (event) => {
    const list = items();
    const at = list.indexOf(document.activeElement);
    if (event.key === 'Escape') closeMenu(true);
    else if (event.key === 'ArrowDown') list[(at + 1) % list.length]?.focus();
    else if (event.key === 'ArrowUp') list[(at - 1 + list.length) % list.length]?.focus();
    else if (event.key === 'Enter' || event.key === ' ') {
      if (at >= 0) act(list[at]);
    } else return;
    event.preventDefault();
  });
  document.addEventListener('click', (event) => {
    if (!menu.hidden && event.target instanceof Node && !menu.contains(event.target) && !button.contains(event.target)) {
      closeMenu(false);
    }
  });
  bar.append(button, menu);
}

/** Adds the app menu to the status bar at the top right. */
export function initMenu() {
  const status = document.querySelector('.sl-status');
  if (!status) return;
  const bar = element('div', { class: 'sl-toolbar' });
  buildMenu(bar);
  status.append(bar);
  buildAbout();
}
