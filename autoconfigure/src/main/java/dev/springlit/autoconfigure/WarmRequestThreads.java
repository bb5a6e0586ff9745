package dev.springlit.autoconfigure;

import java.util.concurrent.TimeUnit;

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
 * application set). Tomcat does not stop an executor it did not create: this one is shut down when its connector
 * stops.
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
        String name = protocol.getName(); // quoted for JMX, as Tomcat's endpoint unquotes it for its threads' names
        name = name.length() > 1 && name.startsWith("\"") ? name.substring(1, name.length() - 1) : name;
        RecentThreadsFirstQueue queue = new RecentThreadsFirstQueue(protocol.getMaxQueueSize());
        ThreadPoolExecutor executor = new ThreadPoolExecutor(protocol.getMinSpareThreads(), protocol.getMaxThreads(),
                IDLE_SECONDS, TimeUnit.SECONDS, queue,
                new TaskThreadFactory(name + "-exec-", true, protocol.getThreadPriority()));
        queue.setParent(executor);
        protocol.setExecutor(executor);
        connector.addLifecycleListener(event -> {
            if (Lifecycle.AFTER_STOP_EVENT.equals(event.getType())) {
                executor.shutdownNow();
            }
        });
    }
}
