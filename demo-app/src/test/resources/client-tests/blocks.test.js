// Blocks (blocks.js): what the user did with a container survives the server redrawing it.
import { assertEqual, test } from './assert.js';
import { onBlockClick } from '/_springlit/static/blocks.js';
import { delta, main, markdown, set } from './fixtures.js';

function tabs(labels) {
  const buttons = labels.map((label, i) => `<input type="button" class="sl-tab" role="tab" value="${label}" data-sl-tab="${i}">`);
  return `<div class="sl-el sl-block" data-sl-block="tabs"><div class="sl-tabs-strip" role="tablist">${buttons.join('')}</div>`
    + '<div class="sl-block-children sl-tabs-panels" data-sl-children></div></div>';
}

function tab() {
  return '<div class="sl-block" data-sl-block="tab"><div data-sl-children></div></div>';
}

function expander(label, expanded) {
  return `<div class="sl-el sl-block" data-sl-block="expander"><details class="sl-expander" data-sl-expanded="${expanded}"${
    expanded ? ' open' : ''}><summary><span class="sl-expander-label">${label}</span></summary>`
    + '<div class="sl-block-children" data-sl-children></div></details></div>';
}

const shown = () => [...main().querySelectorAll('[data-sl-children] > [data-sl-block="tab"]')].map((p) => !p.hidden);
const selected = () => [...main().querySelectorAll('[data-sl-tab]')].map((b) => b.getAttribute('aria-selected'));

test('tabs show the first tab and hide the others', () => {
  delta([set([0, 0], tabs(['A', 'B'])), set([0, 0, 0], tab()), set([0, 0, 1], tab()),
    set([0, 0, 0, 0], markdown('in A')), set([0, 0, 1, 0], markdown('in B'))]);
  assertEqual(shown(), [true, false], 'panels shown');
  assertEqual(selected(), ['true', 'false'], 'aria-selected');
});

test('a redrawn tabs block keeps the selected tab by its label, else by its index', () => {
  delta([set([0, 0], tabs(['A', 'B', 'C'])), set([0, 0, 0], tab()), set([0, 0, 1], tab()), set([0, 0, 2], tab())]);
  const b = main().querySelectorAll('[data-sl-tab]')[1];
  onBlockClick(new MouseEvent('click'), b);
  assertEqual(selected(), ['false', 'true', 'false'], 'a click selects B');
  delta([set([0, 0], tabs(['X', 'A', 'B'])), set([0, 0, 0], tab()), set([0, 0, 1], tab()), set([0, 0, 2], tab())]);
  assertEqual(selected(), ['false', 'false', 'true'], 'B is still selected');
  assertEqual(shown(), [false, false, true], 'its panel shows');
  delta([set([0, 0], tabs(['P', 'Q', 'R'])), set([0, 0, 0], tab()), set([0, 0, 1], tab()), set([0, 0, 2], tab())]);
  assertEqual(selected(), ['false', 'false', 'true'], 'labels gone: the same index');
});

test('a redrawn expander keeps what the user opened while its label stays the same', () => {
  delta([set([0, 0], expander('Details', false))]);
  main().querySelector('details').open = true;
  delta([set([0, 0], expander('Details', false))]);
  assertEqual(main().querySelector('details').open, true, 'same label');
  delta([set([0, 0], expander('Other', false))]);
  assertEqual(main().querySelector('details').open, false, 'new label');
});
