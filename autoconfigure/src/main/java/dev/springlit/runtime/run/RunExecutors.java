package dev.springlit.runtime.run;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where runs execute. Never a thread per session: an idle session holds no thread at all. By default a
 * {@link RunThreadPool} of platform threads that grows with the runs blocked in a page (so pages blocked on I/O
 * never make other tabs wait for long), not with the runs that merely wait for a core, and shrinks when idle; a page stuck in a busy loop only costs its own thread, because
 * Linux preempts platform threads. With {@code spring.threads.virtual.enabled} on JDK 21+, virtual threads (a
 * page blocked on I/O costs no platform thread, but as many pages spinning without end as there are cores would
 * starve every other run).
 */
public final class RunExecutors {

    /** How long an idle run thread waits for more work before it ends. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(30);
    /**
     * Run threads started without checking whether the busy ones are blocked: two per core keep the cores busy
     * while a run waits for its socket write or a lock; more would only queue for a core and stay behind.
     */
    private static final int FREE_THREADS_PER_CORE = 2;
    private static final int MIN_FREE_THREADS = 4;

    private RunExecutors() {
    }

    public static ExecutorService create(int maxThreads, boolean preferVirtual) {
        ExecutorService virtual = preferVirtual ? virtualThreads() : null;
        return virtual != null ? virtual : elasticPool(maxThreads);
    }

    /** Looked up by reflection so the framework compiles for Java 17 and still uses Loom when it is there. */
    private static ExecutorService virtualThreads() {
        try {
            // the builder's class is internal to java.base: call it through its public interface
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Object named = builderType.getMethod("name", String.class, long.class).invoke(builder, "springlit-run-", 0L);
            ThreadFactory threads = (ThreadFactory) builderType.getMethod("factory").invoke(named);
            Method perTask = Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, threads);
        } catch (ReflectiveOperationException | RuntimeException notAvailable) {
            return null;
        }
    }

    private static ExecutorService elasticPool(int maxThreads) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "springlit-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        if (!StalledRunsWatch.canMeasure()) {
            return new RunThreadPool(maxThreads, KEEP_ALIVE, threads);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new RunThreadPool(maxThreads, Math.max(MIN_FREE_THREADS, FREE_THREADS_PER_CORE * cores), cores,
                KEEP_ALIVE, threads);
    }
}
