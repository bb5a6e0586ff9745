// Uploading files into a file uploader. Each chosen (or dropped) file is POSTed on its own to the root's
// data-sl-upload-url (body = the file, name in X-Springlit-Filename, Spring Security's CSRF header when the
// shell carries one); the answer {id, name, size} names the
// upload. When all of them succeeded the widget's value (upload ids: the current ones plus the new ones, or
// only the new one for a single uploader) goes out like any other widget value. A refused upload (413, 415,
// 403, 404...) shows its message under the uploader and in #sl-notice, and nothing is sent. The × of a
// listed file sends the value without it.

import { DROPZONE, WIDGET } from '../constants.js';
import { showNotice } from '../notices.js';
import { csrfHeaders } from '../routes.js';
import { widgetRoot } from './live.js';
import { uploadIds } from './uploader.js';
import { knownJson, sendValue } from './values.js';

const FILE_FIELD = 'input[type="file"][data-sl-input]';

/** The upload ids this tab believes the server has for an uploader. */
function uploadedIds(root) {
  let ids = null;
  try { ids = JSON.parse(knownJson(root)); } catch (e) { /* none */ }
  return uploadIds(ids);
}

function liveWidget(id) {
  for (const root of document.querySelectorAll(WIDGET)) if (root.dataset.slWidget === id) return root;
  return null;
}

function showUploadError(root, message) {
  const box = root?.querySelector('.sl-uploader-error');
  if (box) {
    box.textContent = message || '';
    box.hidden = !message;
  }
  if (message) showNotice(message, { level: 'error' });
}

function sendIds(root, ids) {
  return sendValue(root, ids, JSON.stringify(ids));
}

export async function uploadFiles(root, fileList) {
  const input = root.querySelector(FILE_FIELD);
  const url = root.querySelector('[data-sl-upload-url]')?.getAttribute('data-sl-upload-url');
  let files = [...(fileList || [])];
  if (!input || input.disabled || !url || files.length === 0) return;
  const multiple = input.multiple;
  if (!multiple) files = files.slice(0, 1);
  const id = root.dataset.slWidget;
  showUploadError(root, null);
  root.setAttribute('data-sl-uploading', '');
  root.setAttribute('aria-busy', 'true');
  const uploaded = [];
  let error = null;
  try {
    for (const file of files) {
      let response;
      try {
        response = await fetch(url, {
          method: 'POST',
          body: file,
          headers: {
            ...csrfHeaders(),
            'Content-Type': file.type || 'application/octet-stream',
            'X-Springlit-Filename': encodeURIComponent(file.name),
          },
        });
      } catch (e) {
        error = `Could not upload "${file.name}": the server cannot be reached.`;
        break;
      }
      let data = null;
      try { data = await response.json(); } catch (e) { /* not JSON */ }
      if (!response.ok || data == null || data.id == null) {
        error = (data && typeof data.error === 'string' && data.error)
          || `Could not upload "${file.name}" (HTTP ${response.status}).`;
        break;
      }
      uploaded.push(String(data.id));
    }
  } finally {
    // The element may have been re-rendered meanwhile: finish on the one now on the page.
    for (const el of new Set([root, liveWidget(id)])) {
      el?.removeAttribute('data-sl-uploading');
      el?.removeAttribute('aria-busy');
      const field = el?.querySelector(FILE_FIELD);
      if (field) field.value = ''; // choosing the same file again fires change again
    }
  }
  const live = liveWidget(id) || root;
  if (error) {
    showUploadError(live, error);
    return;
  }
  sendIds(live, multiple ? [...uploadedIds(live), ...uploaded] : uploaded.slice(0, 1));
}

export function removeUpload(root, uploadId) {
  const input = root.querySelector(FILE_FIELD);
  if (input?.disabled) return;
  showUploadError(root, null);
  sendIds(root, uploadedIds(root).filter((id) => id !== uploadId));
}

function dropzoneOf(event) {
  const target = event.target instanceof Element ? event.target : event.target?.parentElement;
  const zone = target?.closest(DROPZONE);
  const root = zone && widgetRoot(zone);
  const input = root?.querySelector(FILE_FIELD);
  return root && input && !input.disabled ? [zone, root] : [null, null];
}

export function onDragOver(event) {
  const [zone] = dropzoneOf(event);
  if (!zone || !event.dataTransfer?.types?.includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  zone.classList.add('sl-dragover');
}

export function onDragLeave(event) {
  const [zone] = dropzoneOf(event);
  if (zone && !(event.relatedTarget instanceof Node && zone.contains(event.relatedTarget))) {
    zone.classList.remove('sl-dragover');
  }
}

export function onDrop(event) {
  const [zone, root] = dropzoneOf(event);
  if (!zone) return;
  event.preventDefault();
  zone.classList.remove('sl-dragover');
  uploadFiles(root, event.dataTransfer?.files);
}
