// Dialogs (st.dialog): a block of kind `dialog` (elements/block.html) whose root carries the dialog's id in
// data-sl-widget and holds a native <dialog>: title, × button (only when dismissible), body
// [data-sl-children]. It opens with showModal() when it is patched in and closes when it is trimmed or
// replaced, so the server's tree alone says whether a dialog is open. The user dismisses a dismissible one with
// ×, Escape or a click on the backdrop: it closes at once and the server hears
// {"type":"rerun","widgets":{},"trigger":<dialog id>} (its onDismiss runs in that run). A dialog that is not
// dismissible stays open whatever the keyboard does. Focus goes into the dialog when it opens and back to what
// had it (found again by widget id when that was redrawn meanwhile) when it closes.

import { CHILDREN, DIALOG, MSG } from './constants.js';
import { send } from './connection.js';

export function isDialog(el) {
  return el instanceof Element && el.matches(DIALOG);
}

function modalOf(block) {
  return block.querySelector(':scope > dialog');
}

export function isDismissible(block) {
  return modalOf(block)?.getAttribute('data-sl-dismissible') === 'true';
}

/** The message a dismissal sends: a rerun triggered by the dialog, or null when it may not be dismissed. */
export function dismissMessage(block) {
  const id = block.getAttribute('data-sl-widget');
  if (!isDismissible(block) || id == null) return null;
  return { type: MSG.RERUN, widgets: {}, trigger: id };
}

/** The dialog blocks in or at `node`. */
function dialogsAt(node) {
  if (!(node instanceof Element)) return [];
  return isDialog(node) ? [node] : [...node.querySelectorAll(DIALOG)];
}

/** Opens every dialog block in or at `node` that is not open yet (after a set op). */
export function openDialogs(node) {
  for (const block of dialogsAt(node)) open(block);
}

function open(block) {
  const modal = modalOf(block);
  if (!modal || modal.open || !block.isConnected) return;
  const active = document.activeElement;
  if (active && active !== document.body && !block.contains(active)) {
    block._slOpener = active;
    block._slOpenerId = active.closest('[data-sl-widget]')?.getAttribute('data-sl-widget') ?? null;
  }
  modal.showModal();
  block._slFocusPending = true;
}

/**
 * After a delta's ops: an opened dialog's focus goes to its first field (its body arrives after the block
 * itself), else it stays on the dialog rather than on ×, which Enter would press.
 */
export function focusOpenedDialogs() {
  for (const block of document.querySelectorAll(DIALOG)) {
    if (!block._slFocusPending) continue;
    delete block._slFocusPending;
    const modal = modalOf(block);
    if (!modal?.open || (modal.contains(document.activeElement) && !document.activeElement.matches('.sl-dialog-close'))) {
      continue;
    }
    const field = modal.querySelector(`${CHILDREN} :is(input:not([type=hidden]), textarea, select, button):not(:disabled)`);
    if (field) field.focus();
    else modal.focus();
  }
}

/** The dialogs in or at `node` are leaving the page (trim, replacement): close them and give the focus back. */
export function closeDialogs(node) {
  for (const block of dialogsAt(node)) close(block);
}

function close(block) {
  const modal = modalOf(block);
  block._slClosed = true; // its close event must not reopen it (onDialogClose)
  if (modal?.open) modal.close();
  restoreFocus(block);
}

/** Gives the focus back to what had it before the dialog opened (once). */
function restoreFocus(block) {
  const opener = block._slOpener;
  let target = opener?.isConnected ? opener : null;
  if (!target && block._slOpenerId != null) {
    const widget = document.querySelector(`[data-sl-widget="${CSS.escape(block._slOpenerId)}"]`);
    target = widget && (widget.matches('button, input, a, select, textarea') ? widget
      : widget.querySelector('button, input, a, select, textarea'));
  }
  delete block._slOpener;
  delete block._slOpenerId;
  target?.focus({ preventScroll: true });
}

/**
 * The user dismisses `block`: when it is dismissible it closes and `sender` gets the dismissal's message.
 * Returns the message sent, or null.
 */
export function dismiss(block, sender = send) {
  const message = dismissMessage(block);
  if (!message) return null;
  close(block);
  sender(message);
  return message;
}

function blockOf(modal) {
  const block = modal instanceof HTMLDialogElement ? modal.parentElement : null;
  return isDialog(block) ? block : null;
}

/** Escape (the dialog's cancel event): dismisses a dismissible dialog, and is refused by any other. */
export function onDialogCancel(event) {
  const block = blockOf(event.target);
  if (!block) return;
  event.preventDefault();
  dismiss(block);
}

/**
 * A dialog closed by the browser itself (Chrome closes one on a repeated Escape without a cancel event): a
 * dismissible one counts as dismissed, one that must stay opens again.
 */
export function onDialogClose(event) {
  const block = blockOf(event.target);
  if (!block || block._slClosed || !block.isConnected) return;
  if (isDismissible(block)) dismiss(block);
  else event.target.showModal();
}

/** Escape on a dialog that may not be dismissed does nothing (no close request reaches it). */
export function onDialogKeyDown(event) {
  if (event.key !== 'Escape') return;
  const modal = event.target instanceof Element ? event.target.closest('dialog') : null;
  const block = modal && blockOf(modal);
  if (block && !isDismissible(block)) event.preventDefault();
}

let pressedOn = null;

/** Where a click started: a drag from the body that ends on the backdrop is no click outside. */
export function onDialogMouseDown(event) {
  pressedOn = event.target;
}

/** Clicks on × or on the backdrop (the <dialog> itself, outside its box). Returns true when handled. */
export function onDialogClick(event, target) {
  const closeButton = target.closest('.sl-dialog-close');
  if (closeButton) {
    const block = closeButton.closest(DIALOG);
    if (block) dismiss(block);
    return true;
  }
  if (!(target instanceof HTMLDialogElement) || pressedOn !== target) return false;
  const block = blockOf(target);
  if (!block) return false;
  const box = target.getBoundingClientRect();
  const outside = event.clientX < box.left || event.clientX > box.right
    || event.clientY < box.top || event.clientY > box.bottom;
  if (outside) dismiss(block);
  return true;
}
