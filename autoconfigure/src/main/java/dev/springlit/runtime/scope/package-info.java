/**
 * What pages inject that speaks for "the session whose run executes on this thread": the {@code SessionState}
 * singleton ({@code CurrentSessionState}) and the {@code streamlitSession} bean scope ({@code SessionBeanScope}).
 * Both find the run through {@code CurrentRun}, which a run binds while it executes, and see it only as a
 * {@code ScopedRun} (its state, its session's beans and id), never the run or the session themselves.
 * <p>
 * Threading: {@code CurrentRun} is a thread-local: bound and unbound by the run's own thread. Outside a run both
 * singletons throw a clear {@code IllegalStateException} (S3.4); the session's beans are thread-safe.
 */
package dev.springlit.runtime.scope;
