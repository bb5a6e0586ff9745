package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationContext;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.sun.net.httpserver.HttpServer;

/**
 * The demo on Jetty in headless Chromium: a tab counts, keeps its session across a reload and a dropped connection
 * (S1.3, S1.4), and a page of another site cannot open the app's WebSocket (the Origin check refuses it with 403). Runs in the
 * on-jetty execution (demo-app/pom.xml), with Tomcat off the class path.
 */
@OnJetty.Execution
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
class OnJettyBrowserIT extends BrowserSupport {

    @Autowired
    ApplicationContext application;

    @BeforeEach
    void servedByJetty() {
        OnJetty.assertServedByJetty(application);
    }

    private static void assertCount(Page p, int n) {
        assertThat(p.locator("[data-sl-root='0'] .sl-markdown").filter(new Locator.FilterOptions().setHasText("Count =")))
                .hasText(Pattern.compile("^\\s*Count = " + n + "\\s*$"));
    }

    /** Clicks Increment like a person and waits until the run it caused has finished. */
    private static void clickIncrement(Page p) {
        int before = finishedRuns(p);
        p.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment").setExact(true)).click();
        assertThat(p.locator("body")).hasAttribute("data-sl-runs", String.valueOf(before + 1));
        assertThat(p.locator("body")).hasAttribute("data-sl-running", "false");
        assertThat(p.locator("body")).hasAttribute("data-sl-status", "ok");
    }

    private static String sessionId(Page p) {
        return (String) p.evaluate("() => sessionStorage.getItem('springlit.session')");
    }

    @Test
    void s1_3_aTabCountsToThreeAndAReloadKeepsItsSessionAndCount() {
        open("/counter");
        for (int n = 1; n <= 3; n++) {
            clickIncrement(page);
            assertCount(page, n);
        }
        String session = sessionId(page);

        page.reload();
        awaitIdle();
        assertCount(page, 3);
        assertThat(sessionId(page)).isEqualTo(session);
        clickIncrement(page);
        assertCount(page, 4);
    }

    @Test
    void s1_4_aDroppedConnectionReconnectsToTheSameSession() {
        open("/counter");
        clickIncrement(page);
        clickIncrement(page);
        String session = sessionId(page);

        page.evaluate("() => { window.droppedSocket = window.springlit.socket; window.springlit.socket.close(); }");
        page.waitForFunction("() => { const s = window.springlit.socket; return s !== null && s !== window.droppedSocket"
                + " && s.readyState === WebSocket.OPEN && document.body.dataset.slConnection === 'connected'"
                + " && window.springlit.state.session !== null; }");
        awaitIdle();
        assertCount(page, 2);
        assertThat(sessionId(page)).isEqualTo(session);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Increment").setExact(true)).click();
        assertCount(page, 3);
    }

    /** Opens the app's WebSocket from the page in {@code p} and says hello: what the page got back. */
    @SuppressWarnings("unchecked")
    private Map<String, Object> helloFrom(Page p) {
        return (Map<String, Object>) p.evaluate("url => new Promise(done => {"
                + " const socket = new WebSocket(url); let opened = false;"
                + " socket.onopen = () => { opened = true; socket.send(JSON.stringify({type: 'hello', protocol: 1,"
                + "   session: null, page: '/counter', query: ''})); };"
                + " socket.onmessage = m => { done({opened, type: JSON.parse(m.data).type}); socket.close(); };"
                + " socket.onclose = e => done({opened, code: e.code}); })", StreamClient.streamUri(port));
    }

    @Test
    void aPageOfAnotherSiteCannotOpenTheAppsWebSocket() throws Exception {
        // the app's own page may (the same script, so a refusal below is the origin's doing)
        open("/counter");
        assertThat(helloFrom(page)).containsEntry("opened", true).containsEntry("type", "session");

        // another site on this machine (another port: another origin), whose page tries the same
        HttpServer site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            byte[] body = "<!doctype html><title>another site</title>".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        site.start();
        try {
            List<String> console = new CopyOnWriteArrayList<>();
            page.onConsoleMessage(message -> console.add(message.text()));
            expectedConsoleError = "WebSocket connection to"; // Chromium logs the refused handshake
            page.navigate("http://127.0.0.1:" + site.getAddress().getPort() + "/");
            assertThat(helloFrom(page)).as("what the other site's page got").containsEntry("opened", false)
                    .containsEntry("code", 1006).doesNotContainKey("type");
            assertThat(console).as("Chromium's console").anyMatch(text -> text.contains("Unexpected response code: 403"));
        } finally {
            site.stop(0);
        }
    }
}
