// Blocks (containers): elements/block.html, root [data-sl-block="<kind>"], children in its
// first [data-sl-children]. The server redraws a block only when its props change, and then empty (its
// children follow as set ops). What the user did with the block itself is client state and survives such a
// redraw: an expander's open/closed state (while its label stays the same), the selected tab (by label, else
// by index; tabs root data-sl-selected = index, [data-sl-tab] strip buttons, tab blocks hidden unless
// selected), an open popover (.sl-popover-toggle, .sl-popover-panel).

import { CHILDREN, BLOCK, TAB, TABS, POPOVER } from './constants.js';

export function isBlock(el) {
  return el instanceof Element && el.matches(BLOCK);
}

/** The block's own parts, not those of blocks nested in its children. */
function ownParts(block, selector) {
  const children = block.querySelector(CHILDREN);
  return [...block.querySelectorAll(selector)].filter((el) => !children || !children.contains(el) || el === children);
}

function tabLabels(tabs) {
  return ownParts(tabs, TAB).map((t) => t.value ?? t.textContent);
}

/** Replaces block `old` with the freshly rendered block `node`, carrying the user's state over. */
export function replaceBlock(old, node) {
  const kind = old.dataset.slBlock;
  const active = document.activeElement;
  let focus = null; // how to find the focused part of the block again
  if (active && active !== document.body && old.contains(active)) {
    const children = old.querySelector(CHILDREN);
    if (!children || !children.contains(active)) {
      if (active.matches('summary')) focus = 'summary';
      else if (active.matches(TAB)) focus = 'tab';
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
  if (focus === 'tab') ownParts(node, `${TAB}[aria-selected="true"]`)[0]?.focus({ preventScroll: true });
  else if (focus) ownParts(node, focus)[0]?.focus({ preventScroll: true });
  return node;
}

/** After a set op: tabs in the new node show their selected tab. */
export function initBlocks(node) {
  if (!(node instanceof Element)) return;
  if (node.matches(TABS)) applyTabs(node);
  for (const tabs of node.querySelectorAll(TABS)) applyTabs(tabs);
}

/** After children of `container` changed: the block owning it re-applies its state (tab visibility). */
export function refreshOwner(container) {
  const owner = container.closest(BLOCK);
  if (owner?.dataset.slBlock === 'tabs') applyTabs(owner);
}

let tabIds = 0;

/** Shows the selected tab of a tabs block (data-sl-selected, default 0) and hides the others. */
function applyTabs(tabs) {
  const buttons = ownParts(tabs, TAB);
  let selected = Number(tabs.dataset.slSelected || 0);
  if (!Number.isInteger(selected) || selected < 0) selected = 0;
  if (selected >= buttons.length) selected = Math.max(0, buttons.length - 1);
  if (!tabs.dataset.slTabsId) tabs.dataset.slTabsId = String(++tabIds);
  const prefix = `sl-tabs-${tabs.dataset.slTabsId}`;
  const panels = [...(tabs.querySelector(CHILDREN)?.children || [])];
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
  if (focus) ownParts(tabs, TAB)[index]?.focus();
}

function onTabKeyDown(event, tab) {
  const tabs = tab.closest(TABS);
  if (!tabs) return;
  const buttons = ownParts(tabs, TAB);
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
export function closePopovers(target) {
  for (const popover of document.querySelectorAll(`${POPOVER}.sl-open`)) {
    if (target && popover.contains(target)) continue;
    setPopover(popover, false);
  }
}

export function onBlockKeyDown(event) {
  if (event.defaultPrevented || event.isComposing) return;
  const target = event.target instanceof Element ? event.target : null;
  if (event.key === 'Escape') {
    const open = target?.closest(`${POPOVER}.sl-open`) || document.querySelector(`${POPOVER}.sl-open`);
    if (open) {
      const inside = open.contains(target);
      closePopovers(null);
      if (inside) ownParts(open, '.sl-popover-toggle')[0]?.focus();
    }
    return;
  }
  const tab = target?.closest(TAB);
  if (tab) onTabKeyDown(event, tab);
}

/** Clicks on block parts (tabs, popover toggles). Returns true when the click was one. */
export function onBlockClick(event, target) {
  closePopovers(target);
  const tab = target.closest(TAB);
  if (tab) {
    const tabs = tab.closest(TABS);
    if (tabs) selectTab(tabs, ownParts(tabs, TAB).indexOf(tab), false);
    return true;
  }
  const toggle = target.closest('.sl-popover-toggle');
  if (toggle) {
    const popover = toggle.closest(POPOVER);
    if (popover) setPopover(popover, !popover.classList.contains('sl-open'));
    return true;
  }
  return false;
}
