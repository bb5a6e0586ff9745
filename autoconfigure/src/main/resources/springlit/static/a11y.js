// What assistive technology and right-to-left readers need from an element just put on the page, added
// here (not in the templates) so that every element kind gets it the same way:
//   - user text (headings, Markdown, text, captions, alerts, labels) gets dir="auto", so Arabic or Hebrew
//     paragraphs read right to left;
//   - a progress bar is named by its text ("Progress" without one);
//   - both thumbs of a range slider are named: "<label> (start)" and "<label> (end)";
//   - a chart is an image described by its type and series, with its data as a table for screen readers;
//   - an enabled download link is a button (Space presses it too, a11yKeyDown);
//   - a colour picker is announced as one, described by the colour it shows ("#ff4b4b").

const USER_TEXT = '.sl-heading h1, .sl-heading h2, .sl-heading h3, .sl-markdown p, .sl-markdown li, '
  + '.sl-markdown h1, .sl-markdown h2, .sl-markdown h3, .sl-markdown h4, .sl-markdown blockquote, '
  + '.sl-text, .sl-caption, .sl-alert p, .sl-widget-label, .sl-button-label, .sl-progress-text';

function each(node, selector, fn) {
  if (node.matches(selector)) fn(node);
  for (const el of node.querySelectorAll(selector)) fn(el);
}

function labelText(root) {
  return root.querySelector('.sl-widget-label')?.textContent.trim() || '';
}

function nameRangeThumbs(slider) {
  const root = slider.closest('[data-sl-widget]');
  const label = root ? labelText(root) : '';
  for (const [part, word] of [['low', 'start'], ['high', 'end']]) {
    const thumb = slider.querySelector(`[data-sl-part="${part}"]`);
    if (!thumb) continue;
    thumb.removeAttribute('aria-labelledby');
    thumb.setAttribute('aria-label', label ? `${label} (${word})` : word);
  }
}

function nameProgress(bar) {
  if (bar.hasAttribute('aria-label')) return;
  const text = bar.closest('.sl-progress')?.querySelector('.sl-progress-text')?.textContent.trim();
  bar.setAttribute('aria-label', text || 'Progress');
}

function cell(row, tag, text) {
  const c = document.createElement(tag);
  c.textContent = text == null ? '' : String(typeof text === 'object' ? JSON.stringify(text) : text);
  row.append(c);
}

/** The chart's config as JSON (data/chart.js reads the same script element). */
function chartConfig(chart) {
  try {
    return JSON.parse(chart.querySelector('.sl-chart-config')?.textContent || '{}');
  } catch (e) {
    return {};
  }
}

function describeChart(chart) {
  const canvas = chart.querySelector('canvas');
  if (!canvas || chart.querySelector('.sl-chart-data')) return;
  const config = chartConfig(chart);
  const datasets = Array.isArray(config?.data?.datasets) ? config.data.datasets : [];
  const labels = Array.isArray(config?.data?.labels) ? config.data.labels : [];
  const names = datasets.map((d, i) => d?.label || `series ${i + 1}`);
  canvas.setAttribute('aria-label', `${config.type || 'Chart'} chart${names.length ? `: ${names.join(', ')}` : ''}`);
  const table = document.createElement('table');
  table.className = 'sl-chart-data sl-sr-only';
  table.id = `sl-chart-data-${Math.random().toString(36).slice(2)}`;
  const caption = document.createElement('caption');
  caption.textContent = 'Chart data';
  table.append(caption);
  const head = document.createElement('tr');
  cell(head, 'th', labels.length ? 'Label' : '#');
  for (const name of names) cell(head, 'th', name);
  table.append(head);
  const rows = Math.min(500, Math.max(labels.length, ...datasets.map((d) => (Array.isArray(d?.data) ? d.data.length : 0))));
  for (let r = 0; r < rows; r++) {
    const row = document.createElement('tr');
    cell(row, 'th', labels.length ? labels[r] : r + 1);
    for (const d of datasets) {
      const v = Array.isArray(d?.data) ? d.data[r] : null;
      cell(row, 'td', v && typeof v === 'object' && 'y' in v ? `${v.x ?? ''}: ${v.y}` : v);
    }
    table.append(row);
  }
  chart.append(table);
  canvas.setAttribute('aria-describedby', table.id);
}

function describeColour(input) {
  const hex = input.parentElement?.querySelector('.sl-color-hex');
  input.setAttribute('aria-roledescription', 'colour picker');
  if (hex) {
    hex.id ||= `${input.id}/hex`;
    input.setAttribute('aria-describedby', hex.id);
  }
}

function downloadAsButton(link) {
  if (link.getAttribute('aria-disabled') === 'true') return;
  link.setAttribute('role', 'button');
}

/** Adds the above to `node` (an element just set) and what it contains. */
export function describe(node) {
  if (!(node instanceof Element)) return;
  each(node, USER_TEXT, (el) => el.setAttribute('dir', 'auto'));
  each(node, '.sl-range-slider', nameRangeThumbs);
  each(node, '[role="progressbar"]', nameProgress);
  each(node, '.sl-chart', describeChart);
  each(node, 'a.sl-download', downloadAsButton);
  each(node, 'input[type="color"]', describeColour);
}

/** Space on a link that is a button presses it, as on a button. */
export function a11yKeyDown(event) {
  const target = event.target;
  if (event.key === ' ' && target instanceof HTMLAnchorElement && target.getAttribute('role') === 'button') {
    event.preventDefault();
    target.click();
  }
}
