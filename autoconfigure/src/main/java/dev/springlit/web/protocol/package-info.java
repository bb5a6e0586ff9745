/**
 * The wire protocol (docs/protocol.md): what a tab sends, parsed and checked into records ({@code ClientMessage},
 * {@code BrowserReport} for what the browser says about itself), and the JSON encoding of the runtime's
 * {@code ServerMessage}s ({@code ProtocolCodec}, which has {@code web.render} turn elements into HTML). Public types
 * exist for the stream and the auto-configuration, not for applications.
 * <p>
 * Threading: parsing and encoding are stateless and thread-safe; a connection's frames are parsed on the
 * container's thread that delivers them, a session's messages encoded on the thread that delivers its outbox.
 */
package dev.springlit.web.protocol;
