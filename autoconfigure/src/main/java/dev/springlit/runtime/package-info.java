/**
 * The page runtime: sessions, the queue of interactions each one works off, runs of a page (callbacks, then
 * {@code render(st)}), widget identity and values, and the diff of what each run drew against what the tab shows.
 * It knows nothing of HTTP, WebSockets or HTML (the ArchUnit test pins it): the web layer attaches a
 * {@link dev.springlit.runtime.output.ClientConnection} to a session and renders what the session's outbox delivers.
 * Types are public only where the web layer, the tester or the auto-configuration must reach them; they are not
 * API (application code uses {@code dev.springlit}). What each {@code St} call draws lives in {@code draw}, which
 * sees a run only as its {@code Canvas} and a session as its {@code Owner} ({@code RunCanvas}, what one run draws,
 * and {@code SessionOwner} here implement them); {@code SessionState} and the session bean scope live in
 * {@code scope} and find their run through {@code scope.CurrentRun}, which {@code Run} binds. Runs get the
 * engine-wide values as one {@code run.RunServices}. Login and logout redirects sit beside the session, not in it.
 * <p>
 * This package is the runtime's core that still reaches in every direction (the session, the runner and its run,
 * the engine); what no longer does lives in concept packages below it, which never depend on it (the
 * ArchUnit test pins that): {@code page} (pages and who may see them), {@code identity} (who a tab is),
 * {@code output} (messages, the tab's element tree, the outbox), {@code widget} (widget identity, codecs),
 * {@code upload} (uploaded files), {@code draw} (what each St call draws), {@code scope} (what speaks for the
 * current run's session), {@code run} (requests, their queue, results, state rules, run control, threads, the
 * engine-wide values runs use) and {@code session} (what a tab's hello asks, log names). What is left here is the
 * session side ({@code Session}, {@code TabLink}, the ledger, persistence, registry), the run side ({@code Runner},
 * {@code Run}, {@code RunCanvas}, {@code RunState}, {@code RunWatchdog}, the fragment classes) and the engine: they
 * still call each other both ways, which the next cut (small interfaces in {@code run} that the session implements)
 * removes.
 * <p>
 * Threading: web threads call {@code Session}'s entry points (attach, interact, navigate), which queue requests in
 * the session's {@code RunQueue} (a pure class) under its {@code Runner}'s monitor; the runner executes one run at a
 * time on the shared run executor, and only it writes the session's committed state, from the {@code RunResult} the
 * run returns, at one commit point. The
 * single housekeeping thread expires sessions, watches deadlines and only schedules the streaming of slow runs
 * onto the flush thread. Messages leave through the session's {@code Outbox}: posted under the session's locks,
 * delivered (rendered) after them by one thread at a time, in order. {@code SessionPersistence} writes a shared
 * session store on the run thread, before the run's end is posted and outside the session's locks; its keeper
 * thread ({@code springlit-store}) only touches and releases records. {@code st.writeStream} reads its source on
 * the run thread (a Reactive Streams publisher's threads only fill a queue); from then on the run's
 * {@code StreamHold} keeps newer interactions from interrupting it, while Stop ({@code Session.stopRun}), the
 * deadline and the session's end still do.
 * A session's {@code TabIdentity} is written by the connection's thread and read by runs: each of its fields is
 * one volatile, immutable value.
 * Fragments (S10): a run either runs the page or reruns one fragment ({@code RunFragments}); the runner keeps the
 * committed {@code Fragments} (immutable, replaced at the commit point) and scopes each interaction by them when it
 * is offered. RunEvery timers ({@code FragmentTimers}) are called by the {@code FragmentScheduler}'s thread
 * ({@code springlit-fragment-timers}, or the tester's clock) and only offer requests to the runner.
 */
package dev.springlit.runtime;
