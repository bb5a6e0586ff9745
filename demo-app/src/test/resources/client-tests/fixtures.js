// Markup as the server's templates (elements/*.html, widgets/*.html) render it, reduced to what the client reads.
import { handle } from '/_springlit/static/messages.js';

let run = 100;

export function textInput(id, { label = 'Name', value = '', server = value, form = null } = {}) {
  const formAttr = form == null ? '' : ` data-sl-form="${form}"`;
  return `<div class="sl-el sl-widget" data-sl-widget="${id}" data-sl-kind="text_input"${formAttr}`
    + ` data-sl-value='${JSON.stringify(server)}'><label class="sl-widget-label">${label}</label>`
    + `<div class="sl-text-input"><input class="sl-input" data-sl-input type="text" value="${value}"></div></div>`;
}

export function numberInput(id, value, { format = null, min = null, max = null } = {}) {
  const fmt = format == null ? '' : ` data-sl-format="${format}"`;
  const bounds = (min == null ? '' : ` min="${min}"`) + (max == null ? '' : ` max="${max}"`);
  return `<div class="sl-el sl-widget" data-sl-widget="${id}" data-sl-kind="number_input" data-sl-value="${value}"${fmt}>`
    + `<div class="sl-number"><input type="number" data-sl-input value="${value}" step="any"${bounds}>`
    + '<input type="button" class="sl-step" data-sl-step="-1" value="-">'
    + '<input type="button" class="sl-step" data-sl-step="1" value="+"></div></div>';
}

export function markdown(text) {
  return `<div class="sl-el sl-markdown"><p>${text}</p></div>`;
}

export function container(kind, props = '') {
  return `<div class="sl-block" data-sl-block="${kind}"${props}><div class="sl-block-children" data-sl-children></div></div>`;
}

/** Applies one delta with `ops`; `status` null keeps the run going. */
export function delta(ops, { status = 'ok', runNumber = ++run } = {}) {
  handle({ type: 'delta', run: runNumber, ops, status });
  return runNumber;
}

export function set(path, html) {
  return { op: 'set', path, html };
}

export function main() {
  return document.getElementById('sl-main');
}

export function widget(id) {
  return document.querySelector(`[data-sl-widget="${id}"]`);
}

export function field(id) {
  return widget(id).querySelector('[data-sl-input]');
}

/** A dialog block as elements/block.html renders it (width medium). */
export function dialog(id, title, { dismissible = true } = {}) {
  const close = dismissible ? '<button type="button" class="sl-dialog-close" aria-label="Close">×</button>' : '';
  return `<div class="sl-el sl-block sl-block-dialog" data-sl-block="dialog" data-sl-widget="${id}">`
    + `<dialog class="sl-dialog sl-dialog-medium" data-sl-dismissible="${dismissible}" aria-label="${title}">`
    + `<div class="sl-dialog-frame"><div class="sl-dialog-header"><h2 class="sl-dialog-title">${title}</h2>${close}</div>`
    + '<div class="sl-block-children sl-dialog-body" data-sl-children></div></div></dialog></div>';
}
