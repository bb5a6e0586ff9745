package dev.springlit.runtime.run;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import dev.springlit.St;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.scope.ScopedBeans;

/**
 * The session as its runs see it: who it is, what it shows, where its rejected input and its committed state go.
 * The session implements it; a run never reaches the rest of the session (its connection, registry, ledger), so
 * every call here goes one way, from the run to the session.
 */
public interface RunSession {

    String id();

    /** What the log calls the session: never its id. */
    String tag();

    /** The tab's signed-in user, or {@code null}. */
    Principal user();

    /** The session's main container, the {@code st} every run of it draws with. */
    St st();

    /** The session's {@code @SessionScope} beans. */
    ScopedBeans beans();

    /** The page the session shows now. */
    PageDescriptor page();

    /** The tab its runs draw to. */
    RunTab tab();

    /** Whether the S4.7 duplicate-value warning for {@code key} is still to be shown in this session. */
    boolean firstWarningFor(String key);

    /** S1.5: a value the tab re-sent for {@code widgetId} after the server lost its session (once), or null. */
    Object takeRestored(String widgetId);

    /** Tells the tab a part of its message was refused, and logs it. */
    void reject(String code, String message);

    /** st.switchPage took effect: the session shows {@code target} now. */
    void switchedTo(PageDescriptor target);

    /**
     * Stores what {@code run} ended with ({@code result.committed()} {@code null}: nothing) wherever the session is
     * kept beyond this node, before the runner takes it. Completes with false when another node owns the session now
     * and the run must not land. Already complete unless a store write is on its way; then it completes on the run
     * executor, never on a store's I/O thread.
     */
    CompletableFuture<Boolean> commit(Run run, RunResult result);
}
