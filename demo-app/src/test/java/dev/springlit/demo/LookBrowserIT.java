package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The app's look from its properties ({@code streamlit.theme.*}, {@code streamlit.ui.*}) under the strict
 * Content-Security-Policy: colours, font and radius for light and dark, the logo, About, the sidebar's initial
 * state, and page layouts (the dashboard is wide), also across a page switch without reload.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "streamlit.theme.primary-color=#1f77b4",
        "streamlit.theme.background-color=#fffdf5",
        "streamlit.theme.secondary-background-color=#f5efe0",
        "streamlit.theme.text-color=#202020",
        "streamlit.theme.font=serif",
        "streamlit.theme.border-radius=small",
        "streamlit.theme.dark.background-color=#101820",
        "streamlit.theme.dark.text-color=#f0f0f0",
        "streamlit.ui.initial-sidebar-state=collapsed",
        "streamlit.ui.logo=/springlit-demo-logo.svg",
        "streamlit.ui.about=A demo of Springlit, made for the tests."})
class LookBrowserIT extends BrowserSupport {

    private String css(String selector, String property) {
        return (String) page.evaluate("([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p).trim()",
                java.util.List.of(selector, property));
    }

    @Test
    void theThemePropertiesColourThePageInLightAndDark() {
        java.util.List<String> violations = new java.util.ArrayList<>();
        page.onConsoleMessage(m -> {
            if (m.text().contains("Content Security Policy")) {
                violations.add(m.text());
            }
        });
        open("/counter");
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(255, 253, 245)");
        assertThat(page.locator("body")).hasCSS("color", "rgb(32, 32, 32)");
        assertThat(css("html", "--sl-primary")).isEqualTo("#1f77b4");
        assertThat(css("html", "--sl-radius")).isEqualTo("0.35rem");
        assertThat(css("body", "font-family")).contains("Georgia");
        page.locator(".sl-menu-button").click();
        page.getByRole(AriaRole.MENUITEMRADIO, new Page.GetByRoleOptions().setName("Dark")).click();
        assertThat(page.locator("body")).hasCSS("background-color", "rgb(16, 24, 32)");
        assertThat(page.locator("body")).hasCSS("color", "rgb(240, 240, 240)");
        assertThat(css("html", "--sl-primary")).as("the primary colour holds in both schemes").isEqualTo("#1f77b4");
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
    }

    @Test
    void logoAboutAndACollapsedSidebarThatOpens() {
        open("/counter");
        assertThat(page.locator(".sl-sidebar")).isHidden();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open sidebar")).click();
        Locator logo = page.locator(".sl-logo img");
        assertThat(logo).isVisible();
        assertThat(logo).hasAttribute("alt", "Springlit demo");
        assertThat(((Number) logo.evaluate("img => img.naturalWidth")).intValue()).as("the logo loaded").isPositive();
        page.locator(".sl-menu-button").click();
        page.getByRole(AriaRole.MENUITEM, new Page.GetByRoleOptions().setName("About")).click();
        assertThat(page.getByRole(AriaRole.DIALOG)).containsText("A demo of Springlit, made for the tests.");
    }

    @Test
    void aWidePageUsesTheWholeWidthAndACenteredOneDoesNotAlsoAfterAPageSwitch() {
        open("/counter");
        double centered = page.locator("#sl-main").boundingBox().width;
        assertThat(centered).isLessThanOrEqualTo(736);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Open sidebar")).click();
        page.locator(".sl-nav a[href='./dashboard']").click();
        assertThat(page.locator("body")).hasAttribute("data-sl-layout", "wide");
        awaitIdle();
        assertThat(page.locator("#sl-main").boundingBox().width).isGreaterThan(900);
        page.locator(".sl-nav a[href='./counter']").click();
        assertThat(page.locator("body")).hasAttribute("data-sl-layout", "centered");
    }

    @Test
    void theThemeStylesheetIsServedAsAFile() {
        var response = page.request().get(url("/_springlit/theme.css"));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.headers().get("content-type")).startsWith("text/css");
        assertThat(response.text()).contains("--sl-primary: #1f77b4;", ":root[data-sl-theme=\"dark\"]");
    }
}
