package dev.springlit.demo;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

/** Issue 15: the demo under {@code server.servlet.context-path=/app} works as it does at the root. */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "server.servlet.context-path=/app")
class ContextPathBrowserIT extends BrowserSupport {

    private DeployedDemoScenario demo() {
        return new DeployedDemoScenario(page, url("/app"));
    }

    @Test
    void theShellItsStylesheetAndTheStreamLoadUnderTheContextPath() {
        demo().shellLoadsUnderTheBase();
    }

    @Test
    void markdownLinksToPagesStayUnderTheContextPath() {
        demo().markdownLinksStayUnderTheBase();
    }

    @Test
    void navigationCounterSwitchPageAndQueryParametersStayUnderTheContextPath() {
        demo().navigationCounterAndQueryParameters();
    }

    @Test
    void uploadAndDownloadWorkUnderTheContextPath() throws Exception {
        demo().uploadAndDownload();
    }

    @Test
    void aDroppedConnectionReconnectsUnderTheContextPath() {
        demo().reconnectKeepsTheSession();
    }

    @Test
    void theNotFoundPageLinksToThePagesUnderTheContextPath() {
        expectedConsoleError = "404";
        demo().notFoundPageLinksUnderTheBase();
    }
}
