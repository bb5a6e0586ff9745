// Interactive tables: root [data-sl-table="interactive"][data-sl-page-size], rows as JSON (array of arrays
// of strings) in <script class="sl-table-data">. th[data-sl-col][aria-sort] sort on click,
// .sl-page-prev/.sl-page-next page, .sl-page-info reads "rows a–b of n" (root data-sl-page = page index).
// State on the root (_slTable): rows, numeric columns, sort column and direction, page, and the sorted
// order (computed once per sort). Only the current page is in the DOM.

import { INTERACTIVE_TABLE } from '../constants.js';

const collator = new Intl.Collator(undefined, { numeric: true });

/** What the user did with a table, carried to its re-render while the columns stay the same. */
export function tableState(root) {
  const t = root._slTable;
  return t ? { key: t.key, sortCol: t.sortCol, sortDir: t.sortDir, page: t.page } : null;
}

export function initTable(root, previous) {
  let rows = [];
  try {
    const parsed = JSON.parse(root.querySelector('.sl-table-data')?.textContent || '[]');
    if (Array.isArray(parsed)) rows = parsed.map((r) => (Array.isArray(r) ? r : []));
  } catch (e) {
    console.warn('[springlit] bad table data', e);
  }
  const headers = [...root.querySelectorAll('thead th[data-sl-col]')];
  const columns = headers.map((th) => th.querySelector('.sl-sort')?.value ?? th.textContent);
  const size = Number(root.getAttribute('data-sl-page-size'));
  const t = {
    rows,
    numeric: headers.map((th) => th.classList.contains('sl-num')),
    key: JSON.stringify(columns),
    pageSize: Number.isInteger(size) && size > 0 ? size : 50,
    sortCol: -1,
    sortDir: null,
    page: 0,
    order: null,
  };
  if (previous && previous.key === t.key) {
    t.sortCol = previous.sortCol;
    t.sortDir = previous.sortDir;
    t.page = previous.page;
  }
  root._slTable = t;
  drawTable(root);
}

function sortTable(root, col) {
  const t = root._slTable;
  if (!Number.isInteger(col) || col < 0) return;
  t.sortDir = t.sortCol === col && t.sortDir === 'ascending' ? 'descending' : 'ascending';
  t.sortCol = col;
  t.order = null;
  t.page = 0;
  drawTable(root);
}

function cellText(value) {
  return value == null ? '' : String(value);
}

/**
 * Row indices of table state `t` in display order: sorted when a sort column is set (numbers as numbers,
 * text in natural order); empty cells and non-numbers in a numeric column go last either way.
 */
export function tableOrder(t) {
  if (t.order) return t.order;
  const n = t.rows.length;
  const order = Array.from({ length: n }, (_, i) => i);
  const col = t.sortCol;
  if (col >= 0 && t.sortDir) {
    const sign = t.sortDir === 'descending' ? -1 : 1;
    if (t.numeric[col]) {
      const keys = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        const text = cellText(t.rows[i][col]).trim().replace(/[,\s_]/g, '');
        keys[i] = text === '' ? NaN : Number(text);
      }
      order.sort((a, b) => {
        const x = keys[a];
        const y = keys[b];
        if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) - Number.isNaN(y);
        return (x - y) * sign;
      });
    } else {
      const keys = t.rows.map((r) => cellText(r[col]));
      order.sort((a, b) => {
        const x = keys[a];
        const y = keys[b];
        if (x === '' || y === '') return (x === '') - (y === '');
        return collator.compare(x, y) * sign;
      });
    }
  }
  t.order = order;
  return order;
}

function drawTable(root) {
  const t = root._slTable;
  const n = t.rows.length;
  const pages = Math.max(1, Math.ceil(n / t.pageSize));
  t.page = Math.min(Math.max(0, Number.isInteger(t.page) ? t.page : 0), pages - 1);
  const order = tableOrder(t);
  const start = t.page * t.pageSize;
  const end = Math.min(n, start + t.pageSize);
  const columns = t.numeric.length;
  const frag = document.createDocumentFragment();
  for (let i = start; i < end; i++) {
    const row = t.rows[order[i]];
    const tr = document.createElement('tr');
    const width = Math.max(columns, row.length);
    for (let c = 0; c < width; c++) {
      const td = document.createElement('td');
      if (t.numeric[c]) td.className = 'sl-num';
      td.textContent = cellText(row[c]);
      tr.append(td);
    }
    frag.append(tr);
  }
  const tbody = root.querySelector('tbody') || root.querySelector('table')?.appendChild(document.createElement('tbody'));
  tbody?.replaceChildren(frag);
  for (const th of root.querySelectorAll('thead th[data-sl-col]')) {
    const col = Number(th.getAttribute('data-sl-col'));
    th.setAttribute('aria-sort', col === t.sortCol && t.sortDir ? t.sortDir : 'none');
  }
  const info = root.querySelector('.sl-page-info');
  if (info) info.textContent = n === 0 ? 'no rows' : `rows ${start + 1}–${end} of ${n}`;
  const prev = root.querySelector('.sl-page-prev');
  const next = root.querySelector('.sl-page-next');
  if (prev) prev.disabled = t.page <= 0;
  if (next) next.disabled = t.page >= pages - 1;
  root.querySelector('.sl-table-pager')?.toggleAttribute('hidden', pages <= 1);
  root.setAttribute('data-sl-page', String(t.page));
}

/** A click on a sortable header or a pager button. Returns true when the click was one. */
export function onTableClick(event, target) {
  const table = target.closest(INTERACTIVE_TABLE);
  if (!table?._slTable) return false;
  const th = target.closest('th[data-sl-col]');
  if (th && table.contains(th)) {
    event.preventDefault();
    sortTable(table, Number(th.getAttribute('data-sl-col')));
    return true;
  }
  const pager = target.closest('.sl-page-prev, .sl-page-next');
  if (pager && !pager.disabled) {
    event.preventDefault();
    table._slTable.page += pager.classList.contains('sl-page-next') ? 1 : -1;
    drawTable(table);
    return true;
  }
  return false;
}
