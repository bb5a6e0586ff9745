package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The demo as a user meets it when it is not at the server's root ({@code server.servlet.context-path}, or a
 * reverse proxy's path prefix): every step goes through the address the browser shows, so any URL the server or
 * the client spells without the base shows up as a 404, an unstyled page or a tab stuck at "Connecting…".
 */
final class DeployedDemoScenario {

    private final Page page;
    /** Where the app is, without a trailing slash: e.g. {@code http://localhost:8080/app}. */
    private final String root;

    DeployedDemoScenario(Page page, String root) {
        this.page = page;
        this.root = root;
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void click(String name) {
        int before = BrowserSupport.finishedRuns(page);
        button(name).click();
        awaitRunsAfter(before);
    }

    private void awaitRunsAfter(int before) {
        assertThat(page.locator("body")).hasAttribute("data-sl-runs", Pattern.compile("^(?!" + before + "$)\\d+$"));
        BrowserSupport.awaitIdle(page);
    }

    private String sessionId() {
        return (String) page.evaluate("sessionStorage.getItem('springlit.session')");
    }

    /** The shell and its stylesheet and script load under the base, and the tab connects and runs the page. */
    void shellLoadsUnderTheBase() {
        BrowserSupport.open(page, root + "/counter");
        assertThat(page.locator("#sl-main h1")).hasText("Counter Example");
        Object styled = page.evaluate("() => [...document.styleSheets].some(s => s.href && s.href.startsWith("
                + "document.baseURI + '_springlit/static/') && s.cssRules.length > 0)");
        assertThat(styled).as("the versioned stylesheet under " + root).isEqualTo(true);
        assertThat((String) page.evaluate("document.baseURI")).isEqualTo(root + "/");
    }

    /** The home page's Markdown links ({@code [Counter](/counter)}) lead to the pages under the base. */
    void markdownLinksStayUnderTheBase() {
        BrowserSupport.open(page, root + "/");
        @SuppressWarnings("unchecked")
        java.util.List<String> hrefs = (java.util.List<String>) page.evaluate(
                "() => [...document.querySelectorAll('#sl-main .sl-markdown a')].map(a => a.href)");
        assertThat(hrefs).isNotEmpty().allSatisfy(href -> assertThat(href).startsWith(root + "/"))
                .contains(root + "/counter");
    }

    /** Counter, sidebar link, page link, switchPage, back button and query parameters, all in one session. */
    void navigationCounterAndQueryParameters() {
        BrowserSupport.open(page, root + "/counter");
        String session = sessionId();
        click("Increment");
        assertThat(page.locator("#sl-main")).containsText("Count = 1");

        page.locator("aside").getByText("Pages and query parameters").click();
        BrowserSupport.awaitIdle(page);
        assertThat(page).hasURL(root + "/navigation");
        assertThat(page.locator("#sl-main")).containsText("share this session's count: 1");
        assertThat(page.locator("aside a[aria-current='page']")).containsText("Pages and query parameters");

        click("Put ?name=Ada in the address bar");
        assertThat(page).hasURL(root + "/navigation?name=Ada");

        page.getByText("Open a page the sidebar does not list").click();
        assertThat(page).hasURL(root + "/hidden");
        assertThat(page.locator("#sl-main h1")).hasText("A hidden page");
        page.goBack();
        assertThat(page).hasURL(root + "/navigation?name=Ada");
        BrowserSupport.awaitIdle(page);
        assertThat(page.locator("#sl-main")).containsText("name = Ada");

        click("Switch to the counter with switchPage");
        assertThat(page).hasURL(root + "/counter");
        assertThat(page).hasTitle("Counter");
        click("Increment");
        assertThat(page.locator("#sl-main")).containsText("Count = 2");
        assertThat(sessionId()).isEqualTo(session);
    }

    /** A file goes up through the upload endpoint and a download comes back, both under the base. */
    void uploadAndDownload() throws Exception {
        BrowserSupport.open(page, root + "/widgets");
        Path file = Files.createTempFile("springlit-deployed", ".txt");
        try {
            Files.writeString(file, "uploaded under " + root, StandardCharsets.UTF_8);
            int before = BrowserSupport.finishedRuns(page);
            page.getByLabel("Upload a text file").setInputFiles(file);
            awaitRunsAfter(before);
            assertThat(page.locator("#sl-main .sl-text pre")).hasText("uploaded under " + root);
        } finally {
            Files.deleteIfExists(file);
        }
        Download download = page.waitForDownload(() -> page.getByText("Download a greeting").click());
        assertThat(download.url()).startsWith(root + "/_springlit/download/");
        assertThat(download.failure()).isNull();
        assertThat(Files.readString(download.path(), StandardCharsets.UTF_8)).isEqualTo("Hello from Springlit!");
        BrowserSupport.awaitIdle(page);
    }

    /** A dropped WebSocket comes back through the same base and the session keeps its count. */
    void reconnectKeepsTheSession() {
        BrowserSupport.open(page, root + "/counter");
        click("Increment");
        String session = sessionId();
        page.evaluate("() => { window.droppedSocket = window.springlit.socket; window.springlit.socket.close(); }");
        page.waitForFunction("() => { const s = window.springlit.socket; return s !== null && s !== window.droppedSocket"
                + " && s.readyState === WebSocket.OPEN && document.body.dataset.slConnection === 'connected'; }");
        assertThat((String) page.evaluate("window.springlit.socket.url")).startsWith(root.replaceFirst("^http", "ws")
                + "/_springlit/stream");
        BrowserSupport.awaitIdle(page);
        assertThat(page.locator("#sl-main")).containsText("Count = 1");
        button("Increment").click();
        assertThat(page.locator("#sl-main")).containsText("Count = 2");
        assertThat(sessionId()).isEqualTo(session);
    }

    /** The "page not found" page is styled and links to the pages under the base. */
    void notFoundPageLinksUnderTheBase() {
        page.navigate(root + "/no-such-page");
        assertThat(page.locator("main h1")).hasText("Page not found");
        Object href = page.evaluate("document.querySelector('main a').href");
        assertThat((String) href).startsWith(root + "/");
        Object styled = page.evaluate("() => [...document.styleSheets].some(s => s.href && s.cssRules.length > 0)");
        assertThat(styled).isEqualTo(true);
    }
}
