// DOM patching: turns the server's HTML into nodes and puts them in place of the old ones without taking
// the user's focus, caret or half-typed value away. When the focus is inside the element being replaced and
// the new markup is the same widget, the old nodes are patched in place (morph) instead of replaced.

import { STYLED, WIDGET_ANY, INPUT } from './constants.js';
import { holdsUserValue } from './widgets/live.js';

const template = document.createElement('template');

export function placeholder() {
  const div = document.createElement('div');
  div.className = 'sl-el sl-placeholder';
  return div;
}

/** The element of one `set` op's HTML (a placeholder when there is none), its data-sl-style applied. */
export function parseElement(html) {
  template.innerHTML = html == null ? '' : String(html);
  const node = template.content.firstElementChild;
  template.innerHTML = '';
  if (node) applyStyles(node);
  return node || placeholder();
}

// The server's templates put inline styles (a column's weight, a chart's height, a progress bar's width) in
// data-sl-style: the Content-Security-Policy forbids style attributes in markup, but not styles set here.
function applyStyles(node) {
  if (node.matches(STYLED)) node.style.cssText = node.getAttribute('data-sl-style');
  for (const el of node.querySelectorAll(STYLED)) el.style.cssText = el.getAttribute('data-sl-style');
}

/** The widget id an element stands for: its own data-sl-widget, or that of its first descendant widget. */
export function widgetId(el) {
  if (el.hasAttribute('data-sl-widget')) return el.getAttribute('data-sl-widget');
  const inner = el.querySelector(WIDGET_ANY);
  return inner ? inner.getAttribute('data-sl-widget') : null;
}

/**
 * Replaces `old` with `node`, keeping focus and caret: when the focus is inside `old` and `node` is the same
 * widget, `old` is patched in place (morph) instead of replaced. A value widget the user is typing in keeps
 * what is typed; otherwise the server's value shows, focused or not. Returns the node now in the page.
 */
export function replaceElement(old, node) {
  const active = document.activeElement;
  if (!active || active === document.body || !old.contains(active)) {
    old.replaceWith(node);
    return node;
  }
  const id = widgetId(old);
  const same = old.tagName === node.tagName && id === widgetId(node)
      && old.getAttribute('data-sl-kind') === node.getAttribute('data-sl-kind')
      && (id !== null || old.className === node.className);
  // A widget a library built on (data-sl-enhanced, the multiselect's chips) is replaced and built anew.
  if (same && !old.hasAttribute('data-sl-enhanced')) {
    morph(old, node);
    return old;
  }
  old.replaceWith(node);
  // Different markup: at least put the focus back on the same widget if it is still there.
  const activeId = active.closest(WIDGET_ANY)?.getAttribute('data-sl-widget');
  if (activeId != null) {
    const target = [node, ...node.querySelectorAll(WIDGET_ANY)]
        .find((el) => el.getAttribute('data-sl-widget') === activeId);
    const field = target && !target.matches(`${INPUT}, button, a`)
      ? target.querySelector(INPUT) || target : target;
    field?.focus({ preventScroll: true });
  }
  return node;
}

/** Makes `old` look like `next` while keeping `old`'s nodes where their tag matches. */
export function morph(old, next) {
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
  if ((old instanceof HTMLInputElement || old instanceof HTMLTextAreaElement) && !holdsUserValue(old)) {
    if (old instanceof HTMLInputElement && (old.type === 'checkbox' || old.type === 'radio')) {
      if (old.checked !== next.checked) old.checked = next.checked;
    } else if (old.value !== next.value) {
      old.value = next.value;
    }
  }
  if (old instanceof HTMLTextAreaElement) return; // its children are the default value only
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
  if (old instanceof HTMLSelectElement && !holdsUserValue(old)) {
    const options = [...old.options];
    if (old.multiple) {
      for (const o of options) if (o.selected !== o.defaultSelected) o.selected = o.defaultSelected;
    } else {
      const chosen = options.find((o) => o.defaultSelected) ?? options[0];
      if (chosen && !chosen.selected) chosen.selected = true;
    }
  }
}
