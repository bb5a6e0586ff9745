/**
 * One run of a page and what it is made of: the requests a session queues ({@code RunRequest}, {@code ValuedTrigger})
 * and the pure queue that coalesces and orders them ({@code RunQueue}); what a run leaves ({@code RunResult}) and the
 * committed state it swaps in ({@code SessionData}, read through {@code StateValues}, serialized once into {@code
 * StateBytes}/{@code ValueBytes}, on a stream each thread reuses ({@code ValueWriter}), and cut into store parts by
 * {@code CommitParts}); the state rules (reserved keys, serializability, the size limit); the run threads and their
 * limits ({@code RunThreadPool}, {@code StalledRunsWatch} and what Linux says of a thread, {@code LinuxThreads};
 * {@code RunExecutors}, {@code RunLimits}), the interceptors around page code and the run observer; the engine-wide
 * values every run uses ({@code RunServices}), the runtime's switches ({@code RuntimeSettings}) and what calls
 * fragments' runEvery timers ({@code FragmentScheduler}). And the run itself: the {@code Runner} that works off one
 * session's queue and alone commits its state ({@code CommittedState}: the data, the committed fragments and their
 * timers, whether the page was drawn on this node); a run ends through {@code CommitThenEnd} (stored, committed, its
 * tab told), and a first run on a page's GET thread gives that thread back on time ({@code BorrowedThread}); the {@code Run} that returns a {@code RunResult}: its page code
 * ({@code RunPageCode}: callbacks, then {@code render(st)}), the four ways it is stopped ({@code RunStops}:
 * superseded, Stop, deadline, abandoned) and what a run stopped early leaves ({@code RunEnds}); its {@code RunState} (SessionState as the run sees it), what it draws ({@code RunCanvas}, the
 * drawers' {@code draw.Canvas}), its fragments ({@code RunFragments}, the committed {@code Fragments}, their {@code
 * FragmentTimers}), the deadline ({@code RunWatchdog}) and the runs executing now ({@code RunningRuns}). A run sees
 * its session only as {@code RunSession} and its tab only as {@code RunTab}, which the session package implements:
 * nothing here depends on the session, the engine or the web layer. How a run ends early lives in {@code control}.
 * <p>
 * Threading: {@code RunQueue} has no lock of its own (the runner calls it under its monitor); requests, results
 * and committed state are immutable once handed over; the pool is thread-safe and reuses idle threads most recent
 * first. A {@code Run} is bound to its thread; its {@code RunStops} are set from any thread and wake only page code, under
 * their monitor, which the run's writes to its tab's output take too. {@code Runner.offer}, {@code abandon} and {@code stop} are called from
 * any thread (web threads, page threads through the session handle, the housekeeping thread), and the queue, the
 * current run and the committed state change only under the runner's monitor, never held while a page runs or a
 * message is sent. Runs execute on the run executor, except a pending session's first run, which
 * {@code Runner.runFirstHere} executes on the calling web thread (its page's GET) and hands to the run executor if it
 * outlives the GET's wait (the JDK's shared delay thread interrupts it then, {@code BorrowedThread}). A session's queue is worked off by one
 * drain at a time; when a run's commit is still on its way to the store the drain stops, and the commit's completion
 * (on the run executor) ends the run and goes on, so no thread waits for the store ({@code CommitThenEnd}: of the
 * two, whichever comes second goes on). {@code RunningRuns} is read by the housekeeping thread (deadlines) and the
 * flush thread, which also writes the redraw a run held until its time ({@code RunCanvas.writeHeldIfDue}, a stream's
 * held-back text) under the run's stops' monitor.
 * {@code FragmentTimers} are called by the {@code FragmentScheduler}'s thread and only offer requests.
 */
package dev.springlit.runtime.run;
