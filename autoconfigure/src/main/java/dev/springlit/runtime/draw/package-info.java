/**
 * What each {@code St} call draws: {@code DeltaGenerator} only routes, to one drawer per element family
 * ({@code TextDrawer}, {@code NumberDrawer}, ...: draw code and codec together), with {@code FormContainer} and
 * {@code StatusBlock} as their own small St's and the helpers they share ({@code ValueWidgets}, {@code ClearedForms},
 * {@code AdaptedOptions}, {@code DataElements} with {@code CellFormat}, {@code WriteFormatter}, {@code StreamWriter} and its chunk sources).
 * Drawers see the run only as a {@link dev.springlit.runtime.draw.Canvas} and the session only as an
 * {@link dev.springlit.runtime.draw.Owner}, and get engine-wide values as {@link dev.springlit.runtime.draw.DrawTools}:
 * they never reach the run, the session or the engine (the ArchUnit test pins that this package does not depend on
 * {@code dev.springlit.runtime}). {@code StFactory} is how the runtime gets an St.
 * <p>
 * Threading: everything here runs on the thread of the run that draws; an St used on another thread, or after its
 * run was replaced, throws at its next call ({@code Canvas.checkActive}). A Reactive Streams publisher's threads
 * only fill {@code PublisherChunks}' queue, which the run thread drains. One exception: the redraw of a stream's
 * held-back text, handed over with {@code Canvas.replaceWhenDue}, is made on the flush thread, and reads only a
 * {@code GrowingText.Prefix}, which no longer changes.
 */
package dev.springlit.runtime.draw;
