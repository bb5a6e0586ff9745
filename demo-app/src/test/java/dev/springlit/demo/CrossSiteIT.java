package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Cross-site and cross-session (issue 8): uploads and downloads are bound to the session that drew the widget,
 * a file uploaded in one session cannot be claimed by another, and session ids, which are what authorize all
 * of it, are 128-bit random values.
 */
// 1,000 sessions from one address besides the others': past the default max-sessions-per-address
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.max-sessions-per-address=0")
class CrossSiteIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern SESSION_ID = Pattern.compile("[A-Za-z0-9_-]{22}");

    @LocalServerPort
    int port;

    private static String widgetId(String screen, String kind) {
        Matcher element = Pattern.compile("data-sl-widget=\"([^\"]+)\" data-sl-kind=\"" + kind + "\"").matcher(screen);
        if (!element.find()) {
            throw new AssertionError("No " + kind + " in " + screen);
        }
        return ProtocolFuzzIT.unescape(element.group(1));
    }

    private HttpResponse<String> upload(String session, String widget, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/_springlit/upload/" + session + "?widget=" + URLEncoder.encode(widget, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .header("X-Springlit-Filename", "secret.txt")
                .POST(HttpRequest.BodyPublishers.ofString("the secret of tab A"));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> download(String session, String widget) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_springlit/download/" + session
                + "?widget=" + URLEncoder.encode(widget, StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void uploadsAndDownloadsBelongToTheSessionThatDrewTheWidget() throws Exception {
        String origin = StreamClient.sameOrigin(port);
        try (StreamClient a = StreamClient.connect(port); StreamClient b = StreamClient.connect(port);
             StreamClient counter = StreamClient.connect(port)) {
            a.hello(null, "/widgets", false);
            String sessionA = a.awaitType("session").path("id").asString();
            a.awaitRunEnd();
            b.hello(null, "/widgets", false);
            b.awaitType("session");
            b.awaitRunEnd();
            counter.hello(null, "/counter", false);
            String sessionC = counter.awaitType("session").path("id").asString();
            counter.awaitRunEnd();
            String uploader = widgetId(a.screen(), "file_uploader");
            String downloadButton = widgetId(a.screen(), "download_button");

            // Tab A uploads a file; its upload id is all tab B would need, but B cannot claim it.
            HttpResponse<String> uploaded = upload(sessionA, uploader, origin);
            assertThat(uploaded.statusCode()).isEqualTo(200);
            String fileId = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(uploaded.body()).results().findFirst()
                    .orElseThrow().group(1);
            b.send(Map.of("type", "rerun", "widgets", Map.of(uploader, List.of(fileId))));
            JsonNode refused = b.awaitError("bad_value");
            assertThat(refused.path("message").asString()).contains("no uploaded file");
            b.awaitRunEnd();
            assertThat(b.screen()).doesNotContain("the secret of tab A").contains("(no file)");
            // A itself can.
            a.send(Map.of("type", "rerun", "widgets", Map.of(uploader, List.of(fileId))));
            a.await("the uploaded text", m -> a.screen().contains("the secret of tab A"));

            // A session whose page has no such widget gets neither an upload nor a download.
            assertThat(upload(sessionC, uploader, origin).statusCode()).isEqualTo(404);
            assertThat(download(sessionC, downloadButton).statusCode()).isEqualTo(404);
            // Nor does a guessed or foreign-looking session id, nor another site's page.
            String guessed = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[16]);
            assertThat(upload(guessed, uploader, origin).statusCode()).isEqualTo(404);
            assertThat(download(guessed, downloadButton).statusCode()).isEqualTo(404);
            assertThat(upload(sessionA, uploader, "http://evil.example").statusCode()).isEqualTo(403);
            assertThat(upload(sessionA, uploader, "null").statusCode()).isEqualTo(403);
            // The owner still gets its download.
            assertThat(download(sessionA, downloadButton).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aMalformedOriginIsRefusedWith403NotA500() throws Exception {
        String malformed = "http://127.0.0.1:" + port + ".evil.example";
        RawHttp.Response handshake = RawHttp.handshake(port, "localhost:" + port, malformed);
        assertThat(handshake.status()).isEqualTo(403);
        assertThat(handshake.body()).contains("not a valid origin").doesNotContain("Exception", "\tat ");
        try (StreamClient a = StreamClient.connect(port)) {
            a.hello(null, "/widgets", false);
            String session = a.awaitType("session").path("id").asString();
            a.awaitRunEnd();
            String uploader = widgetId(a.screen(), "file_uploader");
            HttpResponse<String> upload = upload(session, uploader, malformed);
            assertThat(upload.statusCode()).isEqualTo(403);
            assertThat(upload.body()).doesNotContain("Exception");
        }
        // A well-formed origin of the page itself still opens the stream.
        assertThat(RawHttp.handshake(port, "localhost:" + port, "http://localhost:" + port).status()).isEqualTo(101);
    }

    @Test
    void aSessionIdIsOnlyReclaimedByItsOwnTab() {
        try (StreamClient a = StreamClient.connect(port)) {
            a.hello(null, "/counter", false);
            String sessionA = a.awaitType("session").path("id").asString();
            a.awaitRunEnd();
            a.click(a.buttonId("Increment"));
            a.await("Count = 1", m -> a.screen().contains("Count = 1"));
            // Another tab that got hold of the id, but does not claim to be A's refresh, gets a session of its own.
            try (StreamClient other = StreamClient.connect(port)) {
                other.hello(sessionA, "/counter", false);
                assertThat(other.awaitType("session").path("id").asString()).isNotEqualTo(sessionA);
                other.awaitRunEnd();
                assertThat(other.screen()).contains("Count = 0");
            }
        }
    }

    @Test
    void sessionIdsAre128BitRandomValues() {
        int count = 1_000;
        List<String> ids = TabSockets.openAndAbandon(HttpClient.newHttpClient(), port, "/counter", count, 50);
        Set<String> distinct = new HashSet<>(ids);
        assertThat(distinct).hasSize(count);
        int[] ones = new int[128];
        for (String id : ids) {
            assertThat(id).matches(SESSION_ID);
            byte[] bits = Base64.getUrlDecoder().decode(id);
            assertThat(bits).hasSize(16);
            for (int i = 0; i < 128; i++) {
                ones[i] += (bits[i / 8] >> (i % 8)) & 1;
            }
        }
        // Every one of the 128 bits varies like a coin (each within 6 standard deviations of half).
        for (int i = 0; i < 128; i++) {
            assertThat(ones[i]).as("ids with bit %d set", i).isBetween(400, 600);
        }
        System.out.println("CrossSiteIT: " + count + " session ids, all distinct, 22 base64url characters, each of "
                + "their 128 bits set in 400 to 600 of them");
    }
}
