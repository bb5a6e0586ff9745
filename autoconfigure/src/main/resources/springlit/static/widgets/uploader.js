// The file uploader's kind handler: its value is the list of upload ids this tab believes the server has
// (nothing of it lives in the file field); choosing, dropping and removing files is uploads.js.

/** Upload ids in a known value (anything else: none). */
export function uploadIds(value) {
  return Array.isArray(value) ? value.map(String) : [];
}

export const fileUploader = {
  uploads: true,
  read: (root, fields, known) => uploadIds(known()),
  show() { /* the list of files is the server's markup */ },
};
