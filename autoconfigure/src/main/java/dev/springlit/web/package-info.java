/**
 * The web side of Springlit: the WebSocket stream a tab talks over (assembling, rate-limiting and parsing its
 * messages, then calling the runtime), the JSON encoding of the server's messages, the Thymeleaf rendering of
 * elements and of the page shell (with the app's look: {@code Appearance}, the theme's stylesheet), the upload
 * and download endpoints, and {@code Routes}, the one place that spells every URL the server emits (relative to
 * the shell's {@code <base href>}, so context paths and proxy prefixes work). What a tab's handshake and browser say
 * about it ({@code HandshakeContext}, {@code HandshakeCapture}, {@code BrowserReport}) feeds {@code st.context()}. Public types exist for the
 * auto-configuration to wire them, not for applications (the ArchUnit test pins who may use them).
 * <p>
 * Threading: the container's threads deliver each connection's frames one at a time; a connection's sends come
 * from the session's outbox, one thread at a time and outside the runtime's locks, and never block (they are
 * queued and written with the container's asynchronous send). Rendering is stateless and thread-safe.
 */
package dev.springlit.web;
