// DOM patching (patch.js) as a `set` op drives it: focus, caret and typed text survive a re-render.
import { assertEqual, assertTrue, test } from './assert.js';
import { parseElement } from '/_springlit/static/patch.js';
import { setTyping } from '/_springlit/static/widgets/live.js';
import { delta, field, main, markdown, set, textInput, widget } from './fixtures.js';

test('a re-render of the text input being typed in keeps focus, caret and the typed text', () => {
  delta([set([0, 0], textInput('w1', { value: 'a' }))]);
  const input = field('w1');
  input.focus();
  input.value = 'abcd';
  input.setSelectionRange(2, 3);
  setTyping(widget('w1'), true);
  delta([set([0, 0], textInput('w1', { label: 'Full name', value: 'a' }))], { status: null });
  assertTrue(field('w1') === input, 'the input node is kept');
  assertTrue(document.activeElement === input, 'the input keeps the focus');
  assertEqual(input.value, 'abcd', 'typed text');
  assertEqual([input.selectionStart, input.selectionEnd], [2, 3], 'selection');
  assertEqual(widget('w1').querySelector('label').textContent, 'Full name', 'the new label shows');
});

test('a re-render of a focused widget that is not being typed in shows the server value', () => {
  delta([set([0, 0], textInput('w1', { value: 'old' }))]);
  const input = field('w1');
  input.focus();
  delta([set([0, 0], textInput('w1', { value: 'new' }))]);
  assertTrue(document.activeElement === input, 'still focused');
  assertEqual(input.value, 'new', 'value');
});

test('an element without the focus is replaced by the new markup', () => {
  delta([set([0, 0], textInput('w1', { value: 'x' }))]);
  const before = widget('w1');
  delta([set([0, 0], textInput('w1', { value: 'y' }))]);
  assertTrue(widget('w1') !== before, 'a new node');
  assertEqual(field('w1').value, 'y', 'value');
});

test('when the markup of the focused widget changes the focus moves to the same widget', () => {
  delta([set([0, 0], textInput('w1', { value: 'x' }))]);
  field('w1').focus();
  const wrapped = `<section class="sl-el">${textInput('w1', { value: 'x' }).replace('sl-el ', '')}</section>`;
  delta([set([0, 0], wrapped)]);
  assertEqual(main().firstElementChild.tagName, 'SECTION', 'the new markup is in place');
  assertTrue(document.activeElement === field('w1'), 'focus on the new input');
});

test('a focused widget replaced by another widget is replaced and its siblings stay', () => {
  delta([set([0, 0], textInput('w1', { value: 'x' })), set([0, 1], markdown('after'))]);
  field('w1').focus();
  delta([set([0, 0], textInput('w2', { value: 'z' }))]);
  assertEqual(widget('w1'), null, 'the old widget is gone');
  assertEqual(field('w2').value, 'z', 'the other widget shows');
  assertEqual(main().children.length, 2, 'siblings stay');
});

test('data-sl-style is applied through the CSSOM, not as markup', () => {
  const node = parseElement('<div data-sl-style="height: 12px"><span data-sl-style="width: 5px"></span></div>');
  assertEqual(node.style.height, '12px', 'the root');
  assertEqual(node.querySelector('span').style.width, '5px', 'a descendant');
});

test('empty or missing HTML becomes a placeholder', () => {
  assertTrue(parseElement('').matches('.sl-placeholder'), 'empty');
  assertTrue(parseElement(null).matches('.sl-placeholder'), 'null');
  assertTrue(parseElement('just text').matches('.sl-placeholder'), 'text only');
});
