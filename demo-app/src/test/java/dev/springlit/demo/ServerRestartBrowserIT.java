package dev.springlit.demo;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import com.microsoft.playwright.Locator;

/**
 * The server restarts while a tab is open: the tab reconnects by itself, keeps working, and its widgets keep
 * the values the user gave them (S1.5; restarted in this JVM, the memory store also gives the session back
 * whole when its values are serializable, S9.8).
 */
class ServerRestartBrowserIT extends BrowserSupport {

    private ConfigurableApplicationContext app;

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private ConfigurableApplicationContext start() {
        return new SpringApplicationBuilder(DemoApplication.class).run("--server.port=" + port,
                "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
    }

    @BeforeEach
    void startServer() throws IOException {
        port = freePort();
        app = start();
    }

    /** Runs before BrowserSupport's own @AfterEach: the tab goes first, or its reconnect attempts log errors. */
    @AfterEach
    void stopServer() {
        if (context != null) {
            context.close();
            context = null;
        }
        if (app != null) {
            app.close();
        }
    }

    @Override
    String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    @Test
    void aTabReconnectsAfterARestartKeepsItsWidgetValuesAndKeepsWorking() {
        open("/widgets");
        Locator number = page.getByLabel("Number", new com.microsoft.playwright.Page.GetByLabelOptions().setExact(true));
        int before = finishedRuns();
        number.fill("7");
        number.press("Enter");
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main")).containsText("numberInput: 7");

        app.close();
        assertThat(page.locator("body")).hasAttribute("data-sl-connection", "disconnected");
        app = start();

        assertThat(page.locator("body")).hasAttribute("data-sl-connection", "connected");
        awaitIdle();
        assertThat(page.locator("#sl-main")).containsText("numberInput: 7");
        before = finishedRuns();
        number.fill("8");
        number.press("Enter");
        awaitRunsAfter(before);
        assertThat(page.locator("#sl-main")).containsText("numberInput: 8");
        // the browser logs the failed reconnection attempts while the server was down; nothing else may fail
        scriptErrors.removeIf(error -> error.contains("WebSocket") || error.contains("ERR_CONNECTION_REFUSED"));
    }
}
