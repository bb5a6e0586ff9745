/**
 * One tab's session, from the parts that stand on their own: what a tab's {@code hello} asks for
 * ({@code TabHello}), the page its stored state was committed with ({@code StoredPage}), the session's name in logs ({@code SessionTag}, never its id) and the throttle on refusal
 * warnings ({@code RefusalWarnings}). {@code Session} itself and its parts that reach runs and drawers (ledger,
 * persistence, registry, opening, query, tab link and handle) still live in {@code dev.springlit.runtime} (issue 13).
 * <p>
 * Threading: {@code TabHello}, {@code StoredPage} and {@code SessionTag} are immutable; {@code RefusalWarnings} is thread-safe (any
 * connection's thread may warn).
 */
package dev.springlit.runtime.session;
