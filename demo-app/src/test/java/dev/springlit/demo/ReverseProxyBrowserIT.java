package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import dev.springlit.demo.cluster.NginxProcess;

/**
 * Issue 15: the demo behind a real nginx that serves it under {@code /myapp} (passing {@code X-Forwarded-Prefix},
 * {@code X-Forwarded-Proto} and the browser's {@code Host}), with {@code server.forward-headers-strategy=framework}:
 * the same steps as at the root, through the proxy, with the Host allow-list (only {@code 127.0.0.1}, the name the
 * browser uses) and the WebSocket Origin check on.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {"server.forward-headers-strategy=framework", "streamlit.server.allowed-hosts=127.0.0.1"})
class ReverseProxyBrowserIT extends BrowserSupport {

    private static final String PREFIX = "/myapp";
    private static NginxProcess nginx;

    @BeforeEach
    void startProxy() throws Exception {
        if (nginx == null) {
            nginx = NginxProcess.start(List.of(port), NginxProcess.Balancing.FAILOVER, PREFIX);
        }
    }

    @AfterAll
    static void stopProxy() {
        if (nginx != null) {
            nginx.close();
            nginx = null;
        }
    }

    private DeployedDemoScenario demo() {
        return new DeployedDemoScenario(page, "http://127.0.0.1:" + nginx.port() + PREFIX);
    }

    @Test
    void theShellItsStylesheetAndTheStreamLoadUnderTheProxyPrefix() {
        demo().shellLoadsUnderTheBase();
    }

    @Test
    void markdownLinksToPagesStayUnderTheProxyPrefix() {
        demo().markdownLinksStayUnderTheBase();
    }

    @Test
    void navigationCounterSwitchPageAndQueryParametersStayUnderTheProxyPrefix() {
        demo().navigationCounterAndQueryParameters();
    }

    @Test
    void uploadAndDownloadWorkThroughTheProxy() throws Exception {
        demo().uploadAndDownload();
    }

    @Test
    void aDroppedConnectionReconnectsThroughTheProxy() {
        demo().reconnectKeepsTheSession();
    }

    @Test
    void theNotFoundPageLinksToThePagesUnderTheProxyPrefix() {
        expectedConsoleError = "404";
        demo().notFoundPageLinksUnderTheBase();
    }

    @Test
    void theWebSocketOriginCheckStillRefusesAForeignSiteThroughTheProxy() {
        CompletionException refused = catchThrowableOfType(CompletionException.class, () -> HttpClient.newHttpClient()
                .newWebSocketBuilder().header("Origin", "http://evil.example")
                .buildAsync(URI.create("ws://127.0.0.1:" + nginx.port() + PREFIX + "/_springlit/stream"),
                        new WebSocket.Listener() {
                        })
                .join());
        assertThat(refused).as("the handshake from a foreign origin").isNotNull();
        assertThat(refused.getCause()).isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode()).isEqualTo(403);
    }

    @Test
    void theHostAllowListStillRefusesAnotherNameThroughTheProxy() throws Exception {
        String evil = "evil.example:" + nginx.port();
        assertThat(RawHttp.get(nginx.port(), evil, PREFIX + "/counter").status()).isEqualTo(403);
        java.util.Map<String, String> handshake = new java.util.LinkedHashMap<>();
        handshake.put("Host", evil);
        handshake.put("Upgrade", "websocket");
        handshake.put("Connection", "Upgrade");
        handshake.put("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==");
        handshake.put("Sec-WebSocket-Version", "13");
        handshake.put("Origin", "http://" + evil);
        assertThat(RawHttp.send(nginx.port(), "GET", PREFIX + "/_springlit/stream", handshake, null).status())
                .isEqualTo(403);
        assertThat(RawHttp.get(nginx.port(), "127.0.0.1:" + nginx.port(), PREFIX + "/counter").status())
                .as("the name the browser uses").isEqualTo(200);
    }
}
