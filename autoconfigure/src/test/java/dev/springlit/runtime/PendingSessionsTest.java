package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.session.TabHello;

/**
 * The server-rendered first page (issue 20) as the runtime sees it: a page's GET opens a pending session under the
 * limits of a hello and runs the page once; the tab's hello adopts it with the token, without a second run or a
 * tree; a tab with a session of its own drops it; a token works once.
 */
class PendingSessionsTest {

    private final AtomicInteger runs = new AtomicInteger();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        harness.close();
    }

    private void start() {
        harness = RuntimeHarness.start(st -> {
            runs.incrementAndGet();
            st.text("Hello");
        });
    }

    private TabHello get(String address) {
        return TabHello.ofPageRequest(harness.page, "", null, address);
    }

    private TabHello hello(String sessionId, String token) {
        return new TabHello(sessionId, harness.page, "", sessionId != null, Map.of(), null, "198.51.100.1", false, token);
    }

    @Test
    void i20_aPendingSessionsFirstRunIsAdoptedByItsTabsHelloWithoutASecondRunOrTree() {
        start();
        SessionOpening.FirstRun first = harness.engine.opening().openPending(get("198.51.100.1"), 10_000).orElseThrow();
        assertThat(first.run()).isEqualTo(1);
        assertThat(first.ops()).as("what the GET renders").isNotEmpty();
        assertThat(first.token()).hasSize(22); // 128 bits, base64url

        RecordingConnection tab = new RecordingConnection();
        SessionOpening.Outcome outcome = harness.engine.opening().open(hello(null, first.token()), tab, s -> { });
        Session session = ((SessionOpening.Opened) outcome).session();
        RuntimeHarness.await("the session answer", () -> !tab.messages().isEmpty());

        assertThat(tab.messages()).singleElement().isInstanceOfSatisfying(ServerMessage.SessionAttached.class,
                attached -> assertThat(attached.reset()).as("the tab keeps the tree it got with the page").isFalse());
        assertThat(session.runCount()).isEqualTo(1);
        assertThat(runs.get()).isEqualTo(1);
        assertThat(session.isConnected()).isTrue();
    }

    @Test
    void i20_aTokenWorksOnceAndATabWithItsOwnSessionDropsThePendingOne() {
        start();
        SessionOpening opening = harness.engine.opening();
        RuntimeHarness.Tab own = harness.open();
        SessionOpening.FirstRun first = opening.openPending(get("198.51.100.1"), 10_000).orElseThrow();
        int sessionsWithPending = harness.engine.sessions().size();

        RecordingConnection refreshed = new RecordingConnection();
        own.session.detach(own.connection);
        Session back = ((SessionOpening.Opened) opening.open(hello(own.session.id(), first.token()), refreshed, s -> { }))
                .session();
        assertThat(back).as("a refresh goes back to its own session").isSameAs(own.session);
        assertThat(harness.engine.sessions().size()).as("the pending session ended at once")
                .isEqualTo(sessionsWithPending - 1);

        Session fresh = ((SessionOpening.Opened) opening.open(hello(null, first.token()), new RecordingConnection(),
                s -> { })).session();
        assertThat(fresh).as("a used token opens a new session").isNotSameAs(back);
        RuntimeHarness.await("its own first run", () -> fresh.runCount() == 1 && fresh.isIdle());
    }

    @Test
    void i20_aPendingSessionsRunEveryFragmentTicksOnlyOnceItsTabIsAttached() throws Exception {
        AtomicInteger ticks = new AtomicInteger();
        harness = RuntimeHarness.start(st -> st.fragment("clock", Duration.ofMillis(20), f -> {
            ticks.incrementAndGet();
            f.text("tick");
        }));
        SessionOpening.FirstRun first = harness.engine.opening().openPending(get("198.51.100.1"), 10_000).orElseThrow();
        Thread.sleep(300);
        assertThat(ticks.get()).as("only the page's own run drew the fragment").isEqualTo(1);

        harness.engine.opening().open(hello(null, first.token()), new RecordingConnection(), s -> { });
        RuntimeHarness.await("the fragment ticking for the attached tab", () -> ticks.get() > 2);
    }

    @Test
    void i20_pageGetsOpenNoSessionsPastTheLimitsOfHellos() {
        start();
        harness.engine.sessions().setMaxSessionsPerAddress(2);
        SessionOpening opening = harness.engine.opening();
        assertThat(opening.openPending(get("203.0.113.7"), 10_000)).isPresent();
        assertThat(opening.openPending(get("203.0.113.7"), 10_000)).isPresent();
        int ran = runs.get();

        assertThat(opening.openPending(get("203.0.113.7"), 10_000)).as("a third GET from that address").isEmpty();
        assertThat(runs.get()).as("no page ran for it").isEqualTo(ran);
        assertThat(harness.engine.sessions().countFrom("203.0.113.7")).isEqualTo(2);
        assertThat(opening.openPending(get("198.51.100.1"), 10_000)).as("another address").isPresent();
    }

    @Test
    void i20_aPendingSessionsFirstRunRunsOnTheThreadOfItsGet() {
        AtomicReference<Thread> ranOn = new AtomicReference<>();
        harness = RuntimeHarness.start(st -> {
            ranOn.set(Thread.currentThread());
            st.text("Hello");
        });
        SessionOpening.FirstRun first = harness.engine.opening().openPending(get("198.51.100.1"), 10_000).orElseThrow();

        assertThat(first.run()).isEqualTo(1);
        assertThat(ranOn.get()).as("no hand-off to the run pool and back").isSameAs(Thread.currentThread());
        assertThat(Thread.currentThread().isInterrupted()).as("the GET's thread goes back clean").isFalse();
    }

    @Test
    void i20_aFirstRunPastTheWaitIsHandedToTheRunPoolAndItsTabGetsThatRun() {
        CountDownLatch slowService = new CountDownLatch(1);
        AtomicReference<Thread> lastRanOn = new AtomicReference<>();
        harness = RuntimeHarness.start(st -> {
            lastRanOn.set(Thread.currentThread());
            runs.incrementAndGet();
            st.text("slow service asked");
            try {
                slowService.await(20, TimeUnit.SECONDS); // answers once the test lets it, long after the GET's wait
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            st.text("answered");
        });
        long started = System.nanoTime();
        SessionOpening.FirstRun first = harness.engine.opening().openPending(get("198.51.100.1"), 200).orElseThrow();
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        assertThat(first.run()).as("the GET serves the page without the run").isEqualTo(-1);
        assertThat(first.ops()).isEmpty();
        assertThat(tookMs).as("the GET's wait (200 ms), not the page's 20 s").isLessThan(10_000);
        assertThat(Thread.currentThread().isInterrupted()).as("the GET's thread goes back clean").isFalse();

        RecordingConnection tab = new RecordingConnection();
        Session session = ((SessionOpening.Opened) harness.engine.opening().open(hello(null, first.token()), tab,
                s -> { })).session();
        slowService.countDown();
        RuntimeHarness.await("the run's end at the tab", () -> !tab.runEnds().isEmpty());
        assertThat(tab.runEnds().get(0).status()).isEqualTo(RunStatus.OK);
        assertThat(tab.messages().toString()).contains("answered");
        assertThat(lastRanOn.get()).as("the replay ran on the run pool").isNotSameAs(Thread.currentThread());
        assertThat(runs.get()).as("the interrupted run, then its replay").isEqualTo(2);
        assertThat(session.isConnected()).isTrue();
    }

    @Test
    void i20_aFirstRunThatIgnoresTheInterruptHoldsOnlyItsOwnGetAndLaterGetsOfThatPageUseTheRunPool() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Set<Thread> ranOn = ConcurrentHashMap.newKeySet();
        harness = RuntimeHarness.start(st -> {
            ranOn.add(Thread.currentThread());
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (release.getCount() > 0 && System.nanoTime() < until) {
                LockSupport.parkNanos(1_000_000); // deaf to interrupts: a page stuck in a library that swallows them
            }
            st.text("done");
        });
        ExecutorService gets = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<SessionOpening.FirstRun>> stuck = gets.submit(
                    () -> harness.engine.opening().openPending(get("198.51.100.1"), 200));
            RuntimeHarness.await("the first GET's run started", () -> !ranOn.isEmpty());
            Thread.sleep(1_000); // well past its 200 ms wait: its page is now known to be slow

            long started = System.nanoTime();
            SessionOpening.FirstRun second = harness.engine.opening().openPending(get("198.51.100.2"), 200)
                    .orElseThrow();
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertThat(second.run()).isEqualTo(-1);
            assertThat(tookMs).as("the second GET waits only its 200 ms").isLessThan(10_000);
            assertThat(ranOn).as("the second GET's run went to the run pool").hasSize(2)
                    .doesNotContain(Thread.currentThread());
            assertThat(stuck.isDone()).as("the deaf page still holds the first GET").isFalse();

            release.countDown();
            assertThat(stuck.get(10, TimeUnit.SECONDS)).isPresent();
        } finally {
            release.countDown();
            gets.shutdownNow();
        }
    }
}
