package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Security headers without Spring Security (issue 12, item 7): the shell of every kind of page, the client's
 * script and style, Chart.js, a download and the "page not found" page carry a strict Content-Security-Policy
 * (no inline script or style, frames only from the app itself), X-Frame-Options, nosniff and a Referrer-Policy,
 * each exactly once.
 */
// the dashboard's cold first run can take longer than the default 500 ms wait on a loaded machine; the shell this
// test reads must carry that run (its charts' and tables' data blocks), so the GET waits for it
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.server.first-render-wait=20s")
class SecurityHeadersIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Pattern DOWNLOAD = Pattern.compile("data-sl-widget=\"([^\"]+)\" data-sl-kind=\"download_button\"");

    @LocalServerPort
    int port;

    private HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Accept", "text/html,*/*;q=0.8").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void assertSecurityHeaders(String what, HttpResponse<String> response) {
        var headers = response.headers();
        assertThat(headers.allValues("Content-Security-Policy")).as(what).singleElement().asString()
                .contains("default-src 'self'", "script-src 'self';", "style-src 'self';", "connect-src 'self'",
                        "object-src 'none'", "frame-ancestors 'self'")
                .doesNotContain("unsafe-inline", "unsafe-eval");
        assertThat(headers.allValues("X-Frame-Options")).as(what).containsExactly("SAMEORIGIN");
        assertThat(headers.allValues("X-Content-Type-Options")).as(what).containsExactly("nosniff");
        assertThat(headers.allValues("Referrer-Policy")).as(what).containsExactly("same-origin");
    }

    @Test
    void everySpringlitResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : new String[] {"/", "/counter", "/dashboard", "/widgets",
                "/_springlit/static/springlit.js?v=0.1.0", "/_springlit/static/springlit.css",
                "/_springlit/static/chartjs/chart.umd.js", "/_springlit/static/0.1.0/springlit.js",
                "/_springlit/static/0.1.0/widgets/kinds.js", "/_springlit/static/0.1.0/chartjs/chart.umd.js"}) {
            HttpResponse<String> response = get(path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertSecurityHeaders(path, response);
        }
        // the per-family sheets arrive joined into the one the shell links (StylesheetImports)
        assertThat(get("/_springlit/static/0.1.0/springlit.css").body()).doesNotContain("@import")
                .contains(".sl-pills", ".sl-chat-message");
        HttpResponse<String> missing = get("/no-such-page");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found");
        assertSecurityHeaders("the 404 page", missing);

        try (StreamClient tab = StreamClient.connect(port)) {
            tab.hello(null, "/widgets", false);
            String session = tab.awaitType("session").path("id").asString();
            tab.awaitRunEnd();
            Matcher m = DOWNLOAD.matcher(tab.screen());
            assertThat(m.find()).isTrue();
            HttpResponse<String> download = get("/_springlit/download/" + session + "?widget="
                    + URLEncoder.encode(ProtocolFuzzIT.unescape(m.group(1)), StandardCharsets.UTF_8));
            assertThat(download.statusCode()).isEqualTo(200);
            assertSecurityHeaders("a download", download);
        }
    }

    @Test
    void theShellNeedsNothingInline() throws Exception {
        String shell = get("/dashboard").body();
        // One module script from the app itself and no inline script, handler or style attribute; the rest are JSON
        // data blocks, which never run (the server-rendered first run and its charts' and tables' data)
        List<String> scripts = Pattern.compile("<script\\b[^>]*>").matcher(shell).results().map(r -> r.group()).toList();
        assertThat(scripts.stream().filter(s -> !s.contains("type=\"application/json\"")).toList())
                .singleElement().asString().contains("type=\"module\"").contains("src=\"./_springlit/static/0.1.0/springlit.js\"");
        assertThat(scripts).as("the page's first run came with it")
                .contains("<script type=\"application/json\" id=\"sl-first-run\">");
        // (data-sl-style is not a style attribute: the client applies it)
        assertThat(shell).doesNotContainPattern("\\son[a-z]+=").doesNotContainPattern("\\sstyle=");
    }
}
