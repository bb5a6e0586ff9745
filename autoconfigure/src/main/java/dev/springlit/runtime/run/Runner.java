// Over 300 lines: one session's queue worker and its single commit point (offer, drain, commit, abandon, stop) share one monitor, and S9.2's drawing run (a moved tab's page drawn here before its interaction) and a pending session's first run on its GET's thread (runFirstHere) are two more ways through them; what the commit changes is CommittedState, how a run ends CommitThenEnd, the GET's thread BorrowedThread.
package dev.springlit.runtime.run;

import java.util.List;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.runtime.control.StreamHold;
import dev.springlit.element.Alert;
import dev.springlit.runtime.draw.FragmentDef;
import dev.springlit.runtime.output.RunStatus;

/**
 * Works off one session's {@link RunQueue}, one run at a time on the shared run executor, and is the only writer of
 * the session's committed state: a {@link Run} returns a {@link RunResult} and {@link #commit} applies it, at one
 * point, before the tab is told the run ended.
 * <p>
 * Threading: {@link #offer}, {@link #abandon} and {@link #stop} are called from any thread (web threads, page
 * threads through the session handle, the housekeeping thread); the queue, the current run and the committed state
 * change only under this runner's monitor, which is never held while a page runs or a message is sent. It sees its
 * session only as a {@link RunSession} and the tab as a {@link RunTab}.
 */
public final class Runner {

    private static final Log log = LogFactory.getLog(Runner.class);

    private final RunSession session;
    private final RunTab tab;
    private final RunServices services;
    private final RunQueue queue = new RunQueue();
    private final CommitThenEnd commitThenEnd;
    /** Changed only under this runner's monitor, at its commit point. */
    private final CommittedState committed;
    private Run current;
    private boolean draining;
    private boolean stopped;
    private int runCount;
    /** The run drawing the page here before an interaction that needs it (S9.2), or null. */
    private Run drawing;

    public Runner(RunSession session, RunServices services) {
        this.session = session;
        this.tab = session.tab();
        this.services = services;
        this.commitThenEnd = new CommitThenEnd(this, session, services);
        this.committed = new CommittedState(services.fragmentScheduler(), fragment -> {
            if (tab.isConnected()) { // parked: the fragment is on no screen (a runEvery tick, S10.2)
                offer(RunRequest.tick(fragment));
            }
        });
    }

    /** Starts from state committed elsewhere (a session taken over from the store), before any run. */
    public synchronized void restore(SessionData restored) {
        committed.restore(restored);
    }

    /** The tab shows what another node drew, and nothing runs now: the first run here draws it (S9.2). */
    public synchronized void drawnElsewhere() {
        committed.drawnElsewhere();
    }

    /** The state the last completed run committed. */
    public SessionData data() {
        return committed.data();
    }

    /** How many page runs have started; the browser sees it as the run number. */
    public synchronized int runCount() {
        return runCount;
    }

    /** Whether nothing is running or waiting to run. */
    public synchronized boolean isIdle() {
        return current == null && queue.isEmpty() && !draining;
    }

    /**
     * Queues a request, interrupting a run it supersedes, and makes sure the queue is being worked off. Returns
     * {@link RunQueue.Admission#FULL} (and queues nothing) when too many interactions wait, and {@code null} when
     * the session has ended.
     */
    public RunQueue.Admission offer(RunRequest request) {
        RunQueue.Admission admission;
        synchronized (this) {
            if (stopped) {
                return null;
            }
            if (!request.isTask() && !request.isFirstRun() && request.fragment() == null) {
                request.inFragment(committed.fragments().scopeOf(request)); // an interaction inside a fragment reruns only it
            }
            admission = queue.offer(request, current == null ? null : current.request());
            if (admission == RunQueue.Admission.SUPERSEDES_RUNNING && current.streamHold().supersede()) {
                current.stops().interrupt(); // not a run inside st.writeStream: its answer would be lost (S11.3, StreamHold)
            }
        }
        if (admission != RunQueue.Admission.FULL) {
            kick();
        }
        return admission;
    }

    /** Starts working off the queue on the run executor unless that is already happening. */
    public void kick() {
        synchronized (this) {
            if (draining || stopped || queue.isEmpty()) {
                return;
            }
            draining = true;
        }
        services.runExecutor().execute(this::drain);
    }

    /** Works off the queue, one run at a time; runs on the run executor (or goes on after a commit's completion). */
    void drain() {
        while (true) {
            Run run;
            synchronized (this) {
                run = takeNext();
                if (run == null) {
                    return;
                }
            }
            if (!runAndFinish(run)) {
                return;
            }
        }
    }

    /**
     * Runs {@code first}, a pending session's first request, on the calling thread: a page's GET, which waits for
     * it anyway, so the run costs no hand-off to the run executor and no wake-up (issue 20). Safe there because no
     * tab is attached yet, so no Stop or newer interaction can wait on this thread. A run still going after
     * {@code handOverMillis} is interrupted ({@code late} is told) and replayed on the run executor, like a superseded
     * run: the caller's thread comes back as soon as the page reacts (its next {@code St} call, or a blocking call
     * that takes interrupts), and a page that ignores interrupts holds it until it ends or the watchdog abandons the
     * run (the caller bounds how many of its threads may be in here). The watchdog's deadline and abandonment work
     * as on a run thread: they need the run, not its thread; the run executor's blocked-run detection never sees this
     * thread, which is not one of its own. Returns false, running nothing, when the runner is not idle.
     */
    public boolean runFirstHere(RunRequest first, long handOverMillis, Runnable late) {
        Run run;
        synchronized (this) {
            if (stopped || draining || current != null || !queue.isEmpty()) {
                return false;
            }
            queue.offer(first, null);
            draining = true;
            run = takeNext();
            if (run == null) {
                return false;
            }
        }
        boolean goOn;
        try (BorrowedThread borrowed = new BorrowedThread(run, handOverMillis, late)) {
            goOn = runAndFinish(run);
        }
        if (goOn) {
            synchronized (this) {
                draining = false;
            }
            kick(); // a replay or a rerun the page asked for: on the run executor, the caller has its answer
        }
        return true;
    }

    /**
     * The next run to execute, made current; or null, and draining ends, when nothing is to run. Called under this
     * runner's monitor.
     */
    private Run takeNext() {
        while (true) {
            RunRequest next = queue.next();
            if (next == null || stopped) {
                draining = false;
                return null;
            }
            Fragments fragments = committed.fragments();
            FragmentDef target = fragments.get(next.fragment(), session.page().path());
            if (next.fragment() != null && target == null && next.isAuto()) {
                continue; // its fragment is no longer on the page: its timer's tick has nothing to run
            }
            Run run = committed.mustBeDrawnFirst(next)
                    ? drawHereFirst(next)
                    : new Run(this, session, services, next, session.page(),
                    next.isTask() ? runCount : ++runCount, committed.data(),
                    rejection -> session.reject(rejection.code(), rejection.message()),
                    new RunFragments(target, fragments)); // a fragment gone meanwhile: the page runs instead
            current = run;
            return run;
        }
    }

    /**
     * Executes {@code run} and commits it; false when this thread is not to go on: the session gave up on the run, or
     * its commit is still on its way and the commit's completion goes on (another thread goes on either way).
     */
    private boolean runAndFinish(Run run) {
        if (!run.request().isTask()) {
            tab.runScope(run.fragments().isFragmentRun() ? run.fragments().target().path() : null);
        }
        RunResult result;
        try {
            result = run.execute();
        } catch (Throwable unexpected) {
            log.error("Springlit run failed outside the page; the session keeps its previous state", unexpected);
            result = RunResult.nothing(RunStatus.ERROR);
        }
        if (run == drawing) {
            try {
                return drawnHere(run, result);
            } catch (RuntimeException failure) {
                return commitThenEnd.survive(run, failure);
            }
        }
        run.stops().pageOver();
        return commitThenEnd.storeAndEnd(run, result);
    }

    /**
     * S9.2: {@code next} needs the page drawn on this node first (see {@link DrawnElsewhere#mustBeDrawnFirst}): it
     * goes back to the head of the queue, and a run like a first one (no callbacks, no values) draws the page from
     * the committed state, binding its widgets' decoders and callbacks. Called under this runner's monitor.
     */
    private Run drawHereFirst(RunRequest next) {
        queue.requeueInterrupted(next);
        drawing = new Run(this, session, services, RunRequest.first(), session.page(), runCount, committed.data(),
                rejection -> { }, new RunFragments(null, committed.fragments()));
        return drawing;
    }

    /**
     * The drawing run ended: the session keeps its committed values (the run changes nothing a user sees) and takes
     * the widgets it drew; the tab is sent nothing, and the next run replaces what the tab shows. Interrupted (a newer
     * interaction came), it draws again before that one. Returns false when the session gave up on the run.
     */
    private boolean drawnHere(Run run, RunResult result) {
        synchronized (this) {
            drawing = null;
            if (run.isAbandoned()) {
                return false;
            }
            current = null;
            if (result.status() == RunStatus.INTERRUPTED) {
                return true;
            }
            committed.takeDrawn(run, result);
        }
        tab.replaceOnNextRun();
        return true;
    }

    /**
     * A failure after the page ran (in the commit, a store or a scheduler) must not leave the session waiting for a
     * run that will never end: every later click would queue behind it. The run is no longer current; the caller
     * ends it as an error and the queue goes on.
     */
    synchronized void failed(Run run) {
        if (current == run) {
            current = null;
        }
    }

    /**
     * THE commit point: the one place where a run's result becomes the session's committed state, and what follows
     * it in the queue is decided. It happens before what the run drew is trimmed and the tab is told the run
     * ended, and after the session's store took the state ({@code stored} false: another node owns the session now),
     * so whatever observes committed state (a store, a test) never sees an end the state does not match. Returns
     * false, committing nothing, if the session gave up on the run.
     */
    boolean commit(Run run, RunResult result, boolean stored) {
        synchronized (this) {
            if (run.isAbandoned()) {
                return false;
            }
            current = null;
            if (!stored) {
                return true; // another node owns the session (S9.4): it was handed over, nothing of this run lands
            }
            committed.take(run, result);
            if (!stopped) {
                if (result.status() == RunStatus.INTERRUPTED) {
                    queue.requeueInterrupted(run.request());
                } else if (result.rerunAfter() && run.fragments().rerunFragmentName() != null) {
                    queue.rerunFirst(run.fragments().rerunFragmentName());
                } else if (result.rerunAfter()) {
                    queue.rerunFirst();
                }
            }
            return true;
        }
    }

    /**
     * Gives up on {@code run}, which ran past its deadline and ignored the interrupt: from now on it can neither
     * commit nor draw (see RunStops#abandon) and the tab is told with {@code notice}; then {@link #kick()} lets the
     * session go on, its next request on another thread. Returns false if the run already ended.
     */
    boolean abandon(Run run, Alert notice) {
        synchronized (this) {
            if (current != run) {
                return false;
            }
            run.stops().abandon();
            current = null;
            draining = false;
        }
        if (run.request().isTask()) {
            run.request().taskAbandoned(new IllegalStateException("The SessionHandle.update task ran longer than "
                    + "streamlit.runner.max-run-time and was abandoned; its changes were discarded."));
        } else {
            tab.showAbandoned(run.number(), notice, services.flushExecutor());
        }
        return true;
    }

    /**
     * Stops the running page run (not a task) for good, without replaying it; false when none is running, also when
     * the current run's page is over and only its commit is still on its way: its result stands.
     */
    public boolean stopCurrent() {
        synchronized (this) {
            return current != null && !current.request().isTask() && current.stops().cancel();
        }
    }

    /** The engine closed while a commit was on its way: its completion was refused, and nothing runs any more. */
    synchronized void closedDuringCommit() {
        current = null;
        draining = false;
    }

    /** Stops for good: interrupts the running run and returns the requests that will never run. */
    public List<RunRequest> stop() {
        Run running;
        List<RunRequest> dropped;
        synchronized (this) {
            if (stopped) {
                return List.of();
            }
            stopped = true;
            committed.stop();
            dropped = queue.clear();
            running = current;
        }
        if (running != null) {
            running.stops().interrupt();
        }
        return dropped;
    }
}
