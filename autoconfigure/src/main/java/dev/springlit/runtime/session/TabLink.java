package dev.springlit.runtime.session;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import dev.springlit.element.Alert;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.Outbox;
import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.run.RunResult;
import dev.springlit.runtime.run.RunTab;

/**
 * A session's side of its tab: the connection attached now (or since when none is), the copy of what the tab
 * shows with the changes not yet sent, and the ordered {@link Outbox} they leave through.
 * <p>
 * Threading: any thread may send; run threads post what they drew, the flush thread only tries to. Taking the
 * drawn ops and posting them is one step under the send lock, so messages are posted in the order they were
 * drawn; rendering and writing happen in the outbox after it is released, one thread at a time.
 */
final class TabLink implements RunTab {

    private final Object lock = new Object();
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Outbox outbox = new Outbox();
    private final PageOutput output = new PageOutput();
    private ClientConnection connection;
    private long parkedSinceNanos = System.nanoTime();
    /** The number of the last run whose end was sent (guarded by sendLock). */
    private int lastEndedRun;
    /** The fragment block the run going on redraws, or null for a page run: its deltas say so (S10.1). */
    private volatile ElementPath fragment;
    /**
     * The tab shows a page this copy does not hold (S9.2: taken over without a run): the next run to end is sent
     * whole, in one message with its end, and empties past what it drew in each root.
     */
    private volatile boolean replacing;
    /** The last numbered interaction the tab may forget (S9.3), sent with each run's end. */
    private volatile LongSupplier acknowledged = () -> 0;
    private final CompletableFuture<Integer> firstRunEnded = new CompletableFuture<>();

    @Override
    public PageOutput output() {
        return output;
    }

    @Override
    public boolean isConnected() {
        synchronized (lock) {
            return connection != null;
        }
    }

    /** Where the run ends' acknowledgement comes from (the session's ledger). */
    void acknowledgeWith(LongSupplier acknowledged) {
        this.acknowledged = acknowledged;
    }

    /**
     * Makes {@code newConnection} the tab and tells it which session it has; a tab that comes back ({@code fresh}
     * false) gets the whole tree, ended unless a run is still going on. A connection it replaces is closed.
     */
    void attach(ClientConnection newConnection, ServerMessage.SessionAttached attached, boolean fresh,
                            IntSupplier runCount) {
        attach(newConnection, attached, fresh, -1, runCount);
    }

    /**
     * As {@link #attach}, for a tab that shows run {@code shownRun} already (its page's GET rendered it): while that
     * run is the last and it ended, the tab hears only which session it has ({@code reset} false, no tree); else
     * it is treated as a tab that comes back.
     */
    void adopt(ClientConnection newConnection, ServerMessage.SessionAttached attached, int shownRun,
                           IntSupplier runCount) {
        attach(newConnection, attached, false, shownRun, runCount);
    }

    private void attach(ClientConnection newConnection, ServerMessage.SessionAttached attached,
                                    boolean fresh, int shownRun, IntSupplier runCount) {
        ClientConnection previous;
        sendLock.lock();
        try {
            synchronized (lock) {
                previous = connection;
                connection = newConnection;
            }
            int runs = runCount.getAsInt(); // read with the send lock held, as the ends it is compared with are posted
            boolean running = lastEndedRun < runs;
            boolean shown = shownRun > 0 && shownRun == runs && !running;
            output.drain(true);
            outbox.post(newConnection, shown ? new ServerMessage.SessionAttached(attached.id(), attached.page(),
                    attached.title(), false, attached.seq(), attached.received()) : attached);
            if (!fresh && !shown) {
                List<ServerMessage.Op> tree = output.snapshot();
                outbox.post(newConnection, new ServerMessage.Delta(runs, tree, running ? null : RunStatus.OK));
            }
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
        if (previous != null && previous != newConnection) {
            previous.close("This session was taken over by a newer connection of the same tab.");
        }
    }

    /**
     * Makes {@code newConnection} the tab without sending it a tree: it keeps what it shows (a tab that moved from
     * another node, S9.2), and the next run to end replaces that. A connection it replaces is closed.
     */
    void attachShown(ClientConnection newConnection, ServerMessage.SessionAttached attached) {
        replaceOnNextRun(); // before the tab is attached, so nothing runs yet
        attach(newConnection, attached, true, () -> 0);
    }

    /** Whether this copy does not hold what the tab shows (see {@link #replaceOnNextRun}). */
    boolean isReplacing() {
        return replacing;
    }

    /** What this copy holds is not what the tab shows: forgotten, and the next run to end is sent whole. */
    @Override
    public void replaceOnNextRun() {
        output.forget();
        replacing = true;
    }

    /** Completes with the number of the first run whose end was posted (a pending session's GET waits for it). */
    CompletableFuture<Integer> firstRunEnded() {
        return firstRunEnded;
    }

    /** The tab went away; the session is parked until it comes back or the TTL ends it. */
    void detach(ClientConnection gone) {
        synchronized (lock) {
            if (connection == gone) {
                connection = null;
                parkedSinceNanos = System.nanoTime();
            }
        }
    }

    /** Nanoseconds (System.nanoTime) since when no tab is attached, or -1 while one is. */
    long parkedSince() {
        synchronized (lock) {
            return connection == null ? parkedSinceNanos : -1;
        }
    }

    /** Forgets the tab for good (the session ended) and returns it, or null. */
    ClientConnection release() {
        synchronized (lock) {
            ClientConnection attached = connection;
            connection = null;
            return attached;
        }
    }

    private ClientConnection connection() {
        synchronized (lock) {
            return connection;
        }
    }

    /** Sends a message to the attached tab, if any. */
    void send(ServerMessage message) {
        sendLock.lock();
        try {
            outbox.post(connection(), message);
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
    }

    /**
     * The flush thread's call: sends what a running run drew, unless the run is posting right now (what it drew
     * goes with that) or another thread is delivering (it takes this too).
     */
    @Override
    public void flushIfFree(int run) {
        if (replacing) {
            return; // sent whole when the run ends
        }
        if (sendLock.tryLock()) {
            try {
                postDrawn(run, null);
            } finally {
                sendLock.unlock();
            }
            outbox.deliverIfFree();
        }
    }

    /**
     * Shows what a committed run left: what its containers showed past what it drew goes, and what it drew is sent,
     * with its end unless it waits to be replayed. Returns once sent.
     */
    @Override
    public void show(int run, RunResult result) {
        for (RunResult.Trim trim : result.trims()) {
            output.trim(trim.container(), trim.count());
        }
        sendLock.lock();
        try {
            if (!replacing) {
                postDrawn(run, result.endsRun() ? result.status() : null);
            } else if (result.endsRun()) {
                replacing = false;
                postReplacing(run, result);
            }
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
    }

    /**
     * Posts the run that replaces what the tab shows: everything it drew (this copy held nothing the tab shows), and
     * each root trimmed to what the run drew there, which this copy cannot know to trim. Called with the send lock.
     */
    private void postReplacing(int run, RunResult result) {
        List<ServerMessage.Op> ops = new ArrayList<>(output.drain(true));
        for (RunResult.Trim trim : result.trims()) {
            if (trim.container().depth() == 1) {
                ops.add(new ServerMessage.TrimOp(trim.container(), trim.count()));
            }
        }
        lastEndedRun = Math.max(lastEndedRun, run);
        outbox.post(connection(), new ServerMessage.Delta(run, ops, result.status(), acknowledged.getAsLong(),
                fragment));
    }

    /**
     * Ends the run numbered {@code run}, which was given up on, with {@code notice}; delivered on {@code executor}
     * because the caller (the housekeeping thread) never renders.
     */
    @Override
    public void showAbandoned(int run, Alert notice, Executor executor) {
        sendLock.lock();
        try {
            output.append(0, notice);
            postDrawn(run, RunStatus.ERROR);
        } finally {
            sendLock.unlock();
        }
        outbox.deliverOn(executor);
    }

    @Override
    public void runScope(ElementPath path) {
        fragment = path;
    }

    /** Posts the ops drawn since the last post; called with the send lock held. */
    private void postDrawn(int run, RunStatus status) {
        List<ServerMessage.Op> ops = output.drain(status != null);
        if (ops.isEmpty() && status == null) {
            return;
        }
        if (status != null) {
            lastEndedRun = Math.max(lastEndedRun, run);
            firstRunEnded.complete(run);
        }
        outbox.post(connection(), new ServerMessage.Delta(run, ops, status,
                status == null ? 0 : acknowledged.getAsLong(), fragment));
    }
}
