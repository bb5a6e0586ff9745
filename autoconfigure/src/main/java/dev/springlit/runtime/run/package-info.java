/**
 * What a run is made of, below the run itself: the requests a session queues ({@code RunRequest},
 * {@code ValuedTrigger}) and the pure queue that coalesces and orders them ({@code RunQueue}); what a run leaves
 * ({@code RunResult}) and the committed state it swaps in ({@code SessionData}, read through {@code StateValues},
 * serialized once into {@code StateBytes}/{@code ValueBytes} and cut into store parts by {@code CommitParts});
 * the state rules (reserved keys, serializability, the size limit); how a run ends early ({@code RunControl} and its
 * exceptions, {@code StreamHold}); the run threads and their limits ({@code RunThreadPool}, {@code StalledRunsWatch},
 * {@code RunExecutors},
 * {@code RunLimits}), the interceptors around page code and the run observer; and how a failure is shown
 * ({@code Tracebacks}, {@code ErrorReference}); the engine-wide values every run uses ({@code RunServices}), the
 * runtime's switches ({@code RuntimeSettings}) and what calls fragments' runEvery timers ({@code FragmentScheduler}).
 * {@code Run}, {@code Runner} and {@code RunState} still live in {@code dev.springlit.runtime} (see issue 13: the
 * drawers are cut off them; they still reach the session, which must be cut next).
 * <p>
 * Threading: {@code RunQueue} has no lock of its own (the runner calls it under its monitor); requests, results
 * and committed state are immutable once handed over; the pool is thread-safe and reuses idle threads most recent
 * first.
 */
package dev.springlit.runtime.run;
