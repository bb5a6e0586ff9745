/**
 * The page runtime's core: {@code SpringlitEngine}, which builds and owns everything below it (pages, settings, the
 * run executor, the sessions through {@code session.SessionEngine}, the runs through {@code run.RunServices}) and is
 * what the web layer, the tester and the auto-configuration hold; its {@code Housekeeping} thread; and the
 * engine's own {@code FragmentScheduler} thread ({@code ThreadFragmentScheduler}). It knows nothing of HTTP,
 * WebSockets or HTML (the ArchUnit test pins it): the web layer attaches a
 * {@link dev.springlit.runtime.output.ClientConnection} to a session and renders what the session's outbox delivers.
 * Types are public only where the web layer, the tester or the auto-configuration must reach them; they are not API
 * (application code uses {@code dev.springlit}).
 * <p>
 * Everything else lives in concept packages that never depend on this one (the ArchUnit test pins that), along the
 * one-way flow of DESIGN.md: {@code session} (a tab's session, its tab link, ledger, persistence, the registry and
 * which session a hello gets) uses {@code run} (requests and their queue, the runner that alone commits state, the
 * run and what it draws, fragments, deadlines, threads), which sees a session only as {@code run.RunSession} and its
 * tab as {@code run.RunTab}; below them {@code draw} (what each St call draws; it sees a run as its {@code Canvas}
 * and a session as its {@code Owner}), {@code scope} ({@code SessionState} and the session bean scope, found through
 * {@code scope.CurrentRun}), {@code control} (how a run ends early, how a failure shows), {@code output} (messages,
 * the tab's element tree, the outbox), {@code widget} (widget identity, codecs), {@code page} (pages and who may see
 * them), {@code identity} (who a tab is) and {@code upload} (uploaded files).
 * <p>
 * Threading: web threads call {@code Session}'s entry points (attach, interact, navigate), which queue requests in
 * the session's {@code RunQueue} (a pure class) under its {@code Runner}'s monitor; the runner executes one run at a
 * time on the shared run executor, and only it writes the session's committed state, from the {@code RunResult} the
 * run returns, at one commit point. The single housekeeping thread expires sessions
 * ({@code SessionEngine.expireParked}), watches deadlines ({@code RunningRuns.checkDeadlines}) and only schedules
 * the streaming of slow runs onto the flush thread ({@code springlit-flush}, {@code RunningRuns.flush}). Messages
 * leave through the session's {@code Outbox}: posted under the session's locks, delivered (rendered) after them by
 * one thread at a time, in order. {@code SessionPersistence} writes a shared session store on the run thread, before
 * the run's end is posted and outside the session's locks; its keeper thread ({@code springlit-store}) only touches
 * and releases records. {@code st.writeStream} reads its source on the run thread; from then on the run's
 * {@code StreamHold} keeps newer interactions from interrupting it, while Stop, the deadline and the session's end
 * still do. RunEvery timers are called by the {@code FragmentScheduler}'s thread ({@code springlit-fragment-timers},
 * or the tester's clock) and only offer requests to the runner.
 */
package dev.springlit.runtime;
