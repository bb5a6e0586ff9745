/**
 * HTTP guards in front of Springlit's own routes (its pages, {@code /_springlit/**} and the WebSocket handshake):
 * which host names the server answers to (against DNS rebinding), which Origin headers a handshake may carry,
 * and the security headers (Content-Security-Policy, frame protection, {@code nosniff}, Referrer-Policy) its
 * responses carry, and Spring Security's CSRF token as the shell hands it to the client ({@code CsrfHeader}). The
 * application's own controllers are left alone. Filters run on the request's thread and
 * keep no state between requests except a log throttle.
 */
package dev.springlit.web.http;
