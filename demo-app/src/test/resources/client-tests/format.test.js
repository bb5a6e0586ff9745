// Number formatting (widgets/format.js) and the number input's −/+ step (widgets/numbers.js).
import { assertEqual, test } from './assert.js';
import { decimals, formatNumber, printf } from '/_springlit/static/widgets/format.js';
import { steppedValue } from '/_springlit/static/widgets/numbers.js';

test('printf formats integers, fixed, exponent and general conversions', () => {
  assertEqual(printf('%d', 3.7), '3', '%d');
  assertEqual(printf('%i items', -2.5), '-2 items', '%i');
  assertEqual(printf('%.2f', 3.14159), '3.14', '%.2f');
  assertEqual(printf('%f', 1), '1.000000', '%f');
  assertEqual(printf('%+.1e', 12345), '+1.2e+4', '%+.1e');
  assertEqual(printf('%.3E', 0.000123), '1.230E-4', '%.3E');
  assertEqual(printf('%g', 0.1 + 0.2), '0.3', '%g');
});

test('printf applies flags, width and literal percent signs', () => {
  assertEqual(printf('%05.1f%%', 3.14), '003.1%', 'zero padding');
  assertEqual(printf('%,d', 1234567), '1,234,567', 'thousands');
  assertEqual(printf('%,.2f', -9876.5), '-9,876.50', 'thousands with decimals');
  assertEqual(printf('%6d|', 42), '    42|', 'width');
  assertEqual(printf('%-6d|', 42), '42    |', 'left aligned');
  assertEqual(printf('% d', 5), ' 5', 'space for the sign');
  assertEqual(printf('$%.2f', 5), '$5.00', 'prefix');
});

test('printf returns null when the format has no conversion', () => {
  assertEqual(printf('plain', 1), null, 'no conversion');
  assertEqual(printf('100%%', 1), null, 'only a literal percent');
});

test('formatNumber uses the format, else the decimals of the step', () => {
  assertEqual(formatNumber(2.5, '%d units', '0.5'), '2 units', 'format wins');
  assertEqual(formatNumber(0.1 + 0.2, null, '0.1'), '0.3', 'step 0.1');
  assertEqual(formatNumber(5, null, '1e-3'), '5.000', 'step 1e-3');
  assertEqual(formatNumber(7, null, '5'), '7', 'integer step');
  assertEqual(formatNumber(1.25, null, null), '1.25', 'no step');
  assertEqual(formatNumber(1.25, null, 'any'), '1.25', 'step any');
  assertEqual(formatNumber(NaN, '%d', '1'), '', 'not a number');
  assertEqual(formatNumber(null, null, '1'), '', 'no value');
});

test('decimals counts the fraction digits of a step', () => {
  assertEqual(decimals('0.05'), 2, '0.05');
  assertEqual(decimals('2.5e-3'), 4, '2.5e-3');
  assertEqual(decimals('1e2'), 0, '1e2');
  assertEqual(decimals('any'), null, 'any');
  assertEqual(decimals(null), null, 'null');
});

test('a number input step adds one step without floating point noise, within min and max', () => {
  assertEqual(steppedValue(0.1, 1, '0.1', null, null), 0.2, '0.1 + 0.1');
  assertEqual(steppedValue(0.2, 1, '0.1', null, null), 0.3, '0.2 + 0.1');
  assertEqual(steppedValue(1.005, -1, '1', null, null), 0.005, 'keeps the value\'s own decimals');
  assertEqual(steppedValue(9.5, 1, '1', 0, 10), 10, 'clamped to max');
  assertEqual(steppedValue(0, -1, null, 0, null), 0, 'clamped to min');
  assertEqual(steppedValue(3, 1, 'any', null, null), 4, 'step any is 1');
});

test('a number input step from an empty field starts at the minimum, else 0 or a negative maximum', () => {
  assertEqual(steppedValue(null, 1, '1', 5, 10), 5, 'min');
  assertEqual(steppedValue(null, -1, '1', null, -3), -3, 'negative max');
  assertEqual(steppedValue(null, 1, '1', null, 8), 0, 'zero');
});
