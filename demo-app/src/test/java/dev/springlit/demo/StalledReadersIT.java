package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.springlit.runtime.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * The attack on the direct write: a run's small messages are written by the run's own thread when the tab's socket
 * is idle, and a tab that stopped reading with a full socket makes such a write wait up to
 * {@code streamlit.server.send-time-limit}. Tabs from one address that click and never read must not take the
 * run threads away from a well-behaved tab beside them: the pool here has only a few threads more than the direct
 * writes may hold at once (it stands for {@code streamlit.runner.max-threads} reached), so if each stalled tab held
 * a run thread for the send time limit, the good tab's clicks would wait that long. The stalled tabs are
 * disconnected by the send time limit and their sessions parked.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "springlit-test.medium-output-page=true",
        "streamlit.server.send-time-limit=8s",
        // room for every rerun's output: the write that times out is what ends a stalled tab, not the backlog
        "streamlit.server.max-outbound-backlog=256MB",
        "streamlit.server.max-messages-per-second=1000"})
class StalledReadersIT {

    private static final int STALLED_TABS = 8;
    /** How long the stalled tabs click: the server's socket buffers grow to a few MB before they are full. */
    private static final long STALL_SECONDS = 20;
    private static final Pattern SESSION_ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final byte[] RERUN = "{\"type\":\"rerun\",\"widgets\":{},\"trigger\":null}"
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    /**
     * Two run threads more than direct writes may wait at once ({@code DirectWrites}: as many as the pool starts
     * freely, two per core and at least four).
     */
    @DynamicPropertySource
    static void fewRunThreads(DynamicPropertyRegistry registry) {
        int directWrites = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
        registry.add("streamlit.runner.max-threads", () -> directWrites + 2);
    }

    @Test
    void tabsThatStopReadingCannotTakeTheRunThreadsFromAWellBehavedTabBesideThem() throws Exception {
        List<RawWebSocket> stalled = new ArrayList<>();
        List<Session> stalledSessions = new ArrayList<>();
        List<Thread> clickers = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED_TABS; i++) {
                RawWebSocket tab = new RawWebSocket(port, InetAddress.getByName("127.0.0.1"), 2_048);
                tab.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":"
                        + "\"/test-medium-output\",\"query\":\"\",\"reclaim\":false}").getBytes(StandardCharsets.UTF_8),
                        true);
                Matcher id = SESSION_ID.matcher(tab.awaitTextOf("\"type\":\"session\""));
                assertThat(id.find()).isTrue();
                stalled.add(tab);
                stalledSessions.add(engine.sessions().find(id.group(1)).orElseThrow());
            }
            // from here on the stalled tabs read nothing and click 200 times a second (under the inbound limit),
            // each run writing ~3 KB more into a socket that takes 2 KB at the client
            long stallStart = System.nanoTime();
            for (RawWebSocket tab : stalled) {
                Thread clicker = new Thread(() -> clickWithoutReading(tab, stallStart), "stalled-tab-clicker");
                clicker.setDaemon(true);
                clicker.start();
                clickers.add(clicker);
            }

            // a good tab clicks 10 times a second while they fill their sockets and until they are disconnected
            List<Long> latencies = new ArrayList<>();
            long allGoneMs = -1;
            try (StreamClient good = StreamClient.connect(port)) {
                good.hello(null, "/counter", false);
                good.awaitRunEnd();
                String increment = good.buttonId("Increment");
                long until = stallStart + TimeUnit.SECONDS.toNanos(STALL_SECONDS + 2);
                while (System.nanoTime() < until) {
                    long sent = System.nanoTime();
                    good.click(increment);
                    good.awaitRunEnd();
                    latencies.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sent));
                    if (allGoneMs < 0 && stalledSessions.stream().noneMatch(Session::isConnected)) {
                        allGoneMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stallStart);
                    }
                    Thread.sleep(100);
                }
                assertThat(good.screen()).contains("Count = " + latencies.size());
            }
            long slowest = latencies.stream().mapToLong(Long::longValue).max().orElseThrow();
            System.out.printf("StalledReadersIT: %d tabs stopped reading (max-threads %d); %d clicks of a good tab "
                            + "beside them: slowest %d ms; run threads %d; all stalled tabs disconnected %s%n",
                    STALLED_TABS, Math.max(4, 2 * Runtime.getRuntime().availableProcessors()) + 2,
                    latencies.size(), slowest, engine.runThreads(),
                    allGoneMs < 0 ? "not yet" : allGoneMs + " ms after they stopped reading");
            // a click takes milliseconds; a run thread held by a stalled tab's write would hold it for 8 s
            assertThat(slowest).as("the good tab's slowest click in ms").isLessThan(3_000);

            // the send time limit (8 s) after their clicks stopped, Tomcat's once-a-second check of it, and room
            // for a loaded machine
            long deadline = stallStart + TimeUnit.SECONDS.toNanos(STALL_SECONDS + 20);
            while (stalledSessions.stream().anyMatch(Session::isConnected) && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            long attached = stalledSessions.stream().filter(Session::isConnected).count();
            assertThat(attached).as("stalled tabs still attached").isZero();
            assertThat(stalledSessions).allMatch(Session::isAlive, "parked, not destroyed");
        } finally {
            clickers.forEach(Thread::interrupt);
            for (RawWebSocket tab : stalled) {
                tab.close();
            }
        }
    }

    /** Sends a rerun every 5 ms, reading nothing, until the server has closed the connection or time is up. */
    private static void clickWithoutReading(RawWebSocket tab, long start) {
        try {
            while (System.nanoTime() - start < TimeUnit.SECONDS.toNanos(STALL_SECONDS)) {
                tab.frame(0x81, RERUN, true);
                Thread.sleep(5);
            }
        } catch (IOException | InterruptedException closed) {
            // the server closed it (or the test ended): what the test waits for
        }
    }
}
