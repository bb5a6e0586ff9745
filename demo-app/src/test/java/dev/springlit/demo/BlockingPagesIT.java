package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

import dev.springlit.runtime.SpringlitEngine;

/**
 * Issue 12, item 2: pages that block (a slow query, an HTTP or LLM call) or spin on the CPU must not starve other
 * tabs. 2,000 tabs blocked in a sleeping page (the old fixed pool of 256 threads left a probe tab with no answered
 * click), then a well-behaved tab on /counter: its first run comes at once and every click counts; and as many
 * pages spinning on the CPU as there are cores: other tabs are slower but still get every click answered.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "springlit-test.sleep-page=true",
        "springlit-test.spin-page=true",
        // 2,000 tabs come from 127.0.0.1: per-client-address connection and session limits must allow them here
        "streamlit.server.max-sessions-per-address=0",
        "streamlit.server.max-connections-per-address=0"
})
@DirtiesContext // thousands of parked sessions: later tests get a fresh server
class BlockingPagesIT {

    private static final int BLOCKED_TABS = 2_000;
    private static final int CLICKS = 100;

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    private final List<WebSocket> attackers = new ArrayList<>();

    @AfterEach
    void leave() {
        SleepTestPage.release();
        SpinTestPage.release();
        for (WebSocket socket : attackers) {
            socket.abort();
        }
        attackers.clear();
    }

    @Test
    void twoThousandTabsBlockedInASleepingPageLeaveOtherTabsFast() throws Exception {
        SleepTestPage.reset();
        HttpClient http = HttpClient.newHttpClient();
        long start = System.nanoTime();
        openTabs(http, "/test-sleep", BLOCKED_TABS);
        long openedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // Not a hard wait: with a pool too small for them the probe below shows what a visitor sees (no answer). The
        // wait ends as soon as every run is in the page; its bound only keeps a broken pool from holding the build.
        waitUntil(() -> SleepTestPage.sleeping() >= BLOCKED_TABS, Duration.ofSeconds(120));
        long blockedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int blocked = SleepTestPage.sleeping();
        System.out.printf("BlockingPagesIT: %d tabs opened in %d ms; after %d ms %d runs sleep, %d entered the page, %d "
                + "gave up waiting; %d run threads%n", BLOCKED_TABS, openedMs, blockedMs, blocked,
                SleepTestPage.entered(), SleepTestPage.gaveUp(), engine.runThreads());
        long firstRunMs = firstRunMs();
        long[] latencies = probe(CLICKS);
        assertThat(SleepTestPage.gaveUp()).as("runs that stopped sleeping by themselves").isZero();
        assertThat(blocked).as("runs blocked in the sleeping page while the probe ran").isEqualTo(BLOCKED_TABS);
        System.out.printf("BlockingPagesIT: %d tabs opened in %d ms, blocked in a sleeping page after %d ms (%d run "
                        + "threads); a new tab's first run in %d ms; %d clicks on /counter beside them: p50 %.1f ms, "
                        + "p99 %.1f ms, max %.1f ms%n",
                BLOCKED_TABS, openedMs, blockedMs, engine.runThreads(), firstRunMs, CLICKS, percentile(latencies, 50),
                percentile(latencies, 99), percentile(latencies, 100));
        // targets 1 s and 50 ms; generous bounds here because the build machine is shared and loaded
        assertThat(firstRunMs).as("a new tab's first run beside %d blocked ones", BLOCKED_TABS).isLessThan(5_000);
        assertThat(percentile(latencies, 99)).as("click p99 in ms").isLessThan(1_000);

        // the attacker leaves and the slow service answers: every blocked run ends and the server serves as before
        leave();
        await("the blocked runs end", () -> engine.runsInProgress() == 0, Duration.ofSeconds(30));
        probe(10);
    }

    @Test
    void asManySpinningPagesAsCoresSlowOtherTabsDownButNeverStopThem() throws Exception {
        SpinTestPage.reset();
        int cores = Runtime.getRuntime().availableProcessors();
        HttpClient http = HttpClient.newHttpClient();
        openTabs(http, "/test-spin", cores);
        await(cores + " runs spin", () -> SpinTestPage.spinning() == cores, Duration.ofSeconds(30));

        long[] latencies = probe(30);
        long firstRunMs = firstRunMs();
        System.out.printf("BlockingPagesIT: %d pages spinning on %d cores; a new tab's first run in %d ms; 30 clicks "
                        + "beside them: p50 %.1f ms, p99 %.1f ms%n", cores, cores, firstRunMs,
                percentile(latencies, 50), percentile(latencies, 99));
        assertThat(SpinTestPage.spinning()).as("the spinning pages still spin").isEqualTo(cores);

        leave();
        await("the spinning runs end", () -> engine.runsInProgress() == 0, Duration.ofSeconds(30));
        probe(10);
    }

    /**
     * A well-behaved tab on /counter clicks Increment {@code clicks} times, at most 100 a second (under
     * streamlit.server.max-messages-per-second); every click must count.
     */
    private long[] probe(int clicks) throws InterruptedException {
        long[] latencies = new long[clicks];
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/counter", false);
            tab.awaitRunEnd();
            String increment = tab.buttonId("Increment");
            for (int i = 1; i <= clicks; i++) {
                int count = i;
                long sent = System.nanoTime();
                tab.click(increment);
                tab.await("Count = " + count, m -> "delta".equals(m.path("type").asString())
                        && !m.path("status").isNull() && tab.screen().contains("Count = " + count));
                latencies[i - 1] = System.nanoTime() - sent;
                Thread.sleep(Math.max(0, 10 - TimeUnit.NANOSECONDS.toMillis(latencies[i - 1])));
            }
            assertThat(tab.screen()).contains("Count = " + clicks);
        }
        return latencies;
    }

    /** How long a new tab waits from its hello to the end of its first run. */
    private long firstRunMs() {
        try (StreamClient tab = StreamClient.connect(port)) {
            long start = System.nanoTime();
            tab.hello(null, "/counter", false);
            tab.awaitRunEnd();
            assertThat(tab.screen()).contains("Count = 0");
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        }
    }

    /** Opens {@code count} tabs on {@code page} that say hello and then read whatever comes, 200 at a time. */
    private void openTabs(HttpClient http, String page, int count) {
        String hello = "{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"" + page
                + "\",\"query\":\"\",\"reclaim\":false}";
        for (int done = 0; done < count; done += 200) {
            List<CompletableFuture<WebSocket>> batch = new ArrayList<>();
            for (int i = done; i < Math.min(count, done + 200); i++) {
                batch.add(http.newWebSocketBuilder()
                        .header("Origin", StreamClient.sameOrigin(port))
                        .buildAsync(URI.create(StreamClient.streamUri(port)), new Reader())
                        .thenCompose(ws -> ws.sendText(hello, true)));
            }
            for (CompletableFuture<WebSocket> tab : batch) {
                attackers.add(tab.orTimeout(StreamClient.TIMEOUT.toSeconds(), TimeUnit.SECONDS).join());
            }
        }
    }

    /** Reads and drops every message. */
    private static final class Reader implements WebSocket.Listener {
        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            ws.request(1);
            return null;
        }
    }

    /** Polls {@code condition} until it holds or {@code limit} has passed; returns whether it holds. */
    private static boolean waitUntil(BooleanSupplier condition, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    private static void await(String what, BooleanSupplier condition, Duration limit) throws InterruptedException {
        if (!waitUntil(condition, limit)) {
            throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting until " + what);
        }
    }

    /** The {@code p}th percentile of {@code nanos}, in milliseconds. */
    private static double percentile(long[] nanos, int p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * sorted.length) - 1);
        return sorted[index] / 1e6;
    }
}
