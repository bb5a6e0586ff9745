package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * DNS rebinding (issue 12, item 8): a page at {@code http://evil.example:PORT} whose name the attacker re-points
 * to 127.0.0.1 is same-origin with itself, so its requests carry {@code Origin} and {@code Host} =
 * {@code evil.example:PORT}. Against a server bound to loopback, every such request (the page, the client
 * script, the WebSocket handshake, an upload into a real tab's uploader) is refused with 403 for a few seconds
 * of attack, while a tab opened at localhost keeps every click; afterwards localhost and 127.0.0.1 still work.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "server.address=127.0.0.1")
class DnsRebindingIT {

    private static final Pattern UPLOADER = Pattern.compile(
            "data-sl-widget=\"([^\"]+)\" data-sl-kind=\"file_uploader\"");

    @LocalServerPort
    int port;

    private String evil() {
        return "evil.example:" + port;
    }

    @Test
    void requestsForAnotherHostNameAreRefusedWhileTheRealTabKeepsEveryClick() throws Exception {
        String session;
        String uploader;
        try (StreamClient victim = StreamClient.connect(port)) {
            victim.hello(null, "/widgets", false);
            session = victim.awaitType("session").path("id").asString();
            victim.awaitRunEnd();
            Matcher m = UPLOADER.matcher(victim.screen());
            assertThat(m.find()).as("the widgets page has an uploader").isTrue();
            uploader = ProtocolFuzzIT.unescape(m.group(1));

            String uploadPath = "/_springlit/upload/" + session + "?widget="
                    + URLEncoder.encode(uploader, StandardCharsets.UTF_8);
            ConcurrentMap<String, Integer> statuses = new ConcurrentHashMap<>();
            AtomicInteger attacks = new AtomicInteger();
            AtomicBoolean stop = new AtomicBoolean();
            List<Throwable> attackerErrors = new ArrayList<>();
            Thread attacker = new Thread(() -> {
                try {
                    while (!stop.get()) {
                        record("page", RawHttp.get(port, evil(), "/counter"), statuses);
                        record("script", RawHttp.get(port, evil(), "/_springlit/static/springlit.js"), statuses);
                        record("handshake", RawHttp.handshake(port, evil(), "http://" + evil()), statuses);
                        Map<String, String> headers = new LinkedHashMap<>();
                        headers.put("Host", evil());
                        headers.put("Origin", "http://" + evil());
                        headers.put("Content-Type", "text/plain");
                        headers.put("X-Springlit-Filename", "planted.txt");
                        record("upload", RawHttp.send(port, "POST", uploadPath, headers,
                                "planted by evil.example".getBytes(StandardCharsets.UTF_8)), statuses);
                        attacks.incrementAndGet();
                    }
                } catch (Throwable e) {
                    attackerErrors.add(e);
                }
            }, "dns-rebinding-attacker");
            attacker.start();

            // The real tab, opened at localhost, clicks all through the attack; every click counts.
            try (StreamClient tab = StreamClient.connect(port)) {
                tab.hello(null, "/counter", false);
                tab.awaitType("session");
                tab.awaitRunEnd();
                String increment = tab.buttonId("Increment");
                long start = System.nanoTime();
                int clicks = 0;
                while (System.nanoTime() - start < 3_000_000_000L) {
                    tab.click(increment);
                    clicks++;
                    String expected = "Count = " + clicks;
                    tab.await(expected, msg -> tab.screen().contains(expected));
                    Thread.sleep(20); // a person's pace, well under the tab's message rate limit
                }
                stop.set(true);
                attacker.join(15_000);
                assertThat(attackerErrors).isEmpty();
                assertThat(tab.screen()).contains("Count = " + clicks);
                System.out.println("DnsRebindingIT: " + attacks.get() + " rounds of forged-Host requests, statuses "
                        + statuses + "; the localhost tab's " + clicks + " clicks all counted");
            }
            assertThat(attacks.get()).isPositive();
            assertThat(statuses).containsOnlyKeys("page 403", "script 403", "handshake 403", "upload 403");
            // Nothing was planted in the victim's uploader.
            victim.send(Map.of("type", "rerun", "widgets", Map.of()));
            victim.awaitRunEnd();
            assertThat(victim.screen()).contains("(no file)").doesNotContain("planted");
        }

        // The refusal says why, and the server's own names still work.
        RawHttp.Response refused = RawHttp.get(port, evil(), "/counter");
        assertThat(refused.body()).contains("does not answer to the host name").contains("allowed-hosts")
                .doesNotContain("evil.example");
        for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "localhost")) {
            assertThat(RawHttp.get(port, host, "/counter").status()).as(host).isEqualTo(200);
            assertThat(RawHttp.get(port, host, "/_springlit/static/springlit.js").status()).as(host).isEqualTo(200);
        }
        assertThat(RawHttp.handshake(port, "localhost:" + port, "http://localhost:" + port).status()).isEqualTo(101);
        assertThat(RawHttp.handshake(port, "127.0.0.1:" + port, "http://127.0.0.1:" + port).status()).isEqualTo(101);
        try (StreamClient after = StreamClient.connect(port)) {
            after.hello(null, "/counter", false);
            after.awaitRunEnd();
            after.click(after.buttonId("Increment"));
            after.await("Count = 1", msg -> after.screen().contains("Count = 1"));
        }
    }

    private static void record(String what, RawHttp.Response response, ConcurrentMap<String, Integer> statuses) {
        statuses.merge(what + " " + response.status(), 1, Integer::sum);
    }
}
