package dev.springlit.runtime.output;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The one place a session's messages leave for its tab, in the order they were posted. Posting is cheap and
 * happens under the session's locks; delivering (where the web layer renders HTML and encodes JSON) happens
 * after those locks are released, by one thread at a time, so rendering never holds up a run's state or another
 * thread that only wants to post.
 *
 * <p>Threading: {@link #post} from any thread. {@link #deliver()} from the thread that must know its messages
 * went out before it goes on (a run's end, a web thread's answer): it waits for a delivery in progress and then
 * delivers the rest itself, and its connection may write on it ({@link ClientConnection#sendWaiting}).
 * {@link #deliverIfFree()} never waits: if another thread is delivering, that thread takes what was posted, so
 * nothing posted is ever left behind.
 */
public final class Outbox {

    /** One message for one connection (a tab that reconnected keeps receiving in order on its new one). */
    private record Outgoing(ClientConnection to, ServerMessage message) {
    }

    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    /** Held while messages are handed to connections: one deliverer at a time keeps them in order. */
    private final ReentrantLock delivering = new ReentrantLock();

    /** Queues {@code message} for {@code to}; nothing is sent until a deliver call. */
    public void post(ClientConnection to, ServerMessage message) {
        if (to == null) {
            return;
        }
        synchronized (queue) {
            queue.addLast(new Outgoing(to, message));
        }
    }

    /** Delivers everything posted so far before returning (waiting for another thread's delivery if need be). */
    public void deliver() {
        do {
            delivering.lock();
            try {
                drain(true);
            } finally {
                delivering.unlock();
            }
        } while (!isEmpty());
    }

    /**
     * Delivers what was posted unless another thread is delivering, in which case that thread will: it looks
     * at the queue again after it lets go.
     */
    public void deliverIfFree() {
        do {
            if (!delivering.tryLock()) {
                return;
            }
            try {
                drain(false);
            } finally {
                delivering.unlock();
            }
        } while (!isEmpty());
    }

    /** Delivers on {@code executor}: for threads that must never render (the housekeeping thread). */
    public void deliverOn(Executor executor) {
        if (!isEmpty()) {
            executor.execute(this::deliverIfFree);
        }
    }

    private void drain(boolean mayWait) {
        while (true) {
            Outgoing next;
            synchronized (queue) {
                next = queue.pollFirst();
            }
            if (next == null) {
                return;
            }
            if (mayWait) {
                next.to().sendWaiting(next.message());
            } else {
                next.to().send(next.message());
            }
        }
    }

    private boolean isEmpty() {
        synchronized (queue) {
            return queue.isEmpty();
        }
    }
}
