package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Leaks (issue 8): 2,000 tabs open a session and go away. Once the (shortened) disconnected-session TTL has
 * passed, the registry is empty, every one of those Session objects has been garbage collected, and the heap
 * is back near where it started.
 */
// 2,000 tabs from one address: more than the default max-sessions-per-address (1,000) may hold
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"streamlit.server.disconnected-session-ttl=1s", "streamlit.server.max-sessions-per-address=0"})
class SessionLeakIT {

    static final int SESSIONS = 2_000;
    static final int BATCH = 50;

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void twoThousandAbandonedSessionsAreAllReleasedAfterTheTtl() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        // Warm up (classes, caches, pools) so the baseline is not taken before the first session ever ran.
        TabSockets.openAndAbandon(http, port, "/widgets", BATCH, BATCH);
        awaitEmptyRegistry(Duration.ofSeconds(30));
        long baseline = usedHeapAfterGc();

        long start = System.nanoTime();
        List<WeakReference<Session>> sessions = new ArrayList<>(SESSIONS);
        for (int done = 0; done < SESSIONS; done += BATCH) {
            for (String id : TabSockets.openAndAbandon(http, port, done % 2 == 0 ? "/widgets" : "/counter", BATCH,
                    BATCH)) {
                engine.sessions().find(id).ifPresent(s -> sessions.add(new WeakReference<>(s)));
            }
        }
        long openedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        int registered = engine.sessions().size();
        long peak = usedHeapAfterGc();
        assertThat(sessions).as("sessions found registered right after their tabs went away")
                .hasSizeGreaterThanOrEqualTo(SESSIONS * 9 / 10);

        long emptyAfterMs = awaitEmptyRegistry(Duration.ofSeconds(30));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        long alive;
        do {
            usedHeapAfterGc();
            alive = sessions.stream().filter(ref -> ref.get() != null).count();
        } while (alive > 0 && System.nanoTime() < deadline);
        long after = usedHeapAfterGc();
        System.out.printf("SessionLeakIT: %d sessions opened and abandoned in %d ms (%d tracked, %d registered at the "
                        + "end, heap %d MB); registry empty %d ms later; heap %d MB -> %d MB; sessions not collected: "
                        + "%d%n", SESSIONS, openedMs, sessions.size(), registered, peak >> 20, emptyAfterMs,
                baseline >> 20, after >> 20, alive);
        assertThat(alive).as("abandoned Session objects still reachable").isZero();
        // Generous: the server shares this JVM with the test and with other cached application contexts.
        assertThat(after - baseline).as("heap growth after all sessions ended (bytes)").isLessThan(32L << 20);
    }

    private long awaitEmptyRegistry(Duration limit) throws InterruptedException {
        long start = System.nanoTime();
        while (engine.sessions().size() > 0) {
            if (System.nanoTime() - start > limit.toNanos()) {
                throw new AssertionError(engine.sessions().size() + " sessions are still registered after "
                        + limit.toSeconds() + " s");
            }
            Thread.sleep(50);
        }
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }
}
