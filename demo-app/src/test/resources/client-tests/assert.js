// A tiny test harness for the client's modules, run in Chromium by ClientModulesIT: test() registers a case,
// run() runs them in order (each on emptied roots and notices) and publishes the results on
// window.__clientTests for the JUnit side, which fails the build on any failed case, naming it.

const cases = [];

export function test(name, fn) {
  cases.push({ name, fn });
}

export class AssertionError extends Error {
  constructor(message) {
    super(message);
    this.name = 'AssertionError';
  }
}

function show(value) {
  try { return JSON.stringify(value); } catch (e) { return String(value); }
}

export function assertEqual(actual, expected, what = 'value') {
  if (show(actual) !== show(expected)) {
    throw new AssertionError(`${what}: expected ${show(expected)} but was ${show(actual)}`);
  }
}

export function assertTrue(condition, what) {
  if (!condition) throw new AssertionError(what);
}

/** Runs `fn` with console.error and console.warn captured; returns what they were called with. */
export function capturingConsole(fn) {
  const calls = [];
  const { error, warn } = console;
  console.error = (...args) => calls.push(['error', ...args]);
  console.warn = (...args) => calls.push(['warn', ...args]);
  try {
    fn();
  } finally {
    console.error = error;
    console.warn = warn;
  }
  return calls;
}

function reset() {
  document.activeElement?.blur?.();
  for (const root of document.querySelectorAll('[data-sl-root]')) root.replaceChildren();
  document.getElementById('sl-notice').replaceChildren();
}

export async function run() {
  const results = [];
  for (const { name, fn } of cases) {
    reset();
    try {
      await fn();
      results.push({ name, ok: true });
    } catch (e) {
      results.push({ name, ok: false, error: `${e?.name}: ${e?.message}` });
    }
  }
  reset();
  window.__clientTests = { done: true, results };
}
