/**
 * Uploaded files: the server-wide store that keeps each upload in memory or spools it to an owner-only directory
 * within its byte budgets ({@code UploadStore}, {@code SpoolDirectory}, {@code ByteBudget}, {@code StoredUpload}),
 * and one session's files by widget ({@code SessionFiles}), which the file uploader reads and the upload endpoint
 * fills; where a tab uploads and downloads them ({@code FileRoutes}: the web layer answers, the runtime only asks).
 * <p>
 * Threading: the store and the budgets are thread-safe (request threads write, run threads read, the session's
 * end and shutdown delete); {@code SessionFiles} guards its map with its own monitor.
 */
package dev.springlit.runtime.upload;
