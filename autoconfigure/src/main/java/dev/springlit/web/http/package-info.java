/**
 * HTTP guards in front of Springlit's own routes (its pages, {@code /_springlit/**} and the WebSocket handshake):
 * which host names the server answers to (against DNS rebinding), which Origin headers a handshake may carry,
 * and the security headers (Content-Security-Policy, frame protection, {@code nosniff}, Referrer-Policy) its
 * responses carry, and Spring Security's CSRF token as the shell hands it to the client ({@code CsrfHeader}). The
 * application's own controllers are left alone. Also {@code Routes}, the one place that spells every URL the server
 * emits (relative to the shell's {@code <base href>}, so context paths and proxy prefixes work), and the upload and
 * download endpoints ({@code FileEndpoints}), and {@code StylesheetImports}, which serves the client's per-family
 * stylesheets as the one sheet the shell links. Filters and endpoints run on the request's thread and
 * keep no state between requests except a log throttle (uploads go to the runtime's thread-safe store).
 */
package dev.springlit.web.http;
