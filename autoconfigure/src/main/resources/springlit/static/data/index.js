// Data elements (docs/protocol.md, "Data and status elements"): interactive tables, charts, progress bars,
// toasts and JSON. dataState() notes what the user did with an element before it is replaced; initData()
// draws the new element and carries that over: a table's sort and page (while its columns stay the same), a
// JSON's open/closed state (while `expanded` stays the same), a progress bar's width (for a smooth advance).

import { INTERACTIVE_TABLE } from '../constants.js';
import { initTable, onTableClick, tableState } from './table.js';
import { destroyDetachedCharts, initChart } from './chart.js';
import { initProgress, progressState } from './progress.js';
import { layoutToasts, onToastClick } from './toasts.js';
import { initJson, jsonState } from './json.js';

export function dataState(old) {
  if (!(old instanceof Element)) return null;
  if (old._slTable) return { table: tableState(old) };
  if (old.classList.contains('sl-chart')) return { chart: true };
  if (old.classList.contains('sl-progress')) return { progress: progressState(old) };
  if (old.classList.contains('sl-json')) {
    const json = jsonState(old);
    return json ? { json } : null;
  }
  return null;
}

export function initData(node, before) {
  if (!(node instanceof Element) || !node.classList.contains('sl-el')) {
    // A block: its children arrive as their own set ops.
    return;
  }
  if (node.matches(INTERACTIVE_TABLE)) initTable(node, before?.table);
  else if (node.classList.contains('sl-chart')) initChart(node, !!before?.chart);
  else if (node.classList.contains('sl-progress')) initProgress(node, before?.progress);
  else if (node.classList.contains('sl-toast-el')) layoutToasts();
  else if (node.classList.contains('sl-json') && before?.json) initJson(node, before.json);
}

/** After a batch of ops: destroy charts no longer on the page, re-stack the toasts. */
export function afterOps() {
  destroyDetachedCharts();
  layoutToasts();
}

/** Clicks on data elements (table headers and pagers, toast close buttons). Returns true when handled. */
export function onDataClick(event, target) {
  return onTableClick(event, target) || onToastClick(target);
}
