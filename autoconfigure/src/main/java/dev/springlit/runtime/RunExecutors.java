package dev.springlit.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where runs execute. Never a thread per session: an idle session holds no thread at all. By default a pool of
 * platform threads, so that even a page stuck in a busy loop only costs its own thread; with
 * {@code spring.threads.virtual.enabled} on JDK 21+, virtual threads (a page blocked on I/O costs no platform
 * thread, but as many pages spinning without end as there are cores would starve every other run).
 */
final class RunExecutors {

    /**
     * Platform threads for runs. A thread exists only while a run executes (idle sessions hold none), so the
     * bound is about pages that hang: this many must hang at once before other sessions wait.
     */
    static final int POOL_SIZE = 256;

    private RunExecutors() {
    }

    static ExecutorService create(int poolSize, boolean preferVirtual) {
        ExecutorService virtual = preferVirtual ? virtualThreads() : null;
        return virtual != null ? virtual : boundedPool(poolSize);
    }

    /** Looked up by reflection so the framework compiles for Java 17 and still uses Loom when it is there. */
    private static ExecutorService virtualThreads() {
        try {
            // the builder's class is internal to java.base: call it through its public interface
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            Object named = builderType.getMethod("name", String.class, long.class).invoke(builder, "springlit-run-", 0L);
            ThreadFactory threads = (ThreadFactory) builderType.getMethod("factory").invoke(named);
            Method perTask = java.util.concurrent.Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class);
            return (ExecutorService) perTask.invoke(null, threads);
        } catch (ReflectiveOperationException | RuntimeException notAvailable) {
            return null;
        }
    }

    private static ExecutorService boundedPool(int poolSize) {
        AtomicInteger count = new AtomicInteger();
        ThreadFactory threads = runnable -> {
            Thread thread = new Thread(runnable, "springlit-run-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
        ThreadPoolExecutor pool = new ThreadPoolExecutor(poolSize, poolSize, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads);
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }
}
