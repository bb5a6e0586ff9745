package dev.springlit.runtime.run;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A run executing on a thread the run executor does not own (a page's {@code GET}, see
 * {@link Runner#runFirstHere}): still going after the hand-over time, the run is interrupted and whoever lent the
 * thread is told, so the run is replayed on the run executor and the thread comes back as soon as the page reacts.
 * Closing it once the run is over cancels the timer, so nothing aims at the thread afterwards, and clears an interrupt
 * the timer may have left: the thread goes back to its owner clean.
 */
final class BorrowedThread implements AutoCloseable {

    private final CompletableFuture<Void> ran = new CompletableFuture<>();

    /** @param late told (on the timer's thread) when {@code run} passed {@code handOverMillis} and was interrupted */
    BorrowedThread(Run run, long handOverMillis, Runnable late) {
        ran.orTimeout(handOverMillis, TimeUnit.MILLISECONDS).whenComplete((none, timedOut) -> {
            if (timedOut != null) {
                run.stops().interrupt();
                late.run();
            }
        });
    }

    @Override
    public void close() {
        ran.complete(null);
        Thread.interrupted();
    }
}
