// Charts: Chart.js (the UMD build from its WebJar, served under the client's versioned path as
// chartjs/chart.umd.js) is loaded once, as a classic script, when the first chart arrives. Colours follow
// the theme's CSS variables, light or dark. Charts are destroyed when their element leaves the page
// (destroyDetachedCharts after each delta), so re-renders do not leak.

import { onSchemeChange } from '../theme.js';

const CHART_JS_URL = new URL('../chartjs/chart.umd.js', import.meta.url).href;
const CHART_PALETTE = ['#0068c9', '#83c9ff', '#ff2b2b', '#ffabab', '#29b09d', '#7defa1', '#ff8700', '#ffd16a',
  '#6d3fc0', '#d5dae5'];
const liveCharts = new Set();
let chartLibrary = null;

function loadChartJs() {
  if (window.Chart) return Promise.resolve(window.Chart);
  if (!chartLibrary) {
    chartLibrary = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = CHART_JS_URL;
      script.async = true;
      script.onload = () => (window.Chart ? resolve(window.Chart) : reject(new Error('Chart.js did not load')));
      script.onerror = () => {
        chartLibrary = null; // a later chart tries again
        script.remove();
        reject(new Error(`cannot load ${CHART_JS_URL}`));
      };
      document.head.append(script);
    });
  }
  return chartLibrary;
}

function cssVar(name, fallback) {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

function applyChartTheme(Chart) {
  Chart.defaults.color = cssVar('--sl-muted', '#666');
  Chart.defaults.borderColor = cssVar('--sl-border-light', 'rgba(0, 0, 0, 0.1)');
  Chart.defaults.font.family = cssVar('--sl-font', Chart.defaults.font.family);
}

function withAlpha(hex, alpha) {
  const m = /^#([0-9a-f]{6})$/i.exec(hex);
  if (!m) return hex;
  const v = parseInt(m[1], 16);
  return `rgba(${v >> 16}, ${(v >> 8) & 255}, ${v & 255}, ${alpha})`;
}

/** Streamlit's palette for datasets that bring no colours of their own. */
function paintDatasets(config) {
  const datasets = config?.data?.datasets;
  if (!Array.isArray(datasets)) return;
  datasets.forEach((ds, i) => {
    if (!ds || typeof ds !== 'object' || ds.borderColor != null || ds.backgroundColor != null) return;
    const colour = CHART_PALETTE[i % CHART_PALETTE.length];
    const type = ds.type || config.type;
    const filled = type === 'bar' || type === 'pie' || type === 'doughnut' || type === 'polarArea';
    if (type === 'pie' || type === 'doughnut' || type === 'polarArea') {
      const count = Array.isArray(ds.data) ? ds.data.length : 0;
      ds.backgroundColor = Array.from({ length: count }, (_, k) => CHART_PALETTE[k % CHART_PALETTE.length]);
      ds.borderColor = cssVar('--sl-bg', '#fff');
    } else {
      ds.borderColor = colour;
      ds.backgroundColor = filled ? colour : withAlpha(colour, ds.fill ? 0.3 : 0.8);
    }
  });
}

function chartError(root, message) {
  root.classList.add('sl-chart-error');
  root.setAttribute('data-sl-chart-ready', 'error');
  let box = root.querySelector('.sl-chart-message');
  if (!box) {
    box = document.createElement('div');
    box.className = 'sl-chart-message';
    box.setAttribute('role', 'alert');
    root.append(box);
  }
  box.textContent = message;
}

/** Draws chart element `root` from its .sl-chart-config; `redraw` (it replaces a chart) skips the animation. */
export async function initChart(root, redraw) {
  destroyChart(root); // a morphed element may still hold its previous chart
  const token = (root._slChartToken || 0) + 1;
  root._slChartToken = token;
  root.removeAttribute('data-sl-chart-ready');
  let config;
  try {
    config = JSON.parse(root.querySelector('.sl-chart-config')?.textContent || 'null');
  } catch (e) {
    config = null;
  }
  if (!config || typeof config !== 'object') {
    chartError(root, 'Invalid chart configuration.');
    return;
  }
  let Chart;
  try {
    Chart = await loadChartJs();
  } catch (e) {
    console.warn('[springlit]', e);
    if (root._slChartToken === token) chartError(root, 'The chart library could not be loaded.');
    return;
  }
  if (!root.isConnected || root._slChartToken !== token) return; // replaced meanwhile
  const canvas = root.querySelector('canvas');
  if (!canvas) return;
  applyChartTheme(Chart);
  paintDatasets(config);
  const options = config.options && typeof config.options === 'object' ? config.options : {};
  options.responsive = true;
  options.maintainAspectRatio = false;
  if (redraw || matchMedia('(prefers-reduced-motion: reduce)').matches) options.animation = false;
  config.options = options;
  const ready = {
    id: 'springlitReady',
    afterRender(chart) {
      if (!Chart.animator.running(chart)) root.setAttribute('data-sl-chart-ready', 'true');
    },
  };
  config.plugins = [...(Array.isArray(config.plugins) ? config.plugins : []), ready];
  try {
    root._slChart = new Chart(canvas, config);
    liveCharts.add(root);
  } catch (e) {
    console.warn('[springlit] cannot draw chart', e);
    chartError(root, `Cannot draw the chart: ${e.message}`);
  }
}

function destroyChart(root) {
  liveCharts.delete(root);
  const chart = root._slChart;
  root._slChart = null;
  root._slChartToken = (root._slChartToken || 0) + 1; // cancels a pending draw
  if (chart) {
    try { chart.destroy(); } catch (e) { /* already gone */ }
  }
}

/** After a batch of ops: the charts no longer on the page go. */
export function destroyDetachedCharts() {
  for (const root of liveCharts) {
    if (!root.isConnected) destroyChart(root);
  }
}

/** Light/dark switch (the system's or the app menu's): the charts take the new colours. */
export function followColourScheme() {
  onSchemeChange(() => {
    if (!window.Chart || liveCharts.size === 0) return;
    applyChartTheme(window.Chart);
    for (const root of liveCharts) root._slChart?.update('none');
  });
}
