package dev.springlit.runtime.run;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The requests one session has waiting for a run, and the rules that decide what runs next (S2.4): values that
 * arrive while another request waits are merged into it, newer values winning, but two clicks never merge
 * (every click counts); a newer request supersedes a running one unless both are clicks; an interrupted run's
 * request goes back first, under the values that came after it. A pure state machine like Streamlit's
 * {@code script_requests.py}: no threads and no lock of its own; the {@code Runner} calls it under its lock.
 */
public final class RunQueue {

    /**
     * How many interactions may wait for a run. Clicks are never merged (every click counts), so a slow page could
     * gather many; past this bound they are refused with an error instead of filling the heap.
     */
    public static final int MAX_PENDING = 1_000;

    /** What became of an offered request. */
    public enum Admission {
        /** Queued; whatever runs now goes on. */
        QUEUED,
        /** Queued, and the running request is superseded: its run should be interrupted. */
        SUPERSEDES_RUNNING,
        /** Refused: {@link #MAX_PENDING} interactions already wait. Tasks are never refused for this. */
        FULL
    }

    private final ArrayDeque<RunRequest> pending = new ArrayDeque<>(2);

    /**
     * Queues {@code request} behind what waits, merging it into the last waiting request where allowed.
     *
     * @param running the request whose run is executing now, or {@code null}
     */
    public Admission offer(RunRequest request, RunRequest running) {
        if (pending.size() >= MAX_PENDING && !request.isTask()) {
            return Admission.FULL;
        }
        RunRequest last = pending.peekLast();
        if (last != null && last.canAbsorb(request)) {
            pending.pollLast();
            pending.addLast(last.absorb(request));
        } else {
            pending.addLast(request);
        }
        return running != null && supersedes(request, running) ? Admission.SUPERSEDES_RUNNING : Admission.QUEUED;
    }

    /**
     * A newer request replaces a running one unless both are clicks: the running click would only be replayed
     * before the new one, so interrupting it gains nothing. Tasks never interrupt and are never interrupted. A
     * fragment's request (S10.4) interrupts only a run of the same fragment, never the page or another fragment (as
     * in Streamlit, a fragment rerun does not preempt the script), and a runEvery tick interrupts nothing; a page
     * request supersedes a running fragment run like any other run.
     */
    static boolean supersedes(RunRequest newer, RunRequest running) {
        if (newer.isTask() || running.isTask() || newer.isAuto()) {
            return false;
        }
        if (newer.fragment() != null && !newer.fragment().equals(running.fragment())) {
            return false;
        }
        return newer.trigger() == null || running.trigger() == null;
    }

    /** The request to run next, taken off the queue, or {@code null} when nothing waits. */
    public RunRequest next() {
        return pending.pollFirst();
    }

    /** An interrupted run's request goes back first, with the values that came after it on top. */
    public void requeueInterrupted(RunRequest interrupted) {
        RunRequest next = pending.peekFirst();
        if (next != null && interrupted.canAbsorb(next)) {
            pending.pollFirst();
            pending.addFirst(interrupted.absorb(next));
        } else {
            pending.addFirst(interrupted);
        }
    }

    /** A run asked for another one (st.rerun, a cleared form): it goes before anything that waits. */
    public void rerunFirst() {
        pending.addFirst(RunRequest.rerun());
    }

    /** A fragment run asked to run its fragment again (st.rerun(RerunScope.FRAGMENT)): before what waits. */
    public void rerunFirst(String fragment) {
        pending.addFirst(RunRequest.rerun().inFragment(fragment));
    }

    public boolean isEmpty() {
        return pending.isEmpty();
    }

    int size() {
        return pending.size();
    }

    /** Empties the queue (the session ended); returns what was waiting, oldest first. */
    public List<RunRequest> clear() {
        List<RunRequest> dropped = new ArrayList<>(pending);
        pending.clear();
        return dropped;
    }
}
