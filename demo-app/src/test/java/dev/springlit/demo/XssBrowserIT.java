package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Locator;

/**
 * XSS (issue 8) in a real browser: {@link XssTestPage} puts hostile strings ({@code <script>}, {@code onerror=},
 * {@code javascript:} links, HTML entities, attribute breakouts, {@code srcdoc}, {@code data:} links and SVG
 * {@code data:} images) into every element, label, option, help text, exception message, page title and the
 * echoed query string. None of it runs: no
 * {@code window.__xss}, no dialog, no script error; it shows as text; only the explicitly unsafe markdown renders
 * HTML ({@code <b>bold</b>}).
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "springlit-test.xss-page=true")
class XssBrowserIT extends BrowserSupport {

    private static final String TRAP = """
            (() => {
              window.__xssHits = [];
              Object.defineProperty(window, '__xss', {
                configurable: false,
                get() { return undefined; },
                set(v) { window.__xssHits.push(String(v)); }
              });
              for (const name of ['alert', 'confirm', 'prompt']) {
                const original = window[name];
                window[name] = (...args) => { window.__xssHits.push(name); };
              }
            })();
            """;

    private void assertNothingRan(List<String> dialogs) {
        assertThat(page.evaluate("() => window.__xssHits.length")).as("writes to window.__xss").isEqualTo(0);
        assertThat(page.evaluate("() => window.__xss === undefined")).isEqualTo(true);
        assertThat(dialogs).as("dialogs opened").isEmpty();
        // Nothing hostile was turned into markup anywhere in the document.
        assertThat(page.evaluate("() => document.querySelectorAll('[onerror],[onload],[onmouseover],[onclick],"
                + "[srcdoc],iframe,svg script,img[src=\"x\"]').length")).as("hostile elements and attributes")
                .isEqualTo(0);
        assertThat(page.evaluate("() => [...document.querySelectorAll('a[href], [src], [action], [formaction]')]"
                + ".filter(e => /^\\s*javascript:/i.test(e.getAttribute('href') || e.getAttribute('src') || "
                + "e.getAttribute('action') || e.getAttribute('formaction') || '')).length"))
                .as("javascript: URLs").isEqualTo(0);
        assertThat(page.evaluate("() => document.querySelectorAll('main a[href^=\"data:\" i], "
                + "main img[src^=\"data:image/svg\" i], main img[src^=\"data:text\" i]').length"))
                .as("data: links and SVG or HTML data: images").isEqualTo(0);
        // Data for tables travels in <script type="application/json"> blocks, which never run.
        assertThat(page.evaluate("() => [...document.scripts].filter(s => !s.src && (!s.type || /javascript|module/i"
                + ".test(s.type))).filter(s => s.textContent.includes('__xss')).length"))
                .as("inline scripts with the payload").isEqualTo(0);
    }

    @Test
    void hostileStringsNeverRunAndShowAsText() {
        List<String> dialogs = new ArrayList<>();
        page.onDialog(dialog -> {
            dialogs.add(dialog.type() + ": " + dialog.message());
            dialog.dismiss();
        });
        page.addInitScript(TRAP);
        String q = "<script>window.__xss=1</script><img src=x onerror=\"window.__xss=1\">";
        open("/test-xss?q=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        assertNothingRan(dialogs);

        Locator main = page.locator("main");
        // The hostile strings are there as text, in every kind of element.
        for (String hostile : List.of("<script>window.__xss=1</script>", "<img src=x onerror=\"window.__xss=1\">",
                "\"><svg onload=window.__xss=1>", "<iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>")) {
            assertThat(main.locator(".sl-heading h1", new Locator.LocatorOptions().setHasText(hostile)).first())
                    .isVisible();
            assertThat(main.locator("pre", new Locator.LocatorOptions().setHasText(hostile)).first()).isVisible();
            assertThat(main.locator("button", new Locator.LocatorOptions().setHasText(hostile)).first()).isVisible();
        }
        assertThat(main.getByText("query: " + q).first()).isVisible();
        // An entity in Markdown is the character it names, as text; in st.text it stays as typed.
        assertThat(main.locator(".sl-markdown", new Locator.LocatorOptions().setHasText("<b>entity</b>")).first())
                .isVisible();
        assertThat(main.locator("pre", new Locator.LocatorOptions().setHasText("&lt;b&gt;entity&lt;/b&gt;")).first())
                .isVisible();
        assertThat(main.locator("b", new Locator.LocatorOptions().setHasText("entity"))).hasCount(0);
        // Labels, options and exceptions too.
        assertThat(main.locator("label", new Locator.LocatorOptions().setHasText("<script>window.__xss=1</script>"))
                .first()).isVisible();
        assertThat(main.locator(".sl-exception", new Locator.LocatorOptions()
                .setHasText("<img src=x onerror=\"window.__xss=1\">")).first()).isVisible();
        assertThat(page.locator("aside")).containsText("<script>window.__xss=1</script>");
        assertThat(page.locator("aside")).containsText("XSS <img src=x onerror=\"window.__xss=1\">");
        assertThat(page).hasTitle(java.util.regex.Pattern.compile(".*XSS <img src=x onerror=.*"));
        // Only the explicitly unsafe markdown renders its HTML.
        assertThat(main.locator("b", new Locator.LocatorOptions().setHasText("bold"))).hasCount(1);

        // Interacting draws it all again: open the expander, popover and select box, hover a help icon, click.
        main.locator("summary").first().click();
        main.locator(".sl-popover-toggle").first().click();
        main.locator(".sl-help").first().hover();
        int before = finishedRuns();
        main.locator("button", new Locator.LocatorOptions().setHasText("<img src=x onerror=\"window.__xss=1\">"))
                .first().click();
        awaitRunsAfter(before);
        main.locator("select").first().selectOption(new com.microsoft.playwright.options.SelectOption().setIndex(2));
        page.waitForTimeout(300);
        awaitIdle();
        assertNothingRan(dialogs);
    }
}
