// Dialogs (dialog.js through messages.js): opened when patched in, closed when they leave the page, and what
// each way of dismissing one sends.
import { assertEqual, assertTrue, test } from './assert.js';
import {
  dismiss, dismissMessage, onDialogCancel, onDialogClick, onDialogClose, onDialogKeyDown, onDialogMouseDown,
} from '/_springlit/static/dialog.js';
import { setTyping } from '/_springlit/static/widgets/live.js';
import { delta, dialog, main, set, textInput } from './fixtures.js';

const button = (id, label) => `<div class="sl-el sl-button-el"><button type="button" class="sl-button"`
  + ` data-sl-widget="${id}" data-sl-trigger>${label}</button></div>`;

const block = () => main().querySelector('[data-sl-block="dialog"]');
const modal = () => block()?.querySelector('dialog');

function openEditDialog({ dismissible = true } = {}) {
  delta([set([0, 0], button('open', 'Edit item'))]);
  main().querySelector('button').focus();
  delta([set([0, 1], dialog('dlg-1', 'Edit item', { dismissible })), set([0, 1, 0], textInput('name'))]);
}

test('a dialog patched in opens as a modal with the focus on its first field', () => {
  openEditDialog();
  assertTrue(modal().open, 'the dialog is open');
  assertTrue(modal().matches(':modal'), 'as a modal');
  assertEqual(document.activeElement?.closest('[data-sl-widget]')?.getAttribute('data-sl-widget'), 'name',
    'focused widget');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('a dialog the run no longer draws closes and gives the focus back to what opened it', () => {
  openEditDialog();
  const shown = modal();
  delta([{ op: 'trim', path: [0], length: 1 }]);
  assertEqual(shown.open, false, 'closed');
  assertEqual(block(), null, 'gone from the page');
  assertEqual(document.activeElement?.getAttribute('data-sl-widget'), 'open', 'focused widget after closing');
});

test('a patch inside an open dialog keeps the focus and what is typed', () => {
  openEditDialog();
  const field = modal().querySelector('input');
  field.value = 'Lamp';
  setTyping(field.closest('[data-sl-widget]'), true);
  delta([set([0, 1, 0], textInput('name', { label: 'Name (required)' }))]);
  assertTrue(modal().open, 'still open');
  assertEqual(document.activeElement, modal().querySelector('input'), 'focus kept');
  assertEqual(modal().querySelector('input').value, 'Lamp', 'typed text kept');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('dismissing a dialog (×, Escape, backdrop) sends a rerun it triggers, with no widget values', () => {
  openEditDialog();
  const sent = [];
  assertEqual(dismissMessage(block()), { type: 'rerun', widgets: {}, trigger: 'dlg-1' }, 'the message');
  assertEqual(dismiss(block(), (m) => sent.push(m)), sent[0], 'dismiss returns what it sent');
  assertEqual(sent, [{ type: 'rerun', widgets: {}, trigger: 'dlg-1' }], 'sent');
  assertEqual(modal().open, false, 'closed at once, before the server answers');
  assertEqual(document.activeElement?.getAttribute('data-sl-widget'), 'open', 'focus back on the opener');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('Escape (the cancel event) closes a dismissible dialog; × is shown', () => {
  openEditDialog();
  assertTrue(modal().querySelector('.sl-dialog-close') != null, '× shown');
  const shown = modal();
  shown.addEventListener('cancel', onDialogCancel);
  const cancel = new Event('cancel', { cancelable: true });
  shown.dispatchEvent(cancel);
  assertEqual(shown.open, false, 'closed by Escape');
  assertTrue(cancel.defaultPrevented, 'the browser\'s own close is replaced by ours');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('a dialog that is not dismissible has no ×, refuses Escape and a click outside, and sends nothing', () => {
  openEditDialog({ dismissible: false });
  assertEqual(modal().querySelector('.sl-dialog-close'), null, 'no ×');
  assertEqual(dismissMessage(block()), null, 'no dismissal message');
  const sent = [];
  assertEqual(dismiss(block(), (m) => sent.push(m)), null, 'dismiss does nothing');
  assertEqual(sent, [], 'nothing sent');
  const field = modal().querySelector('input');
  field.addEventListener('keydown', onDialogKeyDown);
  const key = new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true });
  field.dispatchEvent(key);
  assertTrue(key.defaultPrevented, 'Escape refused at the key');
  const shown = modal();
  shown.addEventListener('cancel', onDialogCancel);
  shown.dispatchEvent(new Event('cancel', { cancelable: true }));
  onDialogMouseDown({ target: shown });
  onDialogClick({ clientX: 1, clientY: 1 }, shown);
  assertTrue(shown.open, 'still open');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('a click on the backdrop dismisses; a click inside the box or a drag that ends outside does not', () => {
  openEditDialog();
  const shown = modal();
  const box = shown.getBoundingClientRect();
  onDialogMouseDown({ target: shown.querySelector('input') });
  assertTrue(onDialogClick({ clientX: 1, clientY: 1 }, shown) === false, 'a drag from the field is no click');
  assertTrue(shown.open, 'open after the drag');
  onDialogMouseDown({ target: shown });
  onDialogClick({ clientX: box.left + 5, clientY: box.top + 5 }, shown);
  assertTrue(shown.open, 'open after a click inside its box');
  onDialogMouseDown({ target: shown });
  onDialogClick({ clientX: Math.max(0, box.left - 5), clientY: 1 }, shown);
  assertEqual(shown.open, false, 'closed by the click outside');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

test('a dialog replaced by another closes before the new one opens, so one modal shows at a time', () => {
  openEditDialog();
  const first = modal();
  delta([set([0, 1], dialog('dlg-2', 'Delete item')), set([0, 1, 0], textInput('why'))]);
  assertEqual(first.open, false, 'the first closed');
  assertTrue(modal().open, 'the second open');
  assertEqual(main().querySelectorAll('dialog[open]').length, 1, 'open dialogs');
  delta([{ op: 'trim', path: [0], length: 1 }]);
});

/** Closes `modal` as the browser would and waits until its (queued) close event has been handled. */
function closedByBrowser(modal) {
  const handled = new Promise((resolve) => modal.addEventListener('close', resolve, { once: true }));
  modal.close();
  return handled;
}

test('a dialog the browser closes by itself: a dismissible one counts as dismissed, another opens again', async () => {
  openEditDialog();
  let shown = modal();
  shown.addEventListener('close', onDialogClose);
  await closedByBrowser(shown);
  assertEqual(shown.open, false, 'a dismissible one stays closed');
  assertEqual(document.activeElement?.getAttribute('data-sl-widget'), 'open', 'focus back on the opener');
  delta([{ op: 'trim', path: [0], length: 1 }]);

  openEditDialog({ dismissible: false });
  shown = modal();
  shown.addEventListener('close', onDialogClose);
  await closedByBrowser(shown);
  assertTrue(shown.open, 'one that may not be dismissed is open again');
  delta([{ op: 'trim', path: [0], length: 1 }]);
  assertEqual(shown.open, false, 'until the run no longer draws it');
});
