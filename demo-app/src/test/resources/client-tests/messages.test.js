// Message application (messages.js): session, delta with set and trim ops, page, query, error, busy.
import { assertEqual, assertTrue, capturingConsole, test } from './assert.js';
import { handle } from '/_springlit/static/messages.js';
import { state } from '/_springlit/static/state.js';
import { container, delta, main, markdown, set } from './fixtures.js';

const texts = (el) => [...el.children].map((c) => c.textContent);

test('set ops put elements at their index and fill gaps with placeholders', () => {
  delta([set([0, 2], markdown('third'))]);
  assertEqual(main().children.length, 3, 'children');
  assertTrue(main().children[0].matches('.sl-placeholder') && main().children[1].matches('.sl-placeholder'),
    'placeholders before');
  delta([set([0, 0], markdown('first')), set([0, 1], markdown('second'))]);
  assertEqual(texts(main()), ['first', 'second', 'third'], 'texts');
});

test('a set op with a longer path lands in the block children', () => {
  delta([set([0, 0], container('vertical')), set([0, 0, 0], markdown('inside')), set([0, 1], markdown('after'))]);
  const children = main().firstElementChild.querySelector('[data-sl-children]');
  assertEqual(texts(children), ['inside'], 'block children');
  assertEqual(main().children.length, 2, 'root children');
  delta([set([0, 0, 1], markdown('second inside'))]);
  assertEqual(texts(children), ['inside', 'second inside'], 'block children after');
});

test('the sidebar is root 1', () => {
  delta([set([1, 0], markdown('in the sidebar'))]);
  assertEqual(texts(document.getElementById('sl-sidebar')), ['in the sidebar'], 'sidebar');
  assertEqual(main().children.length, 0, 'main');
});

test('a trim op removes the elements from its length on', () => {
  delta([0, 1, 2, 3].map((i) => set([0, i], markdown(`e${i}`))));
  delta([{ op: 'trim', path: [0], length: 2 }]);
  assertEqual(texts(main()), ['e0', 'e1'], 'left');
});

test('a bad op is skipped with an error in the console and the rest of the delta applies', () => {
  const logged = capturingConsole(() => delta([
    set([0, 4, 1], markdown('nowhere')),
    { op: 'explode', path: [0] },
    { op: 'set', path: 'x' },
    set([0, 0], markdown('applied')),
  ]));
  assertEqual(texts(main()), ['applied'], 'applied');
  assertEqual(logged.filter((c) => c[0] === 'error').length, 3, 'errors logged');
});

test('a delta without status shows the run as running, a final one publishes status and run count', () => {
  const runs = state.runs;
  delta([set([0, 0], markdown('partial'))], { status: null });
  assertEqual(document.body.dataset.slRunning, 'true', 'running');
  delta([], { status: 'error' });
  assertEqual(document.body.dataset.slRunning, 'false', 'running after');
  assertEqual(document.body.dataset.slStatus, 'error', 'status');
  assertEqual(document.body.dataset.slReady, 'true', 'ready');
  assertEqual(document.body.dataset.slRuns, String(runs + 1), 'runs');
  assertEqual(texts(main()), ['partial'], 'elements stay');
});

test('a session message stores the session id; with reset it empties the page', () => {
  delta([set([0, 0], markdown('old')), set([1, 0], markdown('old sidebar'))]);
  handle({ type: 'session', id: 'session-1' });
  assertEqual(sessionStorage.getItem('springlit.session'), 'session-1', 'stored');
  assertEqual(state.session, 'session-1', 'state');
  assertEqual(main().children.length, 1, 'kept without reset');
  handle({ type: 'session', id: 'session-2', reset: true });
  assertEqual(sessionStorage.getItem('springlit.session'), 'session-2', 'stored');
  assertEqual(main().children.length + document.getElementById('sl-sidebar').children.length, 0, 'emptied');
});

test('S9.2: a session taken over without a run keeps the page; the next run replaces it whole', () => {
  delta([0, 1, 2].map((i) => set([0, i], markdown(`old ${i}`))));
  const runs = state.runs;
  const attached = Number(document.body.dataset.slAttached || 0);
  handle({ type: 'session', id: 'moved', page: state.page, reset: false, seq: 0 });
  assertEqual(texts(main()), ['old 0', 'old 1', 'old 2'], 'kept');
  assertEqual(state.runs, runs, 'no run counted');
  assertEqual(Number(document.body.dataset.slAttached), attached + 1, 'the take-over is visible to tests');
  // the new server's first run: every element it drew, then each root trimmed to what it drew
  delta([set([0, 0], markdown('new 0')), set([0, 1], markdown('new 1')), { op: 'trim', path: [0], length: 2 },
    { op: 'trim', path: [1], length: 0 }]);
  assertEqual(texts(main()), ['new 0', 'new 1'], 'replaced');
});

test('a query message rewrites the address bar without a history entry', () => {
  const entries = history.length;
  const path = location.pathname;
  handle({ type: 'query', search: '?city=Berlin&n=2' });
  assertEqual(location.search, '?city=Berlin&n=2', 'search');
  assertEqual(location.pathname, path, 'path');
  assertEqual(history.length, entries, 'history entries');
  handle({ type: 'query', search: '' });
  assertEqual(location.search, '', 'search cleared');
});

test('a page message sets the title and marks the page', () => {
  const path = location.pathname;
  handle({ type: 'page', path, title: 'Harness page' });
  assertEqual(document.title, 'Harness page', 'title');
  assertEqual(document.body.dataset.slPage, path, 'data-sl-page');
});

test('an error message shows a notice, once for the same text', () => {
  capturingConsole(() => {
    handle({ type: 'error', code: 'bad_value', message: 'Value out of range' });
    handle({ type: 'error', code: 'bad_value', message: 'Value out of range' });
  });
  const notices = [...document.querySelectorAll('#sl-notice .sl-notice-item')];
  assertEqual(notices.map((n) => n.querySelector('.sl-notice-text').textContent), ['Value out of range'], 'notices');
  assertTrue(notices[0].matches('.sl-notice-error[role="alert"]'), 'an alert');
});

test('an unknown message type is ignored with a warning', () => {
  const logged = capturingConsole(() => handle({ type: 'surprise' }));
  assertEqual(logged.map((c) => c[0]), ['warn'], 'console');
  assertEqual(main().children.length, 0, 'page unchanged');
});
