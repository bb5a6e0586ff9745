package dev.springlit.store;

import java.time.Duration;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * One real {@code redis-server} for a test class ({@link RedisServerProcess}: a free loopback port, no persistence),
 * started and answering PING before the class's {@code @BeforeAll} methods run, and stopped after its
 * {@code @AfterAll} methods however the tests ended: a server a failed test left frozen is let go on first, so
 * neither the next test nor the stop waits on it. {@link #connections()} is Lettuce as Spring Boot configures it,
 * shared by the class and closed before the server stops.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisServerExtension redis = new RedisServerExtension().emptiedBeforeEachTest();
 *
 * @Test
 * void commitsWaitForAFrozenStore() throws Exception {
 *     RedisSessionStore store = new RedisSessionStore(redis.connections());
 *     redis.freeze(); // SIGSTOP: keeps its data, answers nothing
 *     ...
 *     redis.thaw();
 * }
 * }</pre>
 */
final class RedisServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {

    /** Short, so an outage shows within a second. */
    static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(1);

    private RedisServerProcess server;
    private LettuceConnectionFactory connections;
    private boolean emptiedBeforeEachTest;

    /** Flushes every key before each test (the tests of the class do not see each other's sessions). */
    RedisServerExtension emptiedBeforeEachTest() {
        emptiedBeforeEachTest = true;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        server = RedisServerProcess.start();
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (emptiedBeforeEachTest) {
            flushAll();
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        server.thaw(); // a test that failed while the server was frozen must not leave it so for the next
    }

    @Override
    public void afterAll(ExtensionContext context) {
        try {
            if (connections != null) {
                connections.destroy();
            }
        } finally {
            connections = null;
            if (server != null) {
                server.close();
            }
        }
    }

    int port() {
        return server.port();
    }

    /** The class's shared connection (1 s command timeout), connected on first use. */
    synchronized LettuceConnectionFactory connections() {
        if (connections == null) {
            connections = connect(port());
            awaitConnected(connections);
        }
        return connections;
    }

    /** Deletes every key (as a restart of Redis without persistence does). */
    void flushAll() {
        try (RedisConnection connection = connections().getConnection()) {
            connection.serverCommands().flushAll();
        }
    }

    /** Freezes the server (SIGSTOP): it keeps its data and answers nothing until {@link #thaw()}. */
    void freeze() throws Exception {
        server.freeze();
    }

    /** Lets a frozen server go on (SIGCONT); does nothing when it is not frozen. */
    void thaw() throws Exception {
        server.thaw();
    }

    /** Stops the server (SIGTERM); {@link #startAgain()} brings it back empty on the same port. */
    void stop() {
        server.stop();
    }

    void startAgain() throws Exception {
        server.startAgain();
    }

    /** A new connection to {@code port} as Spring Boot configures Lettuce, with {@link #COMMAND_TIMEOUT}. */
    static LettuceConnectionFactory connect(int port) {
        LettuceConnectionFactory connections = new LettuceConnectionFactory(
                new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(COMMAND_TIMEOUT).build());
        connections.afterPropertiesSet();
        connections.start();
        return connections;
    }

    /**
     * Waits until the first connection is up: on a machine loaded by parallel builds, Lettuce's first connect (its
     * event loops and classes) was seen to fail in the first test's set-up while redis-server was already listening.
     */
    static void awaitConnected(LettuceConnectionFactory connections) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try (RedisConnection connection = connections.getConnection()) {
                connection.ping();
                return;
            } catch (RuntimeException notYet) {
                if (System.nanoTime() > deadline) {
                    throw notYet;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for Redis", e);
                }
            }
        }
    }
}
