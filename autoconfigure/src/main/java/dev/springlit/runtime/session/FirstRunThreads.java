package dev.springlit.runtime.session;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Which thread runs a pending session's first run (the server-rendered first page, issue 20): the page's GET thread
 * itself when it can, because handing the run to the run executor and parking until it ends cost the GET two
 * wake-ups, more than a small page's run; the run executor otherwise. The GET's thread is not the run executor's:
 * its blocked-run detection cannot replace it, and a server has only so many request threads. So the GET runs it
 * only
 * <ul>
 * <li>while fewer than {@link #permits} GETs are running first runs (a page that ignores the interrupt at the end of
 * the wait holds its thread until it ends: at most that many request threads are ever held that way), and</li>
 * <li>when the page's last first run ended within half the wait: a page known to be slow, or one whose GET had to
 * hand its run over, goes to the run executor from the start (no run lost to a hand-over), until one of its first
 * runs is quick again.</li>
 * </ul>
 * <p>
 * Threading: any number of request threads at once.
 */
final class FirstRunThreads {

    /** A page whose run outlived the wait, or is still out there running past it. */
    private static final long LATE = Long.MAX_VALUE;

    private final Semaphore permits;
    /** How long each page's last first run took (ns), by page path; at most one entry per page. */
    private final Map<String, Long> lastRun = new ConcurrentHashMap<>();

    FirstRunThreads(int permits) {
        this.permits = new Semaphore(permits);
    }

    /** As many as the run executor starts without looking whether its threads are blocked: two per core, at least 4. */
    static FirstRunThreads forThisMachine() {
        return new FirstRunThreads(Math.max(4, 2 * Runtime.getRuntime().availableProcessors()));
    }

    /** Runs {@code session}'s first run and returns its number once it ended within {@code waitMillis}, else -1. */
    int run(Session session, long waitMillis) {
        String page = session.page().path();
        long started = System.nanoTime();
        int run;
        if (lastRun.getOrDefault(page, 0L) <= TimeUnit.MILLISECONDS.toNanos(waitMillis) / 2 && permits.tryAcquire()) {
            try {
                run = session.pending().runHere(waitMillis, () -> lastRun.put(page, LATE));
            } finally {
                permits.release();
            }
        } else {
            session.pending().start();
            run = session.pending().await(waitMillis);
        }
        // a late run marked its page when its wait ended; an answer in time (wherever it ran) marks it quick again
        if (run > 0) {
            lastRun.put(page, System.nanoTime() - started);
        } else {
            lastRun.put(page, LATE);
        }
        return run;
    }
}
