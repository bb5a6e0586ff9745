package dev.springlit.demo.cluster;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;

/**
 * Sessions survive their node (S9): two demo JVMs with {@code streamlit.session.store=redis} behind a real nginx
 * (node A first, node B its backup) and a real redis-server. A tab keeps its count when A is stopped gracefully or
 * killed, and a protocol tab clicking through repeated kills counts every click exactly once.
 */
@Timeout(300)
class FailoverIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private static RedisNode redis;
    private static DemoNode a;
    private static DemoNode b;
    private static NginxProcess nginx;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void startCluster() throws Exception {
        redis = RedisNode.start();
        a = DemoNode.on("node-a", redis.port());
        b = DemoNode.on("node-b", redis.port());
        CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> startQuietly(b));
        a.start();
        startingB.join();
        nginx = NginxProcess.start(List.of(a.port(), b.port()), NginxProcess.Balancing.FAILOVER, "");
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu")));
    }

    @AfterAll
    static void stopCluster() {
        for (AutoCloseable c : new AutoCloseable[] {browser, playwright, nginx, a, b, redis}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                System.err.println("FailoverIT: closing " + c + " failed: " + e);
            }
        }
    }

    /** Each test starts with both nodes up. */
    @AfterEach
    void bothNodesUp() throws Exception {
        CompletableFuture<Void> startingB = CompletableFuture.runAsync(() -> {
            if (!b.isRunning()) {
                startQuietly(b);
            }
        });
        if (!a.isRunning()) {
            a.start();
        }
        startingB.join();
    }

    @Test
    void S9_7_aTabOnANodeStoppedGracefullyShowsItsCountFromTheOtherNodeAndKeepsCounting() {
        try (var context = browser.newContext()) {
            Page page = countToThreeOnA(context.newPage());
            int runsBefore = runs(page);
            String attachedBefore = page.locator("body").getAttribute("data-sl-attached");

            long stopped = System.nanoTime();
            a.stopGracefully();

            awaitTakenOver(page, attachedBefore, runsBefore);
            long moved = System.nanoTime();
            assertThat(page.getByText("Count = 3")).isVisible();
            watchForAnEmptiedPage(page);
            click(page);
            assertThat(page.getByText("Count = 4")).isVisible();
            assertThat(page.evaluate("window.__slEmptied")).as("the first run on the new node replaced the page "
                    + "without a moment in which it showed less").isEqualTo(0);
            System.out.println("FailoverIT: graceful stop of A, the tab taken over by B after "
                    + Duration.ofNanos(moved - stopped).toMillis() + " ms (the stop included)");
        }
    }

    @Test
    void S9_2_aTabOnAKilledNodeShowsItsCountFromTheOtherNodeAndKeepsCounting() {
        try (var context = browser.newContext()) {
            Page page = countToThreeOnA(context.newPage());
            int runsBefore = runs(page);
            String attachedBefore = page.locator("body").getAttribute("data-sl-attached");

            long killed = System.nanoTime();
            a.kill();

            awaitTakenOver(page, attachedBefore, runsBefore);
            long moved = System.nanoTime();
            assertThat(page.getByText("Count = 3")).isVisible();
            watchForAnEmptiedPage(page);
            click(page);
            assertThat(page.getByText("Count = 4")).isVisible();
            assertThat(page.evaluate("window.__slEmptied")).as("the first run on the new node replaced the page "
                    + "without a moment in which it showed less").isEqualTo(0);
            click(page);
            assertThat(page.getByText("Count = 5")).isVisible();
            System.out.println("FailoverIT: SIGKILL of A, the tab taken over by B after "
                    + Duration.ofNanos(moved - killed).toMillis() + " ms");
        }
    }

    @Test
    void S9_3_fiveHundredClicksThroughRepeatedKillsCountExactlyOnceEach() throws Exception {
        int clicks = 500;
        int kills = 5;
        AtomicInteger done = new AtomicInteger();
        List<String> killLog = new java.util.concurrent.CopyOnWriteArrayList<>();
        Runnable killing = () -> {
            try {
                for (int i = 0; i < kills; i++) {
                    Thread.sleep(ThreadLocalRandom.current().nextLong(300, 1_500));
                    // the tab's node: nginx sends it to A whenever A is up, so after A's kill it is on B, and after
                    // B's kill (A restarted meanwhile) on A again
                    DemoNode victim = i % 2 == 0 ? a : b;
                    DemoNode other = victim == a ? b : a;
                    if (!other.isRunning()) {
                        other.start(); // never both down for long: the tab would only wait
                    }
                    victim.kill();
                    killLog.add(victim.name + " at click " + done.get());
                    victim.start();
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        try (ProtocolTab tab = new ProtocolTab(nginx.port())) {
            tab.connect(Duration.ofSeconds(60)); // on A, which nginx prefers: the first kill is A's
            CompletableFuture<Void> chaos = CompletableFuture.runAsync(killing);
            for (int i = 1; i <= clicks; i++) {
                // spread the clicks over the kills (a restart takes many seconds on a loaded machine): at most 90
                // clicks ahead of the next kill, so every kill lands while the tab is clicking
                while (i > (killLog.size() + 1) * 90 && killLog.size() < kills && !chaos.isDone()) {
                    Thread.sleep(20);
                }
                tab.click(Duration.ofSeconds(120));
                done.set(i);
            }
            chaos.join();
            // one more hello shows what the store holds now
            tab.close();
            try (ProtocolTab again = tab.reopened()) {
                again.connect(Duration.ofSeconds(60));
                System.out.println("FailoverIT chaos: kills " + killLog + ", reconnects " + tab.reconnects
                        + ", run ends " + tab.runEnds + ", clicks acknowledged on reconnect "
                        + tab.acknowledgedOnReconnect);
                assertThat(killLog).hasSizeGreaterThanOrEqualTo(kills);
                assertThat(tab.acknowledged()).as("every click acknowledged").isEqualTo(clicks);
                assertThat(again.shownCount()).as("every click counted exactly once").isEqualTo(clicks);
                assertThat(tab.reconnects).as("every kill dropped the tab's connection").isGreaterThanOrEqualTo(kills);
                // a click whose node committed it and died before its run end went out is acknowledged by the next
                // node's hello instead (never applied again): only such a kill can take a click's run end away
                assertThat(tab.acknowledgedOnReconnect).as("clicks whose run end a kill took away")
                        .isLessThanOrEqualTo(tab.reconnects);
                assertThat(tab.runEnds).as("one run end per click not acknowledged on reconnect and one for the "
                        + "first connection: none twice, and no take-over drew the page again (S9.2)")
                        .isEqualTo(clicks - tab.acknowledgedOnReconnect + 1);
            }
        }
    }

    private static Page countToThreeOnA(Page page) {
        page.navigate("http://127.0.0.1:" + nginx.port() + "/counter");
        assertThat(page.locator("body[data-sl-ready='true']")).isAttached();
        for (int i = 1; i <= 3; i++) {
            click(page);
            assertThat(page.getByText("Count = " + i)).isVisible();
        }
        return page;
    }

    private static void click(Page page) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment")).click();
    }

    private static int runs(Page page) {
        return Integer.parseInt(page.locator("body").getAttribute("data-sl-runs"));
    }

    /**
     * The other node took the session over: the tab heard from it ({@code session}), and, its last run having
     * completed, no run drew the page again there (S9.2): the tab still shows what it showed.
     */
    private static void awaitTakenOver(Page page, String attachedBefore, int runsBefore) {
        assertThat(page.locator("body")).hasAttribute("data-sl-attached",
                Pattern.compile("^(?!" + attachedBefore + "$)\\d+$"), new LocatorAssertions.HasAttributeOptions()
                        .setTimeout(30_000));
        assertThat(page.locator("body")).hasAttribute("data-sl-connection", "connected");
        assertThat(runs(page)).as("no run drew the page again on the node that took the tab over").isEqualTo(runsBefore);
    }

    /**
     * Counts the moments (a mutation observer's callbacks: after each message the client applied) in which the main
     * area showed fewer elements than now, or no count: a page emptied and drawn again would flicker.
     */
    private static void watchForAnEmptiedPage(Page page) {
        page.evaluate("""
                () => {
                  const main = document.querySelector('[data-sl-root="0"]');
                  const shown = main.children.length;
                  window.__slEmptied = 0;
                  new MutationObserver(() => {
                    if (main.children.length < shown || !main.textContent.includes('Count = ')) window.__slEmptied++;
                  }).observe(main, { childList: true, subtree: true });
                }""");
    }

    private static void startQuietly(DemoNode node) {
        try {
            node.start();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
