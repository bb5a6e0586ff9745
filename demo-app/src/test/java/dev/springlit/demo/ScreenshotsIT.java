package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.ColorScheme;

/**
 * Screenshots of every demo page in light, dark and at phone width, into {@code demo-app/target/screenshots}
 * for review (one tab per look, pages in sidebar order).
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ScreenshotsIT extends BrowserSupport {

    private static final Path OUT = Paths.get("target", "screenshots");

    private record Look(String name, ColorScheme scheme, int width, int height, boolean mobile) {
    }

    @Test
    void everyDemoPageInLightDarkAndPhoneWidth() throws Exception {
        Files.createDirectories(OUT);
        List<Path> written = new ArrayList<>();
        List<String> paths = new ArrayList<>();
        open("/");
        for (Locator link : page.locator(".sl-nav a[data-sl-nav]").all()) {
            paths.add(link.getAttribute("href").substring(1)); // "./counter", relative to the shell's <base href>
        }
        for (Look look : List.of(new Look("light", ColorScheme.LIGHT, 1280, 800, false),
                new Look("dark", ColorScheme.DARK, 1280, 800, false),
                new Look("phone", ColorScheme.LIGHT, PhoneBrowserIT.WIDTH, PhoneBrowserIT.HEIGHT, true))) {
            BrowserContext shots = browser.newContext(new Browser.NewContextOptions().setColorScheme(look.scheme())
                    .setViewportSize(look.width(), look.height()).setIsMobile(look.mobile()));
            try {
                Page tab = newPage(shots);
                for (String path : paths) {
                    open(tab, url(path));
                    for (Locator chart : tab.locator(".sl-chart").all()) {
                        com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat(chart)
                                .hasAttribute("data-sl-chart-ready", "true");
                    }
                    String name = path.equals("/") ? "home" : path.substring(1).replace('/', '-');
                    Path file = OUT.resolve(name + "-" + look.name() + ".png");
                    tab.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true).setAnimations(
                            com.microsoft.playwright.options.ScreenshotAnimations.DISABLED));
                    written.add(file);
                }
            } finally {
                shots.close();
            }
        }
        assertThat(written).hasSize(paths.size() * 3);
        for (Path file : written) {
            assertThat(Files.size(file)).as(file.toString()).isGreaterThan(1000);
        }
        System.out.println("ScreenshotsIT: " + written.size() + " screenshots in " + OUT.toAbsolutePath());
    }
}
