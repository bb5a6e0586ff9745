// Stale output (stale.js through messages.js) and Enter in forms (widgets/formEnter.js).
import { assertEqual, test } from './assert.js';
import { handle } from '/_springlit/static/messages.js';
import { enterHintText, enterSubmits } from '/_springlit/static/widgets/formEnter.js';
import { delta, main, markdown, set, textInput } from './fixtures.js';

const staleness = () => [...main().children].map((el) => el.getAttribute('data-sl-stale'));

test('a running run marks what it has not reached stale; reached and set elements are current', () => {
  delta([set([0, 0], markdown('a')), set([0, 1], markdown('b')), set([0, 2], markdown('c'))]);
  const run = delta([], { status: null });
  assertEqual(staleness(), ['run', 'run', 'run'], 'all stale at the start of a run');
  delta([{ op: 'reached', path: [0, 0] }], { status: null, runNumber: run });
  assertEqual(staleness(), [null, 'run', 'run'], 'after reaching the first');
  delta([set([0, 2], markdown('c2'))], { status: null, runNumber: run });
  assertEqual(staleness(), [null, 'run', null], 'a redrawn element is current');
  delta([], { status: 'ok', runNumber: run });
  assertEqual(staleness(), [null, null, null], 'a finished run leaves nothing stale');
});

test('reaching an element inside a block makes the block current too', () => {
  delta([set([0, 0], '<div class="sl-el sl-block" data-sl-block="container"><div data-sl-children></div></div>'),
    set([0, 0, 0], markdown('in')), set([0, 1], markdown('after'))]);
  const run = delta([], { status: null });
  delta([{ op: 'reached', path: [0, 0, 0] }], { status: null, runNumber: run });
  assertEqual(staleness(), [null, 'run'], 'the block is current, what follows is not');
  delta([], { status: 'ok', runNumber: run });
});

test('the elements of a page the user left are hidden until the new page redraws them', () => {
  delta([set([0, 0], markdown('old title')), set([0, 1], markdown('old button'))]);
  handle({ type: 'page', path: '/elsewhere-for-test', title: 'Elsewhere' });
  assertEqual(staleness(), ['page', 'page'], 'hidden at once');
  const run = delta([set([0, 0], markdown('new title'))], { status: null });
  assertEqual(staleness(), [null, 'page'], 'the new page replaces them one by one');
  delta([{ op: 'trim', path: [0], length: 1 }], { status: 'ok', runNumber: run });
  assertEqual(staleness(), [null], 'and removes the rest');
  history.replaceState(null, '', '/client-tests/harness.html');
});

function form(key, buttons, { enter = true } = {}) {
  const submit = buttons.map((disabled, i) => `<button type="button" data-sl-widget="s${i}" data-sl-trigger`
    + ` data-sl-submit-for="${key}"${disabled ? ' disabled' : ''}>Submit ${i}</button>`);
  return `<div class="sl-el sl-block" data-sl-block="form" data-sl-form-root="${key}"${enter ? ' data-sl-enter-to-submit="true"' : ''}>`
    + `<div data-sl-children>${textInput('t', { form: key })}${submit.join('')}</div></div>`;
}

test('Enter submits a form only through its first submit button, when that one is enabled', () => {
  delta([set([0, 0], form('f', [false, false]))]);
  assertEqual(enterSubmits('f'), true, 'first enabled');
  delta([set([0, 0], form('f', [true, false]))]);
  assertEqual(enterSubmits('f'), false, 'first disabled, second enabled');
  delta([set([0, 0], form('f', [false], { enter: false }))]);
  assertEqual(enterSubmits('f'), false, 'enterToSubmit off');
});

test('a text input says what Enter does: apply, submit its form, or nothing', () => {
  delta([set([0, 0], form('f', [false])), set([0, 1], textInput('outside'))]);
  const inForm = main().querySelector('[data-sl-widget="t"]');
  const outside = main().querySelector('[data-sl-widget="outside"]');
  assertEqual(enterHintText(inForm), 'Press Enter to submit form', 'in a form');
  assertEqual(enterHintText(outside), 'Press Enter to apply', 'outside forms');
  delta([set([0, 0], form('f', [true]))]);
  assertEqual(enterHintText(main().querySelector('[data-sl-widget="t"]')), '', 'first submit button disabled');
});

test('a fragment run marks only what is inside its fragment stale; the rest of the page stays current', () => {
  delta([set([0, 0], markdown('page')),
    set([0, 1], '<div class="sl-el sl-block" data-sl-block="fragment" data-sl-fragment="prices"><div data-sl-children></div></div>'),
    set([0, 1, 0], markdown('price')), set([0, 1, 1], markdown('time')), set([0, 2], markdown('below'))]);
  const fragment = main().children[1];
  const inner = () => [...fragment.querySelector('[data-sl-children]').children].map((el) => el.getAttribute('data-sl-stale'));
  const run = 5000;
  handle({ type: 'delta', run, ops: [], status: null, fragment: [0, 1] });
  assertEqual(staleness(), [null, null, null], 'outside the fragment');
  assertEqual(inner(), ['run', 'run'], 'inside the fragment');
  handle({ type: 'delta', run, ops: [{ op: 'reached', path: [0, 1, 0] }], status: null, fragment: [0, 1] });
  assertEqual(inner(), [null, 'run'], 'after reaching its first element');
  handle({ type: 'delta', run, ops: [], status: 'ok', fragment: [0, 1] });
  assertEqual(inner(), [null, null], 'a finished fragment run leaves nothing stale');
  handle({ type: 'delta', run: run + 1, ops: [], status: null, fragment: [0, 9] });
  assertEqual(staleness(), [null, null, null], 'a fragment the page does not show marks nothing');
  handle({ type: 'delta', run: run + 1, ops: [], status: 'ok', fragment: [0, 9] });
});
