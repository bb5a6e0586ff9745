package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.springlit.web.stream.StreamHandler;

/**
 * Connections that never become a tab, or stop being one (issue 12, item 1), from a second client address
 * (127.0.0.2), against the live demo app: connections that start a ~250 KB message and never finish it (before
 * and after hello), connections that start a 60 KB one and never finish it, and connections that say nothing at
 * all, and connections that say hello and start a message over {@code max-message-size} and never finish it. Each
 * is closed within its bound ({@code hello-timeout}, {@code message-completion-timeout},
 * {@code max-hello-message-size}, {@code max-unfinished-messages-size}, {@code max-connections-per-address}),
 * and a tab on 127.0.0.1 counts every one of its clicks meanwhile. Afterwards what they held is free again: new tabs
 * from 127.0.0.3 hold unfinished messages up to the configured total at once, and those past it are closed as busy;
 * and a new visitor gets its first run. (A tab that goes silent is {@link SilentTabsIT}'s: with its 4 s
 * silent-connection-timeout here, the bystander tab itself, waiting for the answer to a click, was closed with 1001
 * when the server under attack at load 47 read its pong late.)
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.server.hello-timeout=2s",
        "streamlit.server.message-completion-timeout=3s",
        "streamlit.server.max-unfinished-messages-size=16MB",
        // the default silent-connection-timeout (60 s): a connection the completion rule missed would stay ~60 s,
        // pinged meanwhile (a 10 s timeout hid that: such a connection was closed at ~10 s, inside the slack)
        "streamlit.server.max-connections-per-address=200"})
class HostileConnectionsIT {

    static final long TOTAL_LIMIT = 16L << 20;
    /** The size of each unfinished message the tabs start after the attack (under max-message-size, 256 KB). */
    static final int UNFINISHED_MESSAGE = 250_000;
    /** Time the server may take beyond a bound to act on it (its checks run every half second; a loaded machine). */
    static final long SLACK_MS = 5_000;
    /**
     * The same for the attack's 400 connections, of which ~340 reach their timeout together. The connection watchdog
     * closed them one after another on its one thread, so the last close came seconds after the first on a loaded
     * machine (9.1 s after a 2 s hello timeout at load 57, 5 s at load 13); they are closed a few at once now
     * ({@code ConnectionClosers}: 1.6 s at worst at load 6-10, 3.9 s once in this test), and what is left is this JVM's 400
     * attacker threads waiting for a core to read their close.
     */
    static final long CLOSE_SLACK_MS = 6_000;

    @LocalServerPort
    int port;

    @Autowired
    StreamHandler handler;

    /** What kind of attacker a connection is, and how soon the server must close it. */
    private enum Kind {
        /**
         * Starts a 250 KB message before hello: over max-hello-message-size (64 KB), so nothing of it is kept past
         * 64 KB (the tab is told too_large); closed by the hello timeout.
         */
        HUGE_BEFORE_HELLO(2_000 + CLOSE_SLACK_MS),
        /** Starts a 60 KB message before hello and never finishes it: closed by the hello timeout, or at once. */
        UNFINISHED_BEFORE_HELLO(2_000 + CLOSE_SLACK_MS),
        /** Says hello, then starts a 250 KB message and never finishes it: closed by the completion timeout. */
        UNFINISHED_AFTER_HELLO(3_000 + CLOSE_SLACK_MS),
        /**
         * Says hello, then starts a 300 KB message (over max-message-size, 256 KB) and never finishes it: nothing of
         * it is kept, and the completion timeout still closes it (it stayed until the 60 s silent timeout before).
         */
        OVERSIZED_AFTER_HELLO(3_000 + CLOSE_SLACK_MS),
        /** Opens the WebSocket and says nothing: closed by the hello timeout. */
        SILENT(2_000 + CLOSE_SLACK_MS);

        final long closedWithinMs;

        Kind(long closedWithinMs) {
            this.closedWithinMs = closedWithinMs;
        }
    }

    /** How one attacker connection ended: its close code (or "dropped") and when, after its last frame. */
    private record Outcome(Kind kind, String how, long closedAfterMs) {
    }

    static long usedHeapAfterGc() throws InterruptedException {
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Times a tab that was told 1013 ("try again later") before its session was open connects again. */
    static final int HELLO_ATTEMPTS = 3;

    /**
     * A tab on /counter whose first run has ended. Like springlit.js, it connects again when the server closes it
     * with 1013 before its session is open: this class's 2 s hello timeout counts from the WebSocket's opening, and on
     * a cold server at load ~35 a tab's hello was seen to be read later than that. What the tests check starts after.
     */
    private StreamClient counterTab() {
        for (int attempt = 1; ; attempt++) {
            StreamClient tab = StreamClient.connect(port);
            tab.hello(null, "/counter", false);
            try {
                tab.awaitRunEnd();
                return tab;
            } catch (AssertionError notOpened) {
                Integer code = tab.closed().handle((closedWith, failed) -> closedWith).getNow(null);
                boolean tryAgain = Integer.valueOf(1013).equals(code) && attempt < HELLO_ATTEMPTS;
                tab.close();
                if (!tryAgain) {
                    throw notOpened;
                }
                System.out.println("HostileConnectionsIT: a tab was closed with 1013 before its session was open; "
                        + "it connects again");
            }
        }
    }

    /** A raw tab from {@code from} that said hello and got its session, connecting again after a 1013 as above. */
    private RawWebSocket rawTab(InetAddress from, List<RawWebSocket> open) throws IOException {
        for (int attempt = 1; ; attempt++) {
            RawWebSocket tab = new RawWebSocket(port, from);
            open.add(tab);
            tab.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\","
                    + "\"query\":\"\"}").getBytes(StandardCharsets.UTF_8), true);
            try {
                tab.awaitText("\"type\":\"session\"");
                return tab;
            } catch (RawWebSocket.ClosedByServer refused) {
                open.remove(tab);
                tab.close();
                if (refused.code != 1013 || attempt == HELLO_ATTEMPTS) {
                    throw refused;
                }
            }
        }
    }

    /**
     * {@link #CLOSE_SLACK_MS} at the machine's load now: it grows past 20 runnable threads per core, where the
     * watchdog's closes and this JVM's 400 attacker threads reading them wait that much longer for a core. A
     * connection the server never closes, or closes by another rule (the 60 s silence), is still far outside.
     */
    private static long closeSlackMsAtThisLoad() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return (long) Math.ceil(CLOSE_SLACK_MS * Math.max(1.0, load / (20.0 * cores)));
    }

    private static byte[] unfinishedJson(int bytes) {
        byte[] text = new byte[bytes];
        Arrays.fill(text, (byte) 'a');
        byte[] start = "{\"type\":\"hello\",\"protocol\":1,\"page\":\"".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, text, 0, start.length);
        return text;
    }

    /** Opens one attacker connection, sends what its kind sends, and waits until the server closes it. */
    private Outcome attack(Kind kind, InetAddress from) throws IOException {
        try (RawWebSocket socket = new RawWebSocket(port, from)) {
            long sentAt = System.nanoTime();
            try {
                switch (kind) {
                    case HUGE_BEFORE_HELLO -> socket.frame(0x01, unfinishedJson(250_000), true);
                    case UNFINISHED_BEFORE_HELLO -> socket.frame(0x01, unfinishedJson(60_000), true);
                    case UNFINISHED_AFTER_HELLO, OVERSIZED_AFTER_HELLO -> {
                        socket.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":"
                                + "\"/counter\",\"query\":\"\"}").getBytes(StandardCharsets.UTF_8), true);
                        socket.awaitText("\"type\":\"session\"");
                        int size = kind == Kind.UNFINISHED_AFTER_HELLO ? 250_000 : 300_000;
                        socket.frame(0x01, ("{\"type\":\"rerun\",\"trigger\":\"" + "b".repeat(size))
                                .getBytes(StandardCharsets.UTF_8), true);
                    }
                    case SILENT -> {
                        // nothing at all
                    }
                }
            } catch (RawWebSocket.ClosedByServer closed) {
                // refused before its hello was answered (max-connections-per-address)
                return new Outcome(kind, "close " + closed.code,
                        TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - sentAt));
            } catch (IOException closedWhileWriting) {
                // the server closed it while the frame was being written; its close frame may still be there
            }
            long doneAt = System.nanoTime();
            socket.readTimeout((int) (kind.closedWithinMs + 20_000)); // past the slack at any load seen
            String how;
            try {
                how = "close " + socket.awaitCloseFrame();
            } catch (SocketTimeoutException stillOpen) {
                how = "still open";
                dumpConnectionThread();
            } catch (IOException dropped) {
                how = "dropped"; // reset: the server closed it with our frame still unread
            }
            return new Outcome(kind, how, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - doneAt));
        }
    }

    private static void dumpConnectionThread() {
        Thread.getAllStackTraces().forEach((thread, stack) -> {
            if (thread.getName().startsWith("springlit-connections")) {
                StringBuilder dump = new StringBuilder("\"" + thread.getName() + "\" " + thread.getState() + "\n");
                for (StackTraceElement frame : stack) {
                    dump.append("    at ").append(frame).append('\n');
                }
                System.err.println(dump);
            }
        });
    }

    @Test
    void unfinishedMessagesAndSilentConnectionsAreClosedWithinTheirBoundsWhileATabCountsEveryClick()
            throws Exception {
        InetAddress attackerAddress = InetAddress.getByName("127.0.0.2");
        long heapBefore = usedHeapAfterGc();
        AtomicBoolean attacking = new AtomicBoolean(true);
        AtomicInteger clicks = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        // a thread per attacker connection: each waits for its own close, so each close is timed on its own
        ExecutorService attackers = Executors.newCachedThreadPool();
        try (StreamClient probe = counterTab()) {
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

            long start = System.nanoTime();
            List<Future<Outcome>> running = new ArrayList<>();
            Kind[] plan = new Kind[400];
            for (int i = 0; i < plan.length; i++) {
                plan[i] = i < 40 ? Kind.HUGE_BEFORE_HELLO : i < 200 ? Kind.UNFINISHED_BEFORE_HELLO
                        : i < 240 ? Kind.UNFINISHED_AFTER_HELLO : i < 260 ? Kind.OVERSIZED_AFTER_HELLO : Kind.SILENT;
            }
            for (Kind kind : plan) {
                running.add(attackers.submit(() -> attack(kind, attackerAddress)));
            }
            // Every attacker connection is closed, each within its bound.
            long extraSlackMs = closeSlackMsAtThisLoad() - CLOSE_SLACK_MS;
            Map<String, Integer> outcomes = new TreeMap<>();
            long worstLateMs = Long.MIN_VALUE;
            int refusedAtTheDoor = 0;
            for (Future<Outcome> future : running) {
                Outcome outcome;
                try {
                    outcome = future.get(60, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // past max-connections-per-address the server may close before the handshake is read whole
                    refusedAtTheDoor++;
                    continue;
                }
                assertThat(outcome.how()).as("a %s connection", outcome.kind()).isNotEqualTo("still open");
                worstLateMs = Math.max(worstLateMs, outcome.closedAfterMs() - outcome.kind().closedWithinMs);
                assertThat(outcome.closedAfterMs()).as("%s closed after (ms), slack %d ms more at this load",
                        outcome.kind(), extraSlackMs).isLessThanOrEqualTo(outcome.kind().closedWithinMs + extraSlackMs);
                outcomes.merge(outcome.kind() + " " + outcome.how(), 1, Integer::sum);
            }
            long attackMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            attacking.set(false);
            clicker.get(30, TimeUnit.SECONDS);

            // The tab counted every click; once the attackers are gone only the probe is open, and what they held
            // is free again: new tabs together hold as much as the total allows, and no more.
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (handler.openConnections() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(handler.openConnections()).as("connections open after the attack: the probe").isEqualTo(1);
            Held held = holdUnfinishedMessages(InetAddress.getByName("127.0.0.3"), attackers);
            deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            while (handler.openConnections() > 1 && System.nanoTime() < deadline) {
                Thread.sleep(20); // the server has closed those tabs' connections before the next test's tabs come
            }
            long heapAfter = usedHeapAfterGc();
            System.out.printf("HostileConnectionsIT: %d attacker connections from 127.0.0.2 opened "
                            + "(%d refused during the handshake), all closed within %d ms; outcomes %s; after the "
                            + "attack new tabs held %d KB of unfinished messages at once (limit %d KB; past it: %s); "
                            + "the probe tab counted %d clicks; heap %d MB -> %d MB; closes came at worst %d ms before "
                            + "their bound%n", plan.length, refusedAtTheDoor, attackMs, outcomes, held.bytes() >> 10,
                    TOTAL_LIMIT >> 10, held.refusals(), clicks.get(), heapBefore >> 20, heapAfter >> 20, -worstLateMs);
            assertThat(held.bytes()).as("unfinished bytes the server held at once after the attack")
                    .isLessThanOrEqualTo(TOTAL_LIMIT)
                    .as("what the attack held was given back").isGreaterThan(TOTAL_LIMIT - 2 * UNFINISHED_MESSAGE);
            assertThat(held.refusals()).as("how tabs past the total were closed")
                    .anyMatch(how -> how.equals("close 1013 The server is busy; try again later"))
                    .allMatch(how -> how.equals("close 1013 The server is busy; try again later")
                            || how.equals("dropped"));
            assertThat(outcomes.keySet()).as("outcomes")
                    .anyMatch(o -> o.startsWith("HUGE_BEFORE_HELLO close 1013"))
                    .anyMatch(o -> o.startsWith("UNFINISHED_BEFORE_HELLO close 1013"))
                    .anyMatch(o -> o.startsWith("UNFINISHED_AFTER_HELLO close 1013"))
                    .anyMatch(o -> o.startsWith("OVERSIZED_AFTER_HELLO close 1013"))
                    .anyMatch(o -> o.startsWith("SILENT close 1013"));
            assertThat(clicks.get()).as("clicks the probe made during the attack").isGreaterThan(10);
            assertThat(heapAfter - heapBefore).as("heap growth (bytes)").isLessThan(64L << 20);
            try (StreamClient visitor = counterTab()) {
                assertThat(visitor.screen()).contains("Count = 0");
            }
        } finally {
            attacking.set(false);
            pool.shutdownNow();
            attackers.shutdownNow();
        }
    }

    /** What tabs that each start a message and never finish it held at once, and how those past the total were closed. */
    private record Held(long bytes, List<String> refusals) {
    }

    /**
     * Opens tabs from {@code from} (each says hello), then has each start a {@link #UNFINISHED_MESSAGE}-byte message
     * at once and never finish it, until more than the total was offered. A tab's ping is answered once the server
     * took its fragment, so each answer says whether that fragment is held ("pong") or how the tab was closed. All
     * of it happens within message-completion-timeout, so no fragment is given up for taking too long meanwhile.
     */
    private Held holdUnfinishedMessages(InetAddress from, ExecutorService threads) throws Exception {
        int tabs = (int) (TOTAL_LIMIT / UNFINISHED_MESSAGE) + 6;
        List<RawWebSocket> open = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<RawWebSocket>> opening = new ArrayList<>();
            for (int i = 0; i < tabs; i++) {
                opening.add(threads.submit(() -> rawTab(from, open)));
            }
            List<RawWebSocket> ready = new ArrayList<>();
            for (Future<RawWebSocket> tab : opening) {
                ready.add(tab.get(60, TimeUnit.SECONDS));
            }
            byte[] fragment = ("{\"type\":\"rerun\",\"trigger\":\"" + "b".repeat(UNFINISHED_MESSAGE - 25))
                    .getBytes(StandardCharsets.UTF_8);
            List<Future<String>> answers = new ArrayList<>();
            for (RawWebSocket tab : ready) {
                answers.add(threads.submit(() -> {
                    tab.frame(0x01, fragment, true);
                    return tab.pingOrClose();
                }));
            }
            long bytes = 0;
            List<String> refusals = new ArrayList<>();
            for (Future<String> answer : answers) {
                String how = answer.get(30, TimeUnit.SECONDS);
                if (how.equals("pong")) {
                    bytes += fragment.length;
                } else {
                    refusals.add(how);
                }
            }
            return new Held(bytes, refusals);
        } finally {
            for (RawWebSocket tab : open) {
                tab.close();
            }
        }
    }

    @Test
    void pastMaxConnectionsPerAddressNewConnectionsFromThatAddressAreClosedAtOnceAndOthersAreNot() throws Exception {
        InetAddress attackerAddress = InetAddress.getByName("127.0.0.2");
        List<RawWebSocket> held = Collections.synchronizedList(new ArrayList<>());
        ExecutorService opener = Executors.newFixedThreadPool(8);
        try {
            // 200 tabs from 127.0.0.2 (they say hello, so the hello timeout leaves them open)
            List<Future<?>> opening = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                opening.add(opener.submit(() -> {
                    RawWebSocket tab = new RawWebSocket(port, attackerAddress);
                    held.add(tab);
                    tab.frame(0x81, ("{\"type\":\"hello\",\"protocol\":1,\"session\":null,\"page\":\"/counter\","
                            + "\"query\":\"\"}").getBytes(StandardCharsets.UTF_8), true);
                    return null;
                }));
            }
            for (Future<?> tab : opening) {
                tab.get(30, TimeUnit.SECONDS);
            }
            long start = System.nanoTime();
            int code;
            try (RawWebSocket refused = new RawWebSocket(port, attackerAddress)) {
                code = refused.awaitCloseFrame();
            }
            long refusedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(code).as("close code past the limit").isEqualTo(1013);
            assertThat(refusedAfterMs).isLessThan(SLACK_MS);
            try (StreamClient other = counterTab()) {
                assertThat(other.screen()).contains("Count = 0");
            }
            System.out.println("HostileConnectionsIT: with 200 connections open from 127.0.0.2 the next one from there "
                    + "was closed with " + code + " after " + refusedAfterMs + " ms; a tab from 127.0.0.1 got its run");
        } finally {
            opener.shutdownNow();
            for (RawWebSocket socket : held) {
                socket.close();
            }
        }
    }
}
