package dev.springlit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.springlit.runtime.SpringlitEngine;

/** S12 against a running app with form login and CSRF protection, over real HTTP and WebSocket connections. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = IdentityApp.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = "streamlit.client.show-error-details=true")
class IdentityTest {

    private static final HttpClient SOCKETS = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(HttpClient http, String path, String auth) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20));
        if (auth != null) {
            request.header("Authorization", auth);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient browser(CookieManager cookies) {
        return HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    private String cookieHeader(CookieManager cookies) {
        return cookies.getCookieStore().get(URI.create(base())).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    private static String form(String... pairs) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < pairs.length; i += 2) {
            body.append(body.isEmpty() ? "" : "&").append(pairs[i]).append('=')
                    .append(URLEncoder.encode(pairs[i + 1], StandardCharsets.UTF_8));
        }
        return body.toString();
    }

    private static String csrfOf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in " + html).isTrue();
        return matcher.group(1);
    }

    @Test
    void s12_1_theContextComesFromTheHandshakeAndTheBrowserAndIsNotSpoofedByForwardedHeaders() throws Exception {
        try (Tab tab = new Tab(SOCKETS, base(), "Authorization", basic("user", "user-pw"),
                "Cookie", "JSESSIONID=not-shown; theme=blue", "X-Forwarded-For", "6.6.6.6", "Accept-Language", "de-CH")) {
            tab.send("{\"type\":\"context\",\"locales\":[\"fr-FR\",\"fr\"],\"timeZone\":\"Asia/Tokyo\",\"theme\":\"dark\"}");
            tab.hello("/", null, false);
            String delta = tab.awaitAll("user=user roles=[USER]", "zone=Asia/Tokyo", "forwarded=");
            assertThat(delta)
                    .contains("ip=127.0.0.1 zone=Asia/Tokyo locale=fr-FR theme=dark")
                    .contains("url=http://127.0.0.1:" + port + "/ headers=")
                    .contains("cookies=[theme] forwarded=6.6.6.6");
            String headers = delta.replaceAll("(?s).*headers=\\[([^\\]]*)\\].*", "$1");
            assertThat(headers).contains("accept-language", "x-forwarded-for", "origin")
                    .doesNotContain("authorization").doesNotContain("cookie");
            assertThat(delta).doesNotContain(basic("user", "user-pw").substring(6)).doesNotContain("not-shown");

            // the browser's theme flips: the page reruns and sees it
            tab.send("{\"type\":\"context\",\"locales\":[\"fr-FR\"],\"timeZone\":\"Asia/Tokyo\",\"theme\":\"light\"}");
            tab.await("theme=light");
            // nonsense is not an error: the server's defaults stand in
            tab.send("{\"type\":\"context\",\"locales\":[\"??\"],\"timeZone\":\"Nowhere/Else\",\"theme\":\"light\"}");
            String fallback = tab.await("zone=" + java.time.ZoneId.systemDefault());
            assertThat(fallback).contains("locale=fr-FR").doesNotContain("\"type\":\"error\"");
        }
        // without a browser report, Accept-Language speaks
        try (Tab tab = new Tab(SOCKETS, base(), "Accept-Language", "de-CH,de;q=0.8")) {
            tab.hello("/", null, false);
            tab.awaitAll("user=anonymous", "locale=de-CH");
        }
    }

    @Test
    void s12_4_pageRolesHideThePageAndRefuseNavigationSwitchPageAndGet() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        assertThat(get(http, "/", basic("user", "user-pw")).body()).contains("Who").doesNotContain("href=\"./admin\"");
        assertThat(get(http, "/", null).body()).doesNotContain("href=\"./admin\"");
        assertThat(get(http, "/", basic("admin", "admin-pw")).body()).contains("href=\"./admin\"");
        assertThat(get(http, "/admin", basic("user", "user-pw")).statusCode()).isEqualTo(403);
        assertThat(get(http, "/admin", null).statusCode()).as("anonymous: asked to log in").isIn(302, 401);
        assertThat(get(http, "/admin", basic("admin", "admin-pw")).statusCode()).isEqualTo(200);

        try (Tab tab = new Tab(SOCKETS, base(), "Authorization", basic("user", "user-pw"))) {
            tab.hello("/", null, false);
            tab.send("{\"type\":\"navigate\",\"page\":\"/admin\"}");
            assertThat(tab.await("\"type\":\"error\"")).contains("forbidden").contains("You may not open /admin.");
            tab.send("{\"type\":\"navigate\",\"page\":\"/to-admin\"}");
            assertThat(tab.await("switchPage(): you may not open /admin.")).doesNotContain("Admin area");
        }
        try (Tab tab = new Tab(SOCKETS, base(), "Authorization", basic("admin", "admin-pw"))) {
            tab.hello("/", null, false);
            tab.send("{\"type\":\"navigate\",\"page\":\"/to-admin\"}");
            tab.await("Admin area");
        }
    }

    @Test
    void s12_4_theStartupCheckReportsAPageWhoseRolesContradictTheHttpRules(CapturedOutput output) throws Exception {
        assertThat(get(HttpClient.newHttpClient(), "/locked", basic("admin", "admin-pw")).statusCode()).isEqualTo(403);
        assertThat(output.getAll()).contains("Page /locked").contains("asks for roles [ROLE_AUDITOR]")
                .contains("nobody can open it").doesNotContain("Page /admin ");
    }

    @Test
    void s12_3_loginComesBackToThePageInAFreshSessionAndLogoutDropsTheSession() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = browser(cookies);
        assertThat(get(http, "/", null).statusCode()).isEqualTo(200);
        String before;
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            before = tab.hello("/", null, false);
            tab.await("user=anonymous");
        }

        // st.login() sends the tab to /_springlit/login?page=…: the app's form login, then back to the page
        HttpResponse<String> login = get(http, "/_springlit/login?page=" + URLEncoder.encode("/?x=1", StandardCharsets.UTF_8), null);
        assertThat(login.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "user", "password", "user-pw",
                        "_csrf", csrfOf(login.body())))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.uri().getPath() + "?" + back.uri().getQuery()).isEqualTo("/?x=1");

        // the tab comes back with its old session id: a session never changes users, so it gets a fresh one
        String after;
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            after = tab.hello("/", before, true);
            assertThat(after).isNotEqualTo(before);
            tab.await("user=user roles=[USER]");

            // st.logout(): the tab is told to post the app's logout form with its CSRF token
            tab.send("{\"type\":\"navigate\",\"page\":\"/logout-now\"}");
            String redirect = tab.await("\"type\":\"redirect\"");
            assertThat(redirect).contains("\"url\":\"/logout\"").contains("\"method\":\"POST\"")
                    .contains("\"forget\":true").contains("\"name\":\"_csrf\"");
            String token = redirect.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> loggedOut = http.send(HttpRequest.newBuilder(URI.create(base() + "/logout"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(form("_csrf", token))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(loggedOut.statusCode()).isEqualTo(200);
            assertThat(loggedOut.uri().getPath()).isEqualTo("/");
        }
        // the logged-out session ends with its connection
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (engine.sessions().find(after).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(engine.sessions().find(after)).isEmpty();
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            assertThat(tab.hello("/", after, true)).isNotEqualTo(after);
            tab.await("user=anonymous");
        }
    }

    @Test
    void s12_3_aFailedLoginComesBackToThePageWithAClearMessageAndTheSessionIntact() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient http = browser(cookies);
        assertThat(get(http, "/", null).statusCode()).isEqualTo(200);
        String before;
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            before = tab.hello("/", null, false);
            tab.await("user=anonymous");
        }
        HttpResponse<String> login = get(http, "/_springlit/login?page=%2F", null);
        HttpResponse<String> back = http.send(HttpRequest.newBuilder(URI.create(base() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(form("username", "user", "password", "wrong",
                        "_csrf", csrfOf(login.body())))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.uri().getPath()).as("back on the page, not on the login form").isEqualTo("/");
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            assertThat(tab.hello("/", before, true)).as("the same session").isEqualTo(before);
            assertThat(tab.await("login_failed")).contains("Login failed: Bad credentials")
                    .contains("this tab's session is as you left it");
            tab.awaitAll("user=anonymous");
        }
        // the message is shown once
        try (Tab tab = new Tab(SOCKETS, base(), "Cookie", cookieHeader(cookies))) {
            tab.hello("/", before, true);
            assertThat(tab.awaitAll("user=anonymous")).doesNotContain("login_failed");
        }
    }

    @Test
    void s12_3_theLoginHandOverOnlyReturnsToTheAppsOwnPages() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String page : new String[] {"https://evil.example/", "//evil.example/", "/nope", "/?a=1%0d%0aSet-Cookie:x=1"}) {
            HttpResponse<String> response = get(http, "/_springlit/login?page=" + URLEncoder.encode(page,
                    StandardCharsets.UTF_8).replace("%250d%250a", "%0d%0a"), null);
            assertThat(response.statusCode()).as(page).isEqualTo(400);
        }
        assertThat(get(http, "/_springlit/login?page=%2F&registration=github", null).statusCode()).isEqualTo(400);
        HttpResponse<String> loggedIn = get(http, "/_springlit/login?page=%2Fadmin", basic("admin", "admin-pw"));
        assertThat(loggedIn.statusCode()).isEqualTo(303);
        assertThat(loggedIn.headers().firstValue("Location")).contains("/admin");
    }
}
