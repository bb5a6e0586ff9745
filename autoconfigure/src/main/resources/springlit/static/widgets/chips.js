// The multiselect as chips in a compact field, as Streamlit shows it: Tom Select (from its WebJar, never a
// CDN; loaded with its stylesheet on the first multiselect) shows the chosen options as removable chips and
// a filterable, keyboard-driven dropdown. The native <select multiple> stays the widget's field: choices.js
// reads it, Tom Select keeps it in step and fires its `change`, which commits as before; its label still
// names it. Without Tom Select (it failed to load) the native list box works on its own.

import { numberAttr } from './fields.js';

const TS_URL = new URL('../tomselect/js/tom-select.complete.min.js', import.meta.url).href;
const TS_CSS = new URL('../tomselect/css/tom-select.min.css', import.meta.url).href;

let library = null;

function loadTomSelect() {
  if (window.TomSelect) return Promise.resolve(window.TomSelect);
  if (!library) {
    library = new Promise((resolve, reject) => {
      const css = document.createElement('link');
      css.rel = 'stylesheet';
      css.href = TS_CSS;
      // before Springlit's own sheets, so that ours (same specificity) win
      document.head.querySelector('link[rel="stylesheet"]')?.before(css) ?? document.head.append(css);
      const script = document.createElement('script');
      script.src = TS_URL;
      script.async = true;
      script.onload = () => (window.TomSelect ? resolve(window.TomSelect) : reject(new Error('Tom Select did not load')));
      script.onerror = () => {
        library = null;
        script.remove();
        reject(new Error(`cannot load ${TS_URL}`));
      };
      document.head.append(script);
    });
  }
  return library;
}

function enhance(TomSelect, select) {
  const root = select.closest('[data-sl-widget]');
  if (!select.isConnected || select.tomselect || !root) return;
  const label = select.id ? document.querySelector(`label[for="${CSS.escape(select.id)}"]`) : null;
  const hadFocus = document.activeElement === select;
  const ts = new TomSelect(select, {
    plugins: { remove_button: { title: 'Remove' } },
    maxItems: numberAttr(select, 'data-sl-max'),
    placeholder: 'Choose options',
    hidePlaceholder: true,
    closeAfterSelect: false,
    maxOptions: null,
  });
  // Tom Select points the label at its own text field; the label keeps naming the select (forms, tests),
  // and the field stays named through aria-labelledby.
  if (label) label.setAttribute('for', select.id);
  root.setAttribute('data-sl-enhanced', '');
  if (hadFocus) ts.focus();
}

/** Turns the multiselects in `node` (just put on the page) into chips. */
export function enhanceMultiselects(node) {
  if (!(node instanceof Element)) return;
  const selects = [...(node.matches('select.sl-multi') ? [node] : []), ...node.querySelectorAll('select.sl-multi')];
  if (selects.length === 0) return;
  loadTomSelect().then((TomSelect) => {
    for (const select of selects) enhance(TomSelect, select);
  }, (e) => console.warn('[springlit] the multiselect stays a list box:', e.message));
}

/** After choices.js changed the select's options: the chips follow, without a new `change`. */
export function syncChips(select) {
  const ts = select.tomselect;
  if (!ts) return;
  const chosen = [...select.selectedOptions].map((o) => o.value);
  const shown = ts.getValue();
  if (JSON.stringify(chosen) !== JSON.stringify(Array.isArray(shown) ? shown : [shown])) ts.setValue(chosen, true);
}
