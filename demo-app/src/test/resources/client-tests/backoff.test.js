// Reconnecting (connection.js): the backoff and what a message sent while disconnected does.
import { assertEqual, assertTrue, test } from './assert.js';
import { backoffDelay, isOpen, send, showsSessionPage } from '/_springlit/static/connection.js';

const middle = () => 0.5;

test('reconnect backoff doubles from 250 ms up to 5 s', () => {
  const delays = [0, 1, 2, 3, 4, 5, 6, 20].map((attempt) => backoffDelay(attempt, middle));
  assertEqual(delays, [250, 500, 1000, 2000, 4000, 5000, 5000, 5000], 'delays without jitter');
});

test('reconnect backoff jitter spreads by 25 percent and never exceeds 5 s', () => {
  assertEqual(backoffDelay(0, () => 0), 187.5, 'shortest first delay');
  assertEqual(backoffDelay(0, () => 1), 312.5, 'longest first delay');
  assertEqual(backoffDelay(2, () => 0), 750, 'shortest third delay');
  assertEqual(backoffDelay(4, () => 1), 5000, 'capped');
  for (let attempt = 0; attempt < 40; attempt++) {
    const delay = backoffDelay(attempt);
    assertTrue(delay >= 187.5 && delay <= 5000, `attempt ${attempt}: ${delay} ms`);
  }
});

test('a message sent while disconnected is dropped with a notice', () => {
  assertEqual(isOpen(), false, 'no socket in the harness');
  assertEqual(send({ type: 'rerun', widgets: {}, trigger: null }), false, 'sent');
  assertEqual(document.querySelector('#sl-notice .sl-notice-text')?.textContent,
    'Not connected to the server. Reconnecting…', 'notice');
  assertTrue(document.body.dataset.slRunning !== 'true', 'running indicator not turned on');
});

test('S9.2: hello says the page is shown only after a run drew it, on a reconnect, without fragments', () => {
  const page = document.createElement('div');
  page.innerHTML = '<div data-sl-block="vertical"></div>';
  assertEqual(showsSessionPage(true, 3, page), true, 'a reconnect of a drawn page');
  assertEqual(showsSessionPage(false, 3, page), false, 'a duplicated tab');
  assertEqual(showsSessionPage(true, 0, page), false, 'a reload: nothing drawn yet');
  page.innerHTML = '<div data-sl-block="fragment" data-sl-fragment="clock"></div>';
  assertEqual(showsSessionPage(true, 3, page), false, 'a fragment whose timer only a run starts');
});

