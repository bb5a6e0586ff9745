package dev.springlit.autoconfigure;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.catalina.Lifecycle;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.AbstractProtocol;
import org.apache.tomcat.util.threads.TaskThreadFactory;
import org.apache.tomcat.util.threads.ThreadPoolExecutor;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Gives Tomcat's connectors the executor Tomcat would create for itself, with the same sizes
 * ({@code server.tomcat.threads.max}, {@code min-spare}, {@code max-queue-capacity}), thread names and idle time,
 * but whose idle threads take work most recently idle first ({@link RecentThreadsFirstQueue}): a tab's next message
 * is read by the warm thread that read its last one instead of a thread that slept meanwhile.
 *
 * <p>It runs after Spring Boot's own customizer, so the sizes are the configured ones, and it leaves alone a
 * connector that already has an executor (virtual threads with {@code spring.threads.virtual.enabled}, or one the
 * application set). Like Tomcat's own, the executor is made when its connector starts; Tomcat does not stop an
 * executor it did not create, so this one is shut down when its connector stops.
 */
final class WarmRequestThreads implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory>, Ordered {

    /** Tomcat's idle time for request threads above {@code min-spare} (AbstractEndpoint#createExecutor). */
    private static final long IDLE_SECONDS = 60;

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        factory.addConnectorCustomizers(WarmRequestThreads::install);
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static void install(Connector connector) {
        if (!(connector.getProtocolHandler() instanceof AbstractProtocol<?> protocol) || protocol.getExecutor() != null) {
            return;
        }
        // made when the connector starts, as Tomcat makes its own: its core threads start with it
        AtomicReference<ThreadPoolExecutor> ours = new AtomicReference<>();
        connector.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && protocol.getExecutor() == null) {
                ours.set(executorFor(protocol));
                protocol.setExecutor(ours.get());
            } else if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType()) && ours.get() != null) {
                protocol.setExecutor(null); // a restart makes a new one
                ours.getAndSet(null).shutdownNow();
            }
        });
    }

    private static ThreadPoolExecutor executorFor(AbstractProtocol<?> protocol) {
        RecentThreadsFirstQueue queue = new RecentThreadsFirstQueue(protocol.getMaxQueueSize());
        TaskThreadFactory tomcats = new TaskThreadFactory("exec-", true, protocol.getThreadPriority());
        AtomicInteger started = new AtomicInteger();
        ThreadFactory named = task -> {
            Thread thread = tomcats.newThread(task);
            thread.setName(unquoted(protocol.getName()) + "-exec-" + started.incrementAndGet());
            return thread;
        };
        ThreadPoolExecutor executor = new ThreadPoolExecutor(protocol.getMinSpareThreads(), protocol.getMaxThreads(),
                IDLE_SECONDS, TimeUnit.SECONDS, queue, named);
        queue.setParent(executor);
        return executor;
    }

    /** Tomcat quotes the protocol's name for JMX and unquotes it for its threads' names. */
    private static String unquoted(String name) {
        return name.length() > 1 && name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }
}
