package dev.springlit.web.stream;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The threads that close (and ping) the connections the {@link ConnectionWatchdog} picked, a few at a time, so that
 * hundreds reaching a timeout together are closed together: one after another on the watchdog's thread, each close
 * costs its CPU time (the close frame, the container's close callback, the session parked) and may wait for room in
 * the socket, and on a loaded machine ~340 of them were closed up to 9 s late. Up to a few threads per core, started
 * when there is work and ending after {@link #IDLE_SECONDS} without any, so an idle server keeps none.
 * <p>
 * Threading: {@link #run} is called from the watchdog's thread; each task runs on one of these threads.
 */
final class ConnectionClosers implements AutoCloseable {

    private static final Log log = LogFactory.getLog(ConnectionClosers.class);
    static final int IDLE_SECONDS = 5;

    private final ThreadPoolExecutor executor;

    /** As many threads as a few per core, at least 4: a close mostly works, and waits only briefly. */
    static ConnectionClosers forThisMachine() {
        return new ConnectionClosers(Math.max(4, 4 * Runtime.getRuntime().availableProcessors()));
    }

    private ConnectionClosers(int threads) {
        AtomicInteger count = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(threads, threads, IDLE_SECONDS, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), runnable -> {
                    Thread thread = new Thread(runnable, "springlit-connections-close-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
    }

    /** Runs {@code task} on one of the threads; on the calling thread once they are shut down. */
    void run(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    log.debug("Closing or pinging a WebSocket connection failed", e);
                }
            });
        } catch (RejectedExecutionException shutDown) {
            task.run();
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
