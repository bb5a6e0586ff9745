// Value widgets after a run (widgets/values.js): refused values go back, sent ones wait for their answer,
// formats show; tables (data/table.js) sort numbers as numbers.
import { assertEqual, test } from './assert.js';
import { markSent, setTyping } from '/_springlit/static/widgets/live.js';
import { collectWidgets, readWidget } from '/_springlit/static/widgets/values.js';
import { tableOrder } from '/_springlit/static/data/table.js';
import { delta, field, numberInput, set, textInput, widget } from './fixtures.js';

test('when a run ends a widget showing a value the server did not take shows the server value again', () => {
  delta([set([0, 0], textInput('w1', { value: 'kept' }))]);
  field('w1').value = 'refused';
  delta([]);
  assertEqual(field('w1').value, 'kept', 'value');
});

test('when a run ends the field being typed in is left alone', () => {
  delta([set([0, 0], textInput('w1', { value: 'kept' }))]);
  field('w1').value = 'typing';
  setTyping(widget('w1'), true);
  delta([]);
  assertEqual(field('w1').value, 'typing', 'value');
});

test('a sent value shows until a run after the one it was sent in ends', () => {
  const sentIn = delta([set([0, 0], textInput('w1', { value: 'server' }))]);
  field('w1').value = 'sent';
  markSent(widget('w1'), JSON.stringify('sent'), sentIn);
  delta([], { runNumber: sentIn });
  assertEqual(field('w1').value, 'sent', 'after the same run');
  delta([], { runNumber: sentIn + 1, status: 'rerun' });
  assertEqual(field('w1').value, 'sent', 'after a run that was rerun');
  delta([], { runNumber: sentIn + 2 });
  assertEqual(field('w1').value, 'server', 'after a later run');
});

test('a number input shows its format when that keeps the number', () => {
  delta([set([0, 0], numberInput('n1', 2.5, { format: '%.2f', min: 0, max: 2.5 }))]);
  assertEqual(field('n1').value, '2.50', 'formatted');
  assertEqual(readWidget(widget('n1')), 2.5, 'read');
  assertEqual(widget('n1').querySelector('[data-sl-step="1"]').disabled, true, 'step up at max');
  assertEqual(widget('n1').querySelector('[data-sl-step="-1"]').disabled, false, 'step down');
});

test('hello carries the values on screen, not those in forms', () => {
  delta([
    set([0, 0], textInput('w1', { value: 'shown' })),
    set([0, 1], numberInput('n1', 7)),
    set([0, 2], textInput('w3', { value: 'in a form', form: 'f' })),
  ]);
  assertEqual(collectWidgets(), { w1: 'shown', n1: 7 }, 'values');
});

test('a numeric table column sorts as numbers with empty cells last either way', () => {
  const rows = [['10'], ['9'], [''], ['1,000'], ['-2']];
  const order = (sortDir) => tableOrder({ rows, numeric: [true], sortCol: 0, sortDir, order: null });
  assertEqual(order('ascending'), [4, 1, 0, 3, 2], 'ascending');
  assertEqual(order('descending'), [3, 0, 1, 4, 2], 'descending');
  assertEqual(order(null), [0, 1, 2, 3, 4], 'unsorted');
});

test('a text table column sorts in natural order', () => {
  const rows = [['item 10'], ['item 9'], ['Apple'], ['']];
  assertEqual(tableOrder({ rows, numeric: [false], sortCol: 0, sortDir: 'ascending', order: null }), [2, 1, 0, 3], 'order');
});
