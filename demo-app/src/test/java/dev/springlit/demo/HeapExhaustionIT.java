package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import dev.springlit.demo.bench.ServerProcess;

/**
 * Issue 12's heap attack against the packaged demo app in a JVM of its own with a small heap (192 MB) and default
 * limits (but a 5 s message-completion-timeout, to keep the test short): 800 tabs from 127.0.0.2 each say hello and
 * start a 250 KB message they never finish, 200 MB in all, more than the heap. Without a bound on unfinished
 * messages this ends in OutOfMemoryError; here the server holds at most {@code max-unfinished-messages-size} (32 MB),
 * closes the connections that do not fit at once and the others after the completion timeout, a tab on 127.0.0.1
 * counts every click meanwhile, and afterwards the heap is back down and a new visitor gets its first run.
 */
class HeapExhaustionIT {

    static final int TABS = 800;
    static final int MESSAGE_BYTES = 250_000;
    static final long COMPLETION_TIMEOUT_MS = 5_000;
    /** Generous: the server reads 200 MB in 512-byte pieces meanwhile, so it may start a timer seconds late. */
    static final long SLACK_MS = 15_000;

    @Test
    void unfinishedMessagesOfHundredsOfTabsCannotExhaustASmallHeap() throws Exception {
        Path jar = Path.of("target", "springlit-demo-app-0.1.0.jar");
        assertThat(jar).as("the demo app jar (built in the package phase)").isRegularFile();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path logDir = Path.of("target", "heap-exhaustion-it");
        ExecutorService pool = Executors.newCachedThreadPool();
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger clicks = new AtomicInteger();
        try (ServerProcess server = ServerProcess.start(java, jar, List.of("-Xmx192m"),
                List.of("--streamlit.server.message-completion-timeout=" + COMPLETION_TIMEOUT_MS + "ms"), logDir)) {
            server.awaitReady(HttpClient.newHttpClient(), Duration.ofSeconds(90));
            int port = server.port();
            long heapBefore = server.heapUsedAfterFullGc();
            try (StreamClient probe = StreamClient.connect(port)) {
                probe.hello(null, "/counter", false);
                probe.awaitRunEnd();
                String increment = probe.buttonId("Increment");
                Future<?> clicker = pool.submit(() -> {
                    while (attacking.get()) {
                        int count = clicks.incrementAndGet();
                        probe.click(increment);
                        probe.await("Count = " + count, m -> "delta".equals(m.path("type").asString())
                                && !m.path("status").isNull() && probe.screen().contains("Count = " + count));
                        Thread.sleep(50);
                    }
                    return null;
                });

                InetAddress attacker = InetAddress.getByName("127.0.0.2");
                long start = System.nanoTime();
                List<Future<String>> tabs = new ArrayList<>();
                for (int i = 0; i < TABS; i++) {
                    tabs.add(pool.submit(() -> attack(port, attacker)));
                }
                Map<String, Integer> outcomes = new TreeMap<>();
                for (Future<String> tab : tabs) {
                    outcomes.merge(tab.get(90, TimeUnit.SECONDS), 1, Integer::sum);
                }
                long attackMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                attacking.set(false);
                clicker.get(30, TimeUnit.SECONDS);

                assertThat(server.isAlive()).as("the server process").isTrue();
                long heapAfter = server.heapUsedAfterFullGc();
                String log = Files.readString(server.log());
                System.out.printf("HeapExhaustionIT: %d tabs from 127.0.0.2 each started a %d KB message (%d MB in all, "
                                + "heap -Xmx192m): %s, all within %d ms; the probe tab counted %d clicks; heap after GC "
                                + "%d MB -> %d MB%n", TABS, MESSAGE_BYTES / 1000, (long) TABS * MESSAGE_BYTES >> 20,
                        outcomes, attackMs, clicks.get(), heapBefore >> 20, heapAfter >> 20);
                assertThat(log).as("the server's log").doesNotContain("OutOfMemoryError");
                assertThat(outcomes.keySet()).as("how the attacker's connections ended")
                        .allMatch(o -> o.startsWith("closed "))
                        .anyMatch(o -> o.equals("closed 1013"));
                assertThat(clicks.get()).as("clicks the probe made during the attack").isGreaterThan(10);
                assertThat(heapAfter - heapBefore).as("heap growth after the attack (bytes)").isLessThan(64L << 20);
                try (StreamClient visitor = StreamClient.connect(port)) {
                    visitor.hello(null, "/counter", false);
                    visitor.awaitRunEnd();
                    assertThat(visitor.screen()).contains("Count = 0");
                }
            } catch (AssertionError | RuntimeException e) {
                System.err.println("HeapExhaustionIT: the server's log ends with:\n" + server.tail(60));
                throw e;
            }
        } finally {
            attacking.set(false);
            pool.shutdownNow();
        }
    }

    /** One attacking tab: hello, then 250 KB of a message never finished; returns how and when it was closed. */
    private static String attack(int port, InetAddress from) throws IOException {
        try (RawWebSocket tab = new RawWebSocket(port, from)) {
            tab.frame(0x81, "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\",\"query\":\"\"}"
                    .getBytes(StandardCharsets.UTF_8), true);
            tab.readTimeout(30_000); // 800 hellos at once on a cold server take a while to answer
            try {
                tab.awaitText("\"type\":\"session\"");
            } catch (RawWebSocket.ClosedByServer closed) {
                // its hello was not read within the hello timeout, the server being busy with the others' 200 MB
                return "closed " + closed.code + " before its hello was answered";
            }
            try {
                tab.frame(0x01, ("{\"type\":\"rerun\",\"trigger\":\"" + "x".repeat(MESSAGE_BYTES))
                        .getBytes(StandardCharsets.UTF_8), true);
            } catch (IOException closedWhileWriting) {
                // closed while the frame was written (no room for it): its close frame may be there to read
            }
            long sent = System.nanoTime();
            tab.readTimeout((int) (COMPLETION_TIMEOUT_MS + SLACK_MS + 5_000));
            String how;
            try {
                how = "closed " + tab.awaitCloseFrame();
            } catch (SocketTimeoutException stillOpen) {
                return "still open";
            } catch (IOException reset) {
                how = "closed (reset)";
            }
            long afterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent);
            return afterMs <= COMPLETION_TIMEOUT_MS + SLACK_MS ? how : "late: " + how + " after " + afterMs + " ms";
        }
    }
}
