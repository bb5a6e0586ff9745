package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Widget values and file transfers against the live server: bad values get a clear error and leave the
 * session intact; uploads are bound to their session and limited by {@code streamlit.server.max-upload-size}.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.max-upload-size=1KB")
class WidgetProtocolIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    private static String widgetId(String screen, String kind, String label) {
        Matcher element = Pattern.compile("<div[^>]*data-sl-kind=\"" + kind + "\"[^>]*>").matcher(screen);
        while (element.find()) {
            int end = screen.indexOf("</div></div>", element.start());
            String html = screen.substring(element.start(), end < 0 ? screen.length() : end);
            if (html.contains(label)) {
                Matcher id = Pattern.compile("data-sl-widget=\"([^\"]+)\"").matcher(element.group());
                if (id.find()) {
                    return id.group(1).replace("&#36;", "$");
                }
            }
        }
        throw new AssertionError("No " + kind + " \"" + label + "\" in " + screen);
    }

    private HttpResponse<String> upload(String session, String widget, String name, byte[] body, String origin)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/_springlit/upload/"
                        + session + "?widget=" + URLEncoder.encode(widget, StandardCharsets.UTF_8)))
                .header("Content-Type", "text/plain")
                .header("X-Springlit-Filename", URLEncoder.encode(name, StandardCharsets.UTF_8))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (origin != null) {
            request.header("Origin", origin);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void badWidgetValuesGetAnErrorAndTheSessionGoesOn() {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/widgets", false);
            tab.awaitRunEnd();
            String number = widgetId(tab.screen(), "number_input", "Number");
            String slider = widgetId(tab.screen(), "slider", "Slider");
            tab.send(Map.of("type", "rerun", "widgets", Map.of(number, "five")));
            assertThat(tab.awaitError("bad_value").path("message").asString()).contains("expected a number");
            tab.send(Map.of("type", "rerun", "widgets", Map.of(slider, 1000)));
            assertThat(tab.awaitError("bad_value").path("message").asString()).contains("outside the range [0, 100]");
            tab.send(Map.of("type", "rerun", "widgets", Map.of("$$w:number_input:nope", 1)));
            tab.awaitError("unknown_widget");
            tab.send(Map.of("type", "rerun", "widgets", Map.of(number, 7)));
            tab.await("numberInput: 7", message -> StreamClient.html(message).contains("numberInput: 7"));
        }
    }

    @Test
    void uploadsAreLimitedTypedAndBoundToTheirSession() throws Exception {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/widgets", false);
            String session = tab.awaitType("session").path("id").asString();
            tab.awaitRunEnd();
            String uploader = widgetId(tab.screen(), "file_uploader", "Upload a text file");
            String origin = StreamClient.sameOrigin(port);

            HttpResponse<String> tooLarge = upload(session, uploader, "big.txt", new byte[2048], origin);
            assertThat(tooLarge.statusCode()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("streamlit.server.max-upload-size");

            assertThat(upload(session, uploader, "tool.exe", new byte[] {1}, origin).statusCode()).isEqualTo(415);
            assertThat(upload("not-a-session", uploader, "a.txt", new byte[] {1}, origin).statusCode()).isEqualTo(404);
            assertThat(upload(session, uploader, "a.txt", new byte[] {1}, "http://evil.example").statusCode())
                    .isEqualTo(403);

            HttpResponse<String> ok = upload(session, uploader, "hello.txt", "hi from a file".getBytes(), origin);
            assertThat(ok.statusCode()).isEqualTo(200);
            String id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(ok.body()).results().findFirst()
                    .orElseThrow().group(1);
            tab.send(Map.of("type", "rerun", "widgets", Map.of(uploader, java.util.List.of(id))));
            tab.await("the uploaded text", message -> StreamClient.html(message).contains("hi from a file"));
        }
    }

    @Test
    void aDownloadButtonServesItsBytesToItsOwnSessionOnly() throws Exception {
        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/widgets", false);
            String session = tab.awaitType("session").path("id").asString();
            tab.awaitRunEnd();
            String button = widgetId(tab.screen(), "download_button", "Download a greeting");
            String query = "?widget=" + URLEncoder.encode(button, StandardCharsets.UTF_8);
            HttpResponse<String> download = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/_springlit/download/" + session + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.body()).isEqualTo("Hello from Springlit!");
            assertThat(download.headers().firstValue("Content-Disposition")).get().asString()
                    .contains("attachment").contains("greeting.txt");
            HttpResponse<String> other = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/_springlit/download/someone-else" + query)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(other.statusCode()).isEqualTo(404);
        }
    }
}
