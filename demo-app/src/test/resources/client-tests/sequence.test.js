// Numbered interactions (sequence.js, S9.3): what a tab re-sends after a reconnect.
import { assertEqual, test } from './assert.js';
import { createSequence } from '/_springlit/static/sequence.js';

const click = (id) => ({ type: 'rerun', widgets: {}, trigger: id });

test('S9_3 interactions are numbered from 1 and kept until acknowledged', () => {
  const sequence = createSequence();
  assertEqual([click('a'), click('b'), click('c')].map((m) => sequence.number(m).seq), [1, 2, 3], 'numbers');
  assertEqual(sequence.acknowledge(2), [], 'a run end re-sends nothing');
  assertEqual(sequence.pending(), [3], 'still unacknowledged');
});

test('S9_3 after a reconnect to the same session only the unacknowledged are re-sent, in order', () => {
  const sequence = createSequence();
  for (const id of ['a', 'b', 'c', 'd']) sequence.number(click(id));
  const resent = sequence.acknowledge(2, { attached: true, sameSession: true, received: 3 });
  assertEqual(resent.map((m) => [m.seq, m.trigger]), [[3, 'c'], [4, 'd']], 're-sent');
  assertEqual(sequence.number(click('e')).seq, 5, 'numbering goes on');
});

test('S9_3 a new session drops what was meant for the old one', () => {
  const sequence = createSequence();
  sequence.number(click('a'));
  assertEqual(sequence.acknowledge(0, { attached: true, sameSession: false }), [], 'nothing re-sent');
  assertEqual(sequence.pending(), [], 'nothing kept');
});

test('S9_3 after a page reload the numbering continues where the server stands', () => {
  const sequence = createSequence();
  sequence.acknowledge(40, { attached: true, sameSession: true, received: 42 });
  assertEqual(sequence.number(click('a')).seq, 43, 'above what the server received');
  assertEqual(sequence.acknowledge('x'), [], 'a malformed number acknowledges nothing');
  assertEqual(sequence.pending(), [43], 'kept');
});
