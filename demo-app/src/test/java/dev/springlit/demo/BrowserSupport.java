package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.ColorScheme;

/**
 * One headless Debian Chromium per test class (driven by Playwright), a fresh tab (browser context, so a fresh
 * session) per test, and a check that no page logged a script error.
 */
abstract class BrowserSupport {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    private static Playwright playwright;
    static Browser browser;

    @LocalServerPort
    int port;

    BrowserContext context;
    Page page;
    final List<String> scriptErrors = new ArrayList<>();
    /** Console errors containing this text are expected by the test (a 404 it provokes), or null. */
    volatile String expectedConsoleError;

    @BeforeAll
    static void launchBrowser() {
        PlaywrightAssertions.setDefaultAssertionTimeout(15_000);
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("The browser tests need Debian's Chromium at " + CHROMIUM + ", which is missing. "
                    + "Install it with `apt-get install -y --no-install-recommends chromium` (.ci/run does this).");
        }
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(CHROMIUM)
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking",
                        "--disable-component-update", "--disable-sync", "--no-first-run")));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    @BeforeEach
    void newTab() {
        context = newContext();
        page = newPage(context);
    }

    /** A new browser profile: a tab opened in it has its own sessionStorage, so its own session. */
    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT)
                .setViewportSize(1280, 800));
    }

    /** A new tab in {@code owner} whose script errors fail the test. */
    Page newPage(BrowserContext owner) {
        Page p = owner.newPage();
        p.onPageError(error -> scriptErrors.add("uncaught: " + error));
        p.onConsoleMessage(message -> {
            String expected = expectedConsoleError;
            if ("error".equals(message.type()) && (expected == null || !message.text().contains(expected))) {
                scriptErrors.add("console.error: " + message.text());
            }
        });
        return p;
    }

    @AfterEach
    void closeTab() {
        if (context != null) {
            context.close();
        }
        assertThat(scriptErrors).as("script errors in the page").isEmpty();
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** Opens a page and waits until its first run has finished. */
    void open(String path) {
        open(page, url(path));
    }

    /** Opens {@code url} in tab {@code p} and waits until its first run has finished. */
    static void open(Page p, String url) {
        p.navigate(url);
        awaitIdle(p);
    }

    /** Waits until the page is connected and shows a finished run. */
    void awaitIdle() {
        awaitIdle(page);
    }

    /** Waits until tab {@code p} is connected and shows a finished run. */
    static void awaitIdle(Page p) {
        Locator body = p.locator("body");
        assertThat(body).hasAttribute("data-sl-ready", "true");
        assertThat(body).hasAttribute("data-sl-connection", "connected");
        assertThat(body).hasAttribute("data-sl-running", "false");
    }

    /** Waits until more than {@code before} runs have finished. */
    void awaitRunsAfter(int before) {
        assertThat(page.locator("body")).hasAttribute("data-sl-runs",
                java.util.regex.Pattern.compile("^(?!" + before + "$)\\d+$"));
        awaitIdle();
    }

    int finishedRuns() {
        return finishedRuns(page);
    }

    static int finishedRuns(Page p) {
        return Integer.parseInt(p.locator("body").getAttribute("data-sl-runs"));
    }
}
