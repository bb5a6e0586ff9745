package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.ColorScheme;

/** A phone at 390×844: the sidebar waits behind its toggle, the page starts at the top of the screen. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class PhoneBrowserIT extends BrowserSupport {

    static final int WIDTH = 390;
    static final int HEIGHT = 844;

    @Override
    BrowserContext newContext() {
        return browser.newContext(new Browser.NewContextOptions().setColorScheme(ColorScheme.LIGHT)
                .setViewportSize(WIDTH, HEIGHT).setIsMobile(true).setHasTouch(true).setDeviceScaleFactor(2));
    }

    @Test
    void theFirstWidgetOfTheCounterIsAboveTheFoldAndTheSidebarBehindItsToggle() {
        open("/counter");
        Locator increment = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment"));
        BoundingBox box = increment.boundingBox();
        assertThat(box.y + box.height).as("bottom of the first widget, px from the top").isLessThan(HEIGHT);
        assertThat(page.locator(".sl-sidebar")).isHidden();
        Locator toggle = page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open sidebar"));
        assertThat(toggle).hasAttribute("aria-expanded", "false");
        toggle.click();
        assertThat(page.locator(".sl-sidebar")).isVisible();
        assertThat(page.locator(".sl-nav")).containsText("Widget gallery");
        page.locator(".sl-nav a[href='./widgets']").click();
        assertThat(page.locator("body")).hasAttribute("data-sl-page", "/widgets");
        assertThat(page.locator(".sl-sidebar")).isHidden(); // out of the way after following a link
    }

    @Test
    void sidebarContentStaysReachableOnAPhone() {
        open("/dashboard");
        assertThat(page.locator("#sl-sidebar")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open sidebar")).click();
        assertThat(page.locator("#sl-sidebar")).containsText("Filters");
        assertThat(page.locator("#sl-sidebar").getByLabel("From")).isVisible();
        page.keyboard().press("Escape");
        assertThat(page.locator("#sl-sidebar")).isHidden();
    }
}
