package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.ContentDisposition;

/**
 * Download file names a page built from user input (CR/LF, NUL, bidi overrides, quotes) give a clean
 * Content-Disposition over HTTP, never a 500 or a forged header; a tab beside them keeps counting.
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "springlit-test.download-page=true")
class DownloadNamesIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern DOWNLOAD = Pattern.compile("data-sl-widget=\"([^\"]+)\" data-sl-kind=\"download_button\"");

    @LocalServerPort
    int port;

    @Test
    void hostileDownloadNamesGiveACleanContentDisposition() throws Exception {
        try (StreamClient tab = StreamClient.connect(port); StreamClient probe = StreamClient.connect(port)) {
            probe.hello(null, "/counter", false);
            probe.awaitType("session");
            probe.awaitRunEnd();
            String increment = probe.buttonId("Increment");

            tab.hello(null, "/test-downloads", false);
            String session = tab.awaitType("session").path("id").asString();
            tab.awaitRunEnd();
            List<String> widgets = DOWNLOAD.matcher(tab.screen()).results()
                    .map(m -> ProtocolFuzzIT.unescape(m.group(1))).toList();
            assertThat(widgets).hasSize(HostileDownloadTestPage.NAMES.size());

            for (int i = 0; i < widgets.size(); i++) {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/_springlit/download/" + session + "?widget=" + URLEncoder.encode(widgets.get(i),
                        StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
                String expected = HostileDownloadTestPage.NAMES.get(i)[1];

                assertThat(response.statusCode()).as("download %d", i).isEqualTo(200);
                assertThat(response.body()).isEqualTo("content " + i);
                assertThat(response.headers().firstValue("Set-Cookie")).as("no forged header").isEmpty();
                List<String> dispositions = response.headers().allValues("Content-Disposition");
                assertThat(dispositions).hasSize(1);
                String header = dispositions.get(0);
                assertThat(header).startsWith("attachment;").doesNotContain("\r", "\n", "\u0000", "\u202E");
                // filename= is Spring's ISO-8859-1 fallback, filename*= the RFC 5987 UTF-8 name
                assertThat(header.chars()).as("only printable ISO-8859-1 in the header: %s", header)
                        .allMatch(c -> c >= 0x20 && c != 0x7f && c <= 0xff);
                assertThat(header).contains("filename*=UTF-8''");
                assertThat(ContentDisposition.parse(header).getFilename()).as("the name the browser saves as")
                        .isEqualTo(expected);

                probe.click(increment);
                int count = i + 1;
                probe.await("Count = " + count, m -> probe.screen().contains("Count = " + count));
            }
        }
    }
}
