/**
 * What the browser shows and how it gets there: the messages the server tells a tab ({@code ServerMessage}, with
 * {@code RunStatus}, how a run ended), the server's copy of a tab's element tree that turns each run's drawing
 * into ops ({@code PageOutput}), the transport a session talks to ({@code ClientConnection}) and the ordered
 * {@code Outbox} in front of it. Nothing here knows sessions or runs.
 * <p>
 * Threading: {@code PageOutput} is guarded by its own monitor (the run thread draws, the flush thread drains);
 * {@code Outbox.post} may be called under the session's locks, and delivery (which renders) happens after them,
 * by one thread at a time per tab, in posting order.
 */
package dev.springlit.runtime.output;
