/**
 * One tab's session: {@code Session}, its identity, its queue of runs and the web layer's entry points (attach,
 * interact, stop), composing its parts: its side of the tab ({@code TabLink}: connection, what the tab shows, the
 * ordered outbox); what pages get from {@code st.session()} ({@code TabHandle}); where its tab is, page and query
 * parameters, and navigating elsewhere ({@code TabAddress}, {@code SessionQuery}); its resources and
 * {@code @SessionScope} beans; when it ends while parked and whose address it counts for ({@code Parking}); its
 * arrival from the store with the tab attached without a run (S9.2, {@code SessionArrival}); its first run before
 * any tab, rendered by the page's GET, and that run's adoption ({@code PendingFirstRun}); how it ends, for good, by
 * expiry or handed over ({@code SessionEnding}); its tab's numbered interactions ({@code SessionLedger}) and where it
 * is kept beyond this node ({@code SessionPersistence}: commits; {@code SnapshotRestore}: a stored session loaded
 * into a live one; {@code StoreKeeper}: the store's keeper thread); all live sessions ({@code SessionRegistry}) and
 * which one a tab's {@code hello} gets ({@code SessionOpening}, with {@code TabHello}, the single-use tokens by which
 * a tab adopts the pending session its page's GET ran, {@code AdoptionTokens}, and which thread runs that first run,
 * {@code FirstRunThreads}); the page a stored state was committed with ({@code StoredPage}); log names
 * ({@code SessionTag}) and the throttle on refusal warnings. Runs see a session only as {@code run.RunSession}
 * ({@code SessionForRuns}) and its tab as {@code run.RunTab} ({@code TabLink}); drawers see it as {@code draw.Owner}
 * ({@code SessionOwner}); the session sees the engine only as {@code SessionEngine}. Calls go one way: this package
 * uses {@code run}, never the reverse.
 * <p>
 * Threading: web threads call {@code Session}'s entry points, which queue requests with its {@code run.Runner};
 * any thread may send through {@code TabLink} (posting is ordered under its send lock, rendering happens in the
 * outbox after it); a pending session's first run executes on its page's GET thread when {@code FirstRunThreads}
 * allows it (no tab is attached then, so nothing else waits on that run), on a run thread otherwise;
 * {@code SessionPersistence.commit} runs on the session's run thread, outside the session's locks, and
 * {@code SnapshotRestore} on the connection thread of the hello; the {@code StoreKeeper}'s thread
 * ({@code springlit-store}) only touches and releases records; the housekeeping thread expires sessions through
 * {@code SessionRegistry}. {@code TabHello}, {@code StoredPage} and {@code SessionTag} are immutable;
 * {@code RefusalWarnings} is thread-safe.
 */
package dev.springlit.runtime.session;
