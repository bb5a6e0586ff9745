// The file uploader's kind handler: its value is the list of upload ids this tab believes the server has
// (nothing of it lives in the file field); choosing, dropping and removing files is uploads.js.

import { knownJson } from './values.js';

/** Upload ids in a known value (anything else: none). */
export function uploadIds(value) {
  return Array.isArray(value) ? value.map(String) : [];
}

/** "Limit 50MB per file": the server's streamlit.server.max-upload-size, from <body data-sl-upload-limit>. */
function showLimit(root) {
  const limits = root.querySelector('.sl-dropzone-limits');
  const limit = document.body.dataset.slUploadLimit;
  if (!limits || !limit) return;
  const text = limits.textContent.replace(/^Limit (\S+ )?per file/, `Limit ${limit} per file`);
  if (text !== limits.textContent) limits.textContent = text;
}

/**
 * The list of files is the server's markup; a file the widget's value no longer holds (a clear-on-submit
 * form's pending default, S6.2) is hidden until the server's next word.
 */
function showFiles(root, ids) {
  for (const file of root.querySelectorAll('[data-sl-file]')) file.hidden = !ids.includes(file.dataset.slFile);
}

function knownIds(root) {
  try { return uploadIds(JSON.parse(knownJson(root))); } catch (e) { return []; }
}

export const fileUploader = {
  uploads: true,
  read: (root, fields, known) => uploadIds(known()),
  show: (root, fields, value) => showFiles(root, uploadIds(value)),
  decorate(root) {
    showLimit(root);
    showFiles(root, knownIds(root));
  },
};
