package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.ColorScheme;

/** S12 in a real browser: the locale, time zone and theme come from the browser; a role-hidden page stays hidden. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class IdentityBrowserIT extends BrowserSupport {

    @Test
    void s12_1_theContextShowsTheBrowsersLocaleTimeZoneAndThemeAndFollowsATheme() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setLocale("fr-CA").setTimezoneId("Asia/Kolkata")
                .setColorScheme(ColorScheme.DARK).setViewportSize(1280, 800));
        page = newPage(context);
        open("/profile?x=1");
        assertThat(page.locator("#sl-main")).containsText("Locale: fr-CA");
        // Chromium's ICU still names Kolkata by its older IANA alias
        assertThat(page.locator("#sl-main")).containsText(Pattern.compile("Time zone: Asia/(Kolkata|Calcutta) \\(UTC\\+05:30\\)"));
        assertThat(page.locator("#sl-main")).containsText("Theme: dark");
        assertThat(page.locator("#sl-main")).containsText("URL: http://localhost:" + port + "/profile");
        assertThat(page.locator("#sl-main")).containsText("Not logged in.");
        assertThat(page.locator("#sl-main")).not().containsText("cookie,");

        // the visitor's colour scheme flips: the tab reports it and the page reruns
        page.emulateMedia(new com.microsoft.playwright.Page.EmulateMediaOptions().setColorScheme(ColorScheme.LIGHT));
        assertThat(page.locator("#sl-main")).containsText("Theme: light");
        assertThat(scriptErrors).isEmpty();
    }

    @Test
    void s12_4_aRoleHiddenPageIsAbsentFromTheSidebarAndRefusedOnSwitchPageAndGet() {
        open("/profile");
        assertThat(page.locator("aside")).containsText("Who and where");
        assertThat(page.locator("aside a[data-sl-nav]").first()).isVisible();
        assertThat(page.locator("aside a[href$='admin']")).hasCount(0);
        assertThat(page.locator("aside").getByText("Administration")).hasCount(0);
        int before = finishedRuns();
        page.getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Page.GetByRoleOptions()
                .setName("Open the admin page").setExact(true)).click();
        awaitRunsAfter(before);
        assertThat(page).hasURL(Pattern.compile(".*/profile$"));
        assertThat(page.locator("#sl-main")).not().containsText("Only users with the ADMIN role");
        assertThat(page.locator("#sl-main")).containsText("Who and where");
        var response = page.request().get("http://localhost:" + port + "/admin");
        assertThat(response.status()).isEqualTo(403);
        assertThat(scriptErrors).isEmpty();
    }
}
