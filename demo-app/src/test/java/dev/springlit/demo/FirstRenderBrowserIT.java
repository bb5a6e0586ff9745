package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;

import dev.springlit.RunInterceptor;

/**
 * The server-rendered first page (issue 20): a page's GET runs the page once for the new tab and sends that run
 * inside the page, the tab's WebSocket adopts it (no second run), a browser without JavaScript sees the page's
 * first content, and a refresh still goes back to the tab's own session (S1.3).
 */
@SpringBootTest(classes = {DemoApplication.class, FirstRenderBrowserIT.CountRuns.class},
        webEnvironment = WebEnvironment.RANDOM_PORT)
class FirstRenderBrowserIT extends BrowserSupport {

    /** Runs of the counter page's body (not its callbacks), in this test's server. */
    static final AtomicInteger COUNTER_RUNS = new AtomicInteger();

    @TestConfiguration
    static class CountRuns {
        @Bean
        RunInterceptor countCounterRuns() {
            return run -> {
                if (!run.isCallback() && run.pagePath().equals("/counter")) {
                    COUNTER_RUNS.incrementAndGet();
                }
                run.proceed();
            };
        }
    }

    private void clickIncrement(Page p) {
        int before = finishedRuns(p);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment").setExact(true)).click();
        assertThat(p.locator("body")).hasAttribute("data-sl-runs", String.valueOf(before + 1));
        awaitIdle(p);
    }

    @Test
    void i20_aNewTabRunsItsPageOnceAndGetsThatRunWithThePage() {
        int before = COUNTER_RUNS.get();
        Response response = page.navigate(url("/counter"));
        awaitIdle();
        String html = response.text();
        assertThat(html).as("the page as the GET sent it").contains("Count = 0").contains("springlit-adopt");
        assertThat(page.locator("body")).hasAttribute("data-sl-runs", "1");

        clickIncrement(page);
        assertThat(page.locator("[data-sl-root='0'] .sl-markdown")).hasText("Count = 1");
        // the click's run ended after anything queued before it: the first run was the only other one
        assertThat(COUNTER_RUNS.get() - before).as("runs of the page for a new tab and one click").isEqualTo(2);
    }

    @Test
    void i20_aBrowserWithoutJavaScriptSeesThePagesFirstContent() {
        try (BrowserContext noScripts = browser.newContext(new Browser.NewContextOptions().setJavaScriptEnabled(false))) {
            Page p = noScripts.newPage();
            p.navigate(url("/counter"));
            // inert (not interactive) without the client, but shown
            assertThat(p.locator("[data-sl-root='0'] h1")).hasText("Counter Example");
            assertThat(p.locator("[data-sl-root='0'] .sl-markdown")).hasText("Count = 0");
            assertThat(p.locator("[data-sl-root='0'] button")).isVisible();
        }
    }

    @Test
    void s1_3_aRefreshKeepsTheTabsSessionAndItsCountNotTheRunItsGetRendered() {
        open("/counter");
        clickIncrement(page);
        clickIncrement(page);
        String session = (String) page.evaluate("() => sessionStorage.getItem('springlit.session')");

        page.reload();
        awaitIdle();
        assertThat(page.locator("[data-sl-root='0'] .sl-markdown")).hasText("Count = 2");
        assertThat(page.evaluate("() => sessionStorage.getItem('springlit.session')")).isEqualTo(session);
        clickIncrement(page);
        assertThat(page.locator("[data-sl-root='0'] .sl-markdown")).hasText("Count = 3");
    }
}
