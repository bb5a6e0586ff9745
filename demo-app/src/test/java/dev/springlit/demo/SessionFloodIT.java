package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.SpringlitEngine;

/**
 * A session flood (issue 12, item 3): a client at 127.0.0.2 says hello and closes as fast as it can for 10 s,
 * as the loop that made 10,000 sessions in 6.6 s did. {@code max-sessions} is 2,000 here so the flood would fill
 * it within seconds; the default {@code max-sessions-per-address} (1,000) stops it halfway, and its sessions,
 * having done nothing, go after {@code untouched-session-ttl}. Meanwhile a new visitor from 127.0.0.1 arrives
 * every quarter of a second: each one gets a session and its first run, none gets {@code busy}.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.server.max-sessions=2000",
        "streamlit.server.untouched-session-ttl=2s"})
class SessionFloodIT {

    static final String ATTACKER = "127.0.0.2";
    static final long FLOOD_MS = 10_000;
    static final byte[] HELLO = ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\",\"query\":\"\"}")
            .getBytes(StandardCharsets.UTF_8);

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    @Test
    void aClientOpeningSessionsAsFastAsItCanDoesNotLockOutRealVisitors() throws Exception {
        InetAddress attacker = InetAddress.getByName(ATTACKER);
        AtomicBoolean flooding = new AtomicBoolean(true);
        LongAdder created = new LongAdder();
        LongAdder refused = new LongAdder();
        AtomicInteger maxHeld = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<?>> floods = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                floods.add(pool.submit(() -> {
                    while (flooding.get()) {
                        try (RawWebSocket tab = new RawWebSocket(port, attacker)) {
                            tab.frame(0x81, HELLO, true);
                            String answer = tab.awaitTextOf("\"type\":\"session\"", "\"type\":\"busy\"");
                            (answer.contains("\"busy\"") ? refused : created).increment();
                        } catch (IOException | AssertionError e) {
                            refused.increment(); // closed on us: refused all the same
                        }
                    }
                    return null;
                }));
            }
            floods.add(pool.submit(() -> {
                while (flooding.get()) {
                    maxHeld.accumulateAndGet(engine.sessions().countFrom(ATTACKER), Math::max);
                    Thread.sleep(5);
                }
                return null;
            }));

            long start = System.nanoTime();
            int visitors = 0;
            long slowestFirstRunMs = 0;
            while (System.nanoTime() - start < TimeUnit.MILLISECONDS.toNanos(FLOOD_MS)) {
                long arrived = System.nanoTime();
                try (StreamClient visitor = StreamClient.connect(port)) {
                    visitor.hello(null, "/counter", false);
                    JsonNode answer = visitor.await("a session or busy", m -> "session".equals(m.path("type").asString())
                            || "busy".equals(m.path("type").asString()));
                    assertThat(answer.path("type").asString())
                            .as("visitor %d's answer after %d ms of flood (%d sessions created by the flood, %d refused)",
                                    visitors + 1, TimeUnit.NANOSECONDS.toMillis(arrived - start), created.sum(),
                                    refused.sum())
                            .isEqualTo("session");
                    visitor.awaitRunEnd();
                    assertThat(visitor.screen()).contains("Count = 0");
                }
                visitors++;
                slowestFirstRunMs = Math.max(slowestFirstRunMs, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - arrived));
                Thread.sleep(250);
            }
            flooding.set(false);
            for (Future<?> flood : floods) {
                flood.get(30, TimeUnit.SECONDS);
            }
            int heldAtTheEnd = engine.sessions().countFrom(ATTACKER);

            // The flood's sessions never did anything: they go after the untouched-session TTL (2 s, swept every 5 s).
            long end = System.nanoTime();
            while (engine.sessions().countFrom(ATTACKER) > 0 && System.nanoTime() - end < TimeUnit.SECONDS.toNanos(15)) {
                Thread.sleep(50);
            }
            long goneAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - end);
            System.out.printf("SessionFloodIT: in %d s the flood from %s created %d sessions and was refused %d times "
                            + "(it held at most %d at once, %d at the end, all gone %d ms later); %d visitors from "
                            + "127.0.0.1 all got their first run, the slowest in %d ms%n", FLOOD_MS / 1000, ATTACKER,
                    created.sum(), refused.sum(), maxHeld.get(), heldAtTheEnd, goneAfterMs, visitors,
                    slowestFirstRunMs);
            assertThat(visitors).isGreaterThanOrEqualTo(10);
            assertThat(created.sum()).as("sessions the flood created").isGreaterThanOrEqualTo(1_000);
            assertThat(refused.sum()).as("hellos of the flood refused").isPositive();
            assertThat(maxHeld.get()).as("sessions the flood held at once").isLessThanOrEqualTo(1_000);
            assertThat(engine.sessions().countFrom(ATTACKER)).as("the flood's sessions after the untouched TTL").isZero();
        } finally {
            flooding.set(false);
            pool.shutdownNow();
        }
    }
}
