// Stale output (as Streamlit shows it): while a run goes on, what it has not redrawn yet is marked
// data-sl-stale="run", and after FADE_MS still stale "faded" (faded by the stylesheet, not clickable: the
// delay spares quick runs any flicker and lost clicks); a `reached` op makes the
// element at its path, everything before it in the same root and its ancestors current again. After a page
// switch the old page's elements are marked data-sl-stale="page" (hidden at once, never under the new title)
// until the new page's run redraws or removes them. A finished run leaves nothing stale. A fragment run (a
// delta naming its fragment's path) marks only what is inside that fragment: the rest of the page is current.

import { CHILDREN, ROOT } from './constants.js';

const STALE = 'data-sl-stale';
/** Streamlit fades stale elements after about half a second. */
const FADE_MS = 500;

let fadeTimer = null;

function fade() {
  fadeTimer = null;
  for (const el of document.querySelectorAll(`[${STALE}="run"]`)) el.setAttribute(STALE, 'faded');
}

/** Every element the page shows (the children of the roots and of blocks), or those inside `scope`. */
function allElements(scope) {
  return scope ? scope.querySelectorAll(`${CHILDREN} > *`) : document.querySelectorAll(`${ROOT} > *, ${CHILDREN} > *`);
}

/**
 * Marks everything on the page stale: `kind` "run" (a run started) or "page" (another page follows); with
 * `scope` (the block of the fragment a fragment run redraws) only the elements inside it.
 */
export function markStale(kind, scope = null) {
  for (const el of allElements(scope)) {
    if (kind === 'page' || el.getAttribute(STALE) !== 'page') el.setAttribute(STALE, kind);
  }
  if (kind === 'run' && fadeTimer === null) fadeTimer = setTimeout(fade, FADE_MS);
}

/** A node put on the page by a `set` op is current. */
export function markCurrent(node) {
  if (node instanceof Element) node.removeAttribute(STALE);
}

/**
 * The run has drawn the element `node` (resolved from a `reached` path): it, its ancestors and everything
 * before it in its root are current.
 */
export function markReached(node) {
  const root = node.closest(ROOT);
  if (!root) return;
  for (const el of root.querySelectorAll(`[${STALE}]`)) {
    if (el === node || el.contains(node)
        || (node.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_PRECEDING)) {
      el.removeAttribute(STALE);
    }
  }
}

/** A run ended: nothing is stale any more (what it did not draw was trimmed). */
export function clearStale() {
  clearTimeout(fadeTimer);
  fadeTimer = null;
  for (const el of document.querySelectorAll(`[${STALE}]`)) el.removeAttribute(STALE);
}
