package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.data.redis.connection.RedisConnection;

/**
 * The Redis tests' own set-up, driven through its JUnit callbacks as the engine calls them: a server a failing test
 * left frozen (SIGSTOP) answers again for the next test, and is gone after the class, without waiting out the
 * 10 s a frozen process would ignore SIGTERM for.
 */
@Timeout(120)
class RedisServerExtensionTest {

    @Test
    void aServerAFailedTestLeftFrozenAnswersTheNextTestAndIsGoneAfterTheClass() throws Exception {
        RedisServerExtension redis = new RedisServerExtension();
        redis.beforeAll(null);
        int port = redis.port();
        Duration closing;
        try {
            assertThat(ping(port)).isEqualTo("+PONG");
            redis.freeze();
            assertThatThrownBy(() -> ping(port)).as("a frozen server answers nothing")
                    .isInstanceOf(SocketTimeoutException.class);

            redis.afterEach(null); // the test failed before it thawed the server
            assertThat(ping(port)).isEqualTo("+PONG");

            redis.freeze(); // and the last test of the class failed the same way
        } finally {
            long started = System.nanoTime();
            redis.afterAll(null);
            closing = Duration.ofNanos(System.nanoTime() - started);
        }
        assertThatThrownBy(() -> ping(port)).as("nothing listens on the port any more")
                .isInstanceOf(ConnectException.class);
        assertThat(closing).as("stopped without waiting out the grace a frozen process takes")
                .isLessThan(Duration.ofSeconds(9));
    }

    @Test
    void theSharedConnectionSeesWhatTheServerHoldsAndFlushAllEmptiesIt() throws Exception {
        RedisServerExtension redis = new RedisServerExtension();
        redis.beforeAll(null);
        try (RedisConnection connection = redis.connections().getConnection()) {
            connection.stringCommands().set("k".getBytes(StandardCharsets.UTF_8), "v".getBytes(StandardCharsets.UTF_8));
            assertThat(connection.serverCommands().dbSize()).isEqualTo(1);
            redis.flushAll();
            assertThat(connection.serverCommands().dbSize()).isZero();
        } finally {
            redis.afterAll(null);
        }
    }

    /** The server's answer to PING, read within a second. */
    private static String ping(int port) throws IOException {
        return RedisServerProcess.ping(port, 1000);
    }
}
