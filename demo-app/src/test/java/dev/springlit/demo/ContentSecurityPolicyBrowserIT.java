package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The Content-Security-Policy in a real browser (issue 12, item 7): every page of the demo, used a little
 * (a counter click, the widgets with an upload and a download, the dashboard's charts, the "page not found"
 * page), runs without a single {@code securitypolicyviolation}; and the policy is enforced: an inline script,
 * an event-handler attribute and a style attribute put into the page do nothing.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class ContentSecurityPolicyBrowserIT extends BrowserSupport {

    /** Records every violation of the document, from its first script on. */
    private static final String RECORDER = """
            window.__csp = [];
            document.addEventListener('securitypolicyviolation', e => window.__csp.push(
                e.effectiveDirective + ' blocked ' + (e.blockedURI || '(inline)') + ' at ' + (e.sourceFile || '?')
                + ':' + e.lineNumber));
            """;

    private final List<String> violations = new ArrayList<>();

    @BeforeEach
    void recordViolations() {
        page.addInitScript(RECORDER);
        page.onConsoleMessage(message -> {
            if (message.text().contains("Content Security Policy")) {
                violations.add("console: " + message.text());
            }
        });
    }

    /** Takes the violations the current document recorded. */
    @SuppressWarnings("unchecked")
    private void collect(String where) {
        for (Object v : (List<Object>) page.evaluate("() => window.__csp || []")) {
            violations.add(where + ": " + v);
        }
    }

    private Locator button(String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void noPageOfTheDemoViolatesThePolicy() throws Exception {
        open("/");
        Set<String> paths = new LinkedHashSet<>(castList(page.locator("a[data-sl-nav]")
                .evaluateAll("links => links.map(a => new URL(a.href).pathname)")));
        paths.add("/hidden");
        assertThat(paths).contains("/counter", "/widgets", "/dashboard").hasSizeGreaterThan(10);
        collect("/");
        for (String path : paths) {
            open(path);
            collect(path);
        }

        // The counter counts.
        open("/counter");
        for (int i = 1; i <= 3; i++) {
            int before = finishedRuns();
            button("Increment").click();
            awaitRunsAfter(before);
            assertThat(page.locator("#sl-main")).containsText("Count = " + i);
        }
        collect("/counter, clicked");

        // The dashboard draws its charts (Chart.js from the jar), its columns and progress bar get their styles.
        open("/dashboard");
        Locator charts = page.locator("#sl-main .sl-chart");
        assertThat(charts.last()).hasAttribute("data-sl-chart-ready", "true");
        assertThat(charts.first().evaluate("c => c.getAttribute('data-sl-style') === 'height: ' + c.style.height"
                + " && getComputedStyle(c).height === c.style.height")).as("the chart's height applies").isEqualTo(true);
        Object columns = page.evaluate("() => [...document.querySelectorAll('.sl-block-column')]"
                + ".filter(c => getComputedStyle(c).flexGrow === '1').length");
        assertThat(((Number) columns).intValue()).as("columns styled through data-sl-style").isGreaterThanOrEqualTo(3);
        page.locator("#sl-main .sl-table th[data-sl-col='2'] input.sl-sort").click();
        collect("/dashboard");

        // The widgets: an upload, a download, a checkbox.
        open("/widgets");
        Path file = Files.createTempFile("springlit-csp", ".txt");
        Files.writeString(file, "uploaded under a strict policy", StandardCharsets.UTF_8);
        int before = finishedRuns();
        page.getByLabel("Upload a text file").setInputFiles(file);
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main .sl-text pre")).hasText("uploaded under a strict policy");
        Download download = page.waitForDownload(() -> page.locator("#sl-main")
                .getByText("Download a greeting").click());
        assertThat(Files.readString(download.path())).isEqualTo("Hello from Springlit!");
        awaitIdle();
        collect("/widgets");

        // The "page not found" page (no script at all, the stylesheet only).
        page.navigate(url("/no-such-page"));
        assertThat(page.locator("h1")).hasText("Page not found");
        assertThat(page.locator("body")).hasCSS("display", "flex"); // the stylesheet applies
        collect("/no-such-page");
        // The browser logs the page's own 404 status (and that of /favicon.ico, which no page links): expected here.
        scriptErrors.removeIf(error -> error.contains("the server responded with a status of 404"));

        assertThat(violations).as("Content-Security-Policy violations").isEmpty();
        System.out.println("ContentSecurityPolicyBrowserIT: " + paths.size() + " pages, counter, dashboard charts, "
                + "upload, download and the 404 page without a policy violation");
    }

    @SuppressWarnings("unchecked")
    private static List<String> castList(Object value) {
        return (List<String>) value;
    }

    @Test
    void thePolicyIsEnforced() {
        open("/counter");
        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) page.evaluate("""
                () => new Promise(resolve => {
                  window.__ran = [];
                  const script = document.createElement('script');
                  script.textContent = 'window.__ran.push("inline script")';
                  document.body.append(script);
                  const box = document.createElement('div');
                  box.innerHTML = '<img src="data:image/png;base64,AAAA" onerror="window.__ran.push(\\'onerror\\')">'
                      + '<a id="sl-test-link" href="#" onclick="window.__ran.push(\\'onclick\\')">x</a>'
                      + '<span id="sl-test-style" style="color: rgb(1, 2, 3)">styled</span>';
                  document.body.append(box);
                  document.getElementById('sl-test-link').click();
                  setTimeout(() => resolve({
                    ran: window.__ran,
                    color: getComputedStyle(document.getElementById('sl-test-style')).color,
                    violations: window.__csp.length
                  }), 1000);
                })
                """);
        assertThat((List<?>) result.get("ran")).as("injected code that ran").isEmpty();
        assertThat(result.get("color")).as("an injected style attribute").isNotEqualTo("rgb(1, 2, 3)");
        assertThat(((Number) result.get("violations")).intValue()).as("violations reported").isGreaterThanOrEqualTo(3);
        // The page itself still works.
        int before = finishedRuns();
        button("Increment").click();
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main")).containsText("Count = 1");
        // The browser reported the blocked injections as errors, as it should: they are this test's doing.
        assertThat(violations).isNotEmpty();
        scriptErrors.removeIf(error -> error.contains("Content Security Policy"));
    }
}
