package dev.springlit.runtime;

import java.lang.reflect.Method;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where runs execute: virtual threads on JDK 21+ (a blocked page costs no platform thread), a bounded pool
 * on JDK 17. Never a thread per session: an idle session holds no thread at all.
 */
final class RunExecutors {

    /**
     * Threads for runs on JDK 17. A thread exists only while a run executes (idle sessions hold none), so the
     * bound is about pages that hang: this many must hang at once before other sessions wait.
     */
    static final int JDK17_POOL_SIZE = 256;

    private RunExecutors() {
    }

    static ExecutorService create(int poolSize) {
        ExecutorService virtual = virtualThreads();
        return virtual != null ? virtual : boundedPool(poolSize);
    }

    /** Looked up by reflection so the framework compiles for Java 17 and still uses Loom when it is there. */
    private static ExecutorService virtualThreads() {
        try {
            Method builder = Thread.class.getMethod("ofVirtual");
            Object virtualBuilder = builder.invoke(null);
            Method name = virtualBuilder.getClass().getMethod("name", String.class, long.class);
            name.setAccessible(true);
            Object named = name.invoke(virtualBuilder, "springlit-run-", 0L);
            Method factory = named.getClass().getMethod("factory");
            factory.setAccessible(true);
            ThreadFactory threads = (ThreadFactory) factory.invoke(named);
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
