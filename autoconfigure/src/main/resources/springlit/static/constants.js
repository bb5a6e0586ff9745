// The DOM contract and the wire vocabulary shared by the client's modules: the attributes the server's
// templates (templates/springlit/shell.html, elements/*.html, widgets/*.html) put on elements, and the message and op types of
// docs/protocol.md. A change here is a change of that contract: the templates and the server must follow.
//
//   base[href]                     the app's root as the browser reached it (routes.js); every URL is relative to it
//   meta[name=_csrf], meta[name=_csrf_header]  Spring Security's CSRF token and header, when on (routes.js)
//   body[data-sl-stream]           WebSocket URL relative to the base, e.g. "./_springlit/stream"
//   body[data-sl-page]             current page path inside the app, e.g. "/counter" (kept up to date)
//   [data-sl-root="0"|"1"]         root containers (main body, sidebar)
//   [data-sl-children]             where a block element's children live
//   [data-sl-widget][data-sl-trigger]  clickable trigger (button): sends rerun with trigger = widget id
//   [data-sl-widget][data-sl-kind]     value widget root (elements/widget.html): data-sl-value holds
//                                  the server's value (JSON), data-sl-form the form key; its fields carry
//                                  [data-sl-input]; a committed change sends rerun {id: value} (widgets/values.js)
//   [data-sl-dropzone], [data-sl-remove]  file uploader: drop target, remove button (value = upload id)
//   a[data-sl-trigger][download]   download button: the click downloads and sends the trigger
//   [data-sl-widget][data-sl-input]    custom value widget whose value is JSON in its data-sl-value
//   a[data-sl-nav]                 page link handled without a full reload
//   [data-sl-block="<kind>"]       block (container) root, fragment `block` (blocks.js)
//   [data-sl-block="fragment"][data-sl-fragment="<name>"]  a fragment's container (st.fragment)
//   [data-sl-block="dialog"][data-sl-widget="<id>"] > dialog[data-sl-dismissible]  a dialog (dialog.js)
//   [data-sl-table="interactive"]  interactive table (data/table.js)
//   .sl-chart                      Chart.js chart (data/chart.js); data-sl-chart-ready="true" once drawn
//   .sl-toast                      fixed notification, stacked by the client; data-sl-faded="true" once gone
//   [data-sl-form-root="<key>"]    form block ([data-sl-enter-to-submit], [data-sl-clear-on-submit])
//   [data-sl-submit-for="<key>"]   a form's submit button (also [data-sl-trigger]): sends the form's pending values
//   [data-sl-style]                inline style of an element, applied through the CSSOM (patch.js)
//   [data-sl-stale="run"|"page"]   an element the current run has not redrawn yet, or one of the page left
//                                  (stale.js; faded or hidden by the stylesheet)
//   #sl-running, #sl-connection, #sl-notice   indicators
//   html[data-sl-theme="light"|"dark"]   the scheme shown (theme.js); [data-sl-theme-base] the app's base
//   body[data-sl-layout="centered"|"wide"], body[data-sl-sidebar] (initial), [data-sl-sidebar-open] (layout.js)
//   body[data-sl-about], body[data-sl-upload-limit]   the About text, "50MB" (menu.js, widgets/uploader.js)
//   [data-sl-default]              on a widget of a clear-on-submit form: the JSON value it is cleared to
// State published on <body> for tests: data-sl-connection ("connecting"|"connected"|"disconnected"),
//   data-sl-running ("true"|"false"), data-sl-ready ("true" after the first finished run),
//   data-sl-runs (number of finished runs), data-sl-status (status of the last finished run).

export const PROTOCOL = 1;

export const DEFAULT_STREAM_PATH = './_springlit/stream';

/** sessionStorage keys: the tab's session id, and the mark a tab leaves when it unloads (a reload). */
export const SESSION_KEY = 'springlit.session';
export const UNLOADED_KEY = 'springlit.unloaded';

/** Reconnect backoff: doubles from the minimum up to the maximum, with ±25 % jitter. */
export const BACKOFF_MIN_MS = 250;
export const BACKOFF_MAX_MS = 5000;

export const NOTICE_MS = 8000;

/** WebSocket close code of a policy violation: the server refused this tab for good. */
export const CLOSE_POLICY = 1008;
/** The server is stopping or the session moved to another server: reconnect at once (S9.7). */
export const CLOSE_GOING_AWAY = 1001;

/** Message types, both directions (docs/protocol.md). */
export const MSG = Object.freeze({
  HELLO: 'hello',
  RERUN: 'rerun',
  NAVIGATE: 'navigate',
  SESSION: 'session',
  DELTA: 'delta',
  PAGE: 'page',
  ERROR: 'error',
  QUERY: 'query',
  BUSY: 'busy',
  STOP: 'stop',
  CONTEXT: 'context',
  REDIRECT: 'redirect',
});

/** Ops of a delta. */
export const OP = Object.freeze({ SET: 'set', TRIM: 'trim', REACHED: 'reached' });

/** Run statuses after which the run's values are not the server's final word (a newer run follows). */
export const UNSETTLED_STATUSES = new Set(['rerun', 'interrupted']);

export const ROOT = '[data-sl-root]';
export const CHILDREN = '[data-sl-children]';
export const WIDGET = '[data-sl-widget][data-sl-kind]';
export const WIDGET_ANY = '[data-sl-widget]';
export const INPUT = '[data-sl-input]';
export const CUSTOM_WIDGET = '[data-sl-widget][data-sl-input][data-sl-value]';
export const TRIGGER = '[data-sl-trigger]';
export const SUBMIT_FOR = '[data-sl-submit-for]';
export const FORM_ROOT = '[data-sl-form-root]';
export const NAV_LINK = 'a[data-sl-nav]';
export const BLOCK = '[data-sl-block]';
export const STEPPER = '[data-sl-step]';
export const REMOVE_UPLOAD = '[data-sl-remove]';
export const DROPZONE = '[data-sl-dropzone]';
export const STYLED = '[data-sl-style]';
export const TAB = '[data-sl-tab]';
export const TABS = '[data-sl-block="tabs"]';
export const POPOVER = '[data-sl-block="popover"]';
export const DIALOG = '[data-sl-block="dialog"]';
export const INTERACTIVE_TABLE = '[data-sl-table="interactive"]';

/** The selector of root container `index`. */
export function rootSelector(index) {
  return `[data-sl-root="${Number(index)}"]`;
}
