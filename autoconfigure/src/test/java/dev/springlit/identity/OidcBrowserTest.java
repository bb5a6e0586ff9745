package dev.springlit.identity;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;

import dev.springlit.oidc.app.OidcApp;
import dev.springlit.oidc.provider.OidcProvider;

/**
 * S12.3 in a real browser (Debian's Chromium): log in through the OpenID Connect provider (Spring Authorization
 * Server on a random port) and out again. The page comes back after the login, what the anonymous session held
 * does not, and after the logout the tab is anonymous in a new session.
 */
class OidcBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext app;
    private static String base;
    private static Playwright playwright;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new AssertionError("This test needs Debian's Chromium at " + CHROMIUM
                    + " (apt-get install -y --no-install-recommends chromium).");
        }
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        provider = OidcProvider.start(base + "/login/oauth2/code/springlit-idp");
        app = OidcApp.start(port, "http://localhost:" + ((WebServerApplicationContext) provider).getWebServer().getPort());
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000);
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--no-first-run")));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static void click(Page page, String name) {
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true)).click();
    }

    /** The session id of the page loaded last, once its hello was answered (its first run may come with the GET). */
    private static String sessionId(Page page) {
        page.waitForFunction("() => Number(document.body.dataset.slAttached || 0) > 0");
        return (String) page.evaluate("sessionStorage.getItem('springlit.session')");
    }

    @Test
    void s12_3_anOidcLoginAndLogoutRoundTripInARealBrowser() {
        List<String> scriptErrors = new ArrayList<>();
        try (BrowserContext context = browser.newContext()) {
            Page page = context.newPage();
            page.onPageError(error -> scriptErrors.add(String.valueOf(error)));
            page.navigate(base + "/?tab=2");
            assertThat(page.locator("#sl-main")).containsText("user=anonymous");
            click(page, "Write a note");
            assertThat(page.locator("#sl-main")).containsText("note=before-login");
            String anonymous = sessionId(page);

            click(page, "Log in");
            page.waitForURL(Pattern.compile("http://localhost:\\d+/login.*"));
            page.locator("#username").fill("alice");
            page.locator("#password").fill("alice-pw");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

            // back on the page, with its query, as Alice, in a fresh session: the note is not hers
            page.waitForURL(base + "/?tab=2");
            assertThat(page.locator("#sl-main")).containsText("user=Alice Liddell email=alice@example.org sub=alice");
            assertThat(page.locator("#sl-main")).containsText("note=none");
            String alices = sessionId(page);
            assertThat(alices).isNotEqualTo(anonymous);

            click(page, "Log out");
            page.waitForURL(base + "/");
            assertThat(page.locator("#sl-main")).containsText("user=anonymous");
            assertThat(page.locator("#sl-main")).containsText("note=none");
            assertThat(sessionId(page)).isNotNull().isNotEqualTo(alices);
        }
        assertThat(scriptErrors).isEmpty();
    }
}
