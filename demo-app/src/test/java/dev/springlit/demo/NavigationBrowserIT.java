package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/** Pages in a real browser: links and switchPage keep the session, query parameters, sections, 404, S8 demo. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class NavigationBrowserIT extends BrowserSupport {

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private void click(String name) {
        int before = finishedRuns();
        button(name).click();
        awaitRunsAfter(before);
    }

    private String sessionId() {
        return (String) page.evaluate("sessionStorage.getItem('springlit.session')");
    }

    @Test
    void queryParametersWrittenByThePageShowInTheAddressBarAndSurviveARerun() {
        open("/navigation?tag=a&tag=b");
        assertThat(page.locator("#sl-main")).containsText("tags = a, b");
        click("Put ?name=Ada in the address bar");
        assertThat(page).hasURL(Pattern.compile(".*/navigation\\?tag=a&tag=b&name=Ada$"));
        click("Put ?name=Ada in the address bar");
        assertThat(page.locator("#sl-main")).containsText("name = Ada");
        assertThat(page).hasURL(Pattern.compile(".*name=Ada$"));
        click("Clear the query parameters");
        assertThat(page).hasURL(Pattern.compile(".*/navigation$"));
    }

    @Test
    void pageLinksAndSwitchPageStayInTheSameSession() {
        open("/counter");
        String session = sessionId();
        click("Increment");
        click("Increment");
        page.locator("aside").getByText("Pages and query parameters").click();
        awaitIdle();
        assertThat(page).hasURL(Pattern.compile(".*/navigation$"));
        assertThat(page.locator("#sl-main")).containsText("share this session's count: 2");
        page.getByText("Open a page the sidebar does not list").click();
        assertThat(page).hasURL(Pattern.compile(".*/hidden$"));
        assertThat(page.locator("#sl-main h1")).hasText("A hidden page");
        page.getByText("Back to navigation").click();
        assertThat(page).hasURL(Pattern.compile(".*/navigation$"));
        awaitIdle();
        click("Switch to the counter with switchPage");
        assertThat(page).hasURL(Pattern.compile(".*/counter$"));
        assertThat(page).hasTitle("Counter");
        assertThat(page.locator("#sl-main")).containsText("Count = 2");
        click("Increment");
        assertThat(page.locator("#sl-main")).containsText("Count = 3");
        assertThat(sessionId()).isEqualTo(session);
    }

    @Test
    void theSidebarGroupsPagesInSectionsAndLeavesOutHiddenPages() {
        open("/");
        assertThat(page.locator("aside .sl-nav-section")).containsText(new String[] {"Session state guide", "Widgets", "More"});
        assertThat(page.locator("aside a[href='./hidden']")).hasCount(0);
    }

    @Test
    void theSerializableDemoShowsTheExactError() {
        open("/serializable");
        assertThat(page.locator("#sl-main .sl-exception-message")).hasText("Cannot serialize the value (of type "
                + "java.util.function.Function) of \"unserializable\" in SessionState. Springlit has been configured to "
                + "use Java serialization for SessionState values. Please convert the value to a serializable type.");
    }

    @Test
    void anUnknownPathShowsANotFoundPageListingThePages() {
        // the browser logs the 404s it is asked to provoke (the page and its favicon, which may come late); nothing
        // else may fail
        expectedConsoleError = "status of 404";
        var response = page.navigate(url("/no-such-page"));
        assertThat(response.status()).isEqualTo(404);
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("main")).containsText("/no-such-page");
        assertThat(page.locator("main a[href='./counter']")).hasCount(1);
    }
}
