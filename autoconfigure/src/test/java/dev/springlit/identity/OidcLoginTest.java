package dev.springlit.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import dev.springlit.oidc.app.OidcApp;
import dev.springlit.oidc.provider.OidcProvider;

/**
 * S12.2 and S12.3 with a real OpenID Connect provider (Spring Authorization Server on a random port) and the app
 * as its OAuth2 client: the whole authorization-code round trip over HTTP, then the tab over its WebSocket.
 */
class OidcLoginTest {

    private static final HttpClient SOCKETS = HttpClient.newHttpClient();
    private static ConfigurableApplicationContext provider;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        base = "http://127.0.0.1:" + port;
        provider = OidcProvider.start(base + "/login/oauth2/code/springlit-idp");
        int providerPort = ((WebServerApplicationContext) provider).getWebServer().getPort();
        app = OidcApp.start(port, "http://localhost:" + providerPort);
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
        if (provider != null) {
            provider.close();
        }
    }

    private static String cookieHeader(CookieManager cookies) {
        return cookies.getCookieStore().get(URI.create(base)).stream().map(HttpCookie::toString)
                .collect(Collectors.joining("; "));
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) throws Exception {
        return http.send(request.header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder post(String url, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static String csrfOf(String html) {
        Matcher matcher = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(html);
        assertThat(matcher.find()).as("a CSRF field in " + html).isTrue();
        return matcher.group(1);
    }

    @Test
    void s12_3_aCancelledOidcLoginComesBackToThePageWithAMessageAndTheSameSession() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        HttpClient stepByStep = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).build();
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/"))).statusCode()).isEqualTo(200);
        String session;
        try (Tab tab = new Tab(SOCKETS, base, "Cookie", cookieHeader(cookies))) {
            session = tab.hello("/", null, false);
            tab.awaitAll("user=anonymous", "note=none"); // the page is drawn before the visitor acts on it
            tab.send("{\"type\":\"navigate\",\"page\":\"/\",\"query\":\"?note=kept\"}");
            tab.await("note=kept");
        }
        // to the provider's authorization endpoint, where the visitor cancels: it answers access_denied
        HttpResponse<String> handOver = send(stepByStep, HttpRequest.newBuilder(URI.create(base
                + "/_springlit/login?page=%2F")));
        String authorization = handOver.headers().firstValue("Location").orElseThrow();
        HttpResponse<String> toProvider = send(stepByStep, HttpRequest.newBuilder(URI.create(base + authorization)));
        String authorize = toProvider.headers().firstValue("Location").orElseThrow();
        assertThat(authorize).startsWith("http://localhost:").contains("/oauth2/authorize?");
        String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");
        HttpResponse<String> back = send(browser, HttpRequest.newBuilder(URI.create(base
                + "/login/oauth2/code/springlit-idp?error=access_denied&error_description=" + encode("Cancelled by the user")
                + "&state=" + state)));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.uri().toString()).isEqualTo(base + "/");
        try (Tab tab = new Tab(SOCKETS, base, "Cookie", cookieHeader(cookies))) {
            assertThat(tab.hello("/", session, true)).as("the same session").isEqualTo(session);
            assertThat(tab.await("login_failed")).contains("Login failed:").contains("access_denied");
            tab.awaitAll("user=anonymous", "note=kept");
        }
    }

    @Test
    void s12_3_anOidcLoginComesBackToThePageInAFreshSessionWithTheUsersClaimsAndLogoutEndsIt() throws Exception {
        CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
        HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.ALWAYS).build();
        assertThat(send(browser, HttpRequest.newBuilder(URI.create(base + "/"))).statusCode()).isEqualTo(200);

        String before;
        String loginUrl;
        try (Tab tab = new Tab(SOCKETS, base, "Cookie", cookieHeader(cookies))) {
            before = tab.hello("/", null, false);
            tab.awaitAll("user=anonymous", "note=none");
            tab.send("{\"type\":\"navigate\",\"page\":\"/\",\"query\":\"?note=before-login\"}");
            tab.await("note=before-login");
            // st.login(): the tab is sent to the login hand-over, to come back to "/"
            tab.send("{\"type\":\"navigate\",\"page\":\"/\",\"query\":\"?login=1\"}");
            String redirect = tab.await("\"type\":\"redirect\"");
            assertThat(redirect).contains("\"method\":\"GET\"").contains("\"forget\":false");
            loginUrl = redirect.replaceAll(".*\"url\":\"([^\"]+)\".*", "$1").replace("\\u0026", "&");
            assertThat(loginUrl).isEqualTo("/_springlit/login?page=" + encode("/"));
        }

        // the browser follows: the hand-over, the provider's login form, the code coming back, the page
        HttpResponse<String> form = send(browser, HttpRequest.newBuilder(URI.create(base + loginUrl)));
        assertThat(form.uri().getHost()).isEqualTo("localhost");
        assertThat(form.uri().getPath()).isEqualTo("/login");
        HttpResponse<String> back = send(browser, post("http://localhost:" + form.uri().getPort() + "/login",
                "username=alice&password=alice-pw&_csrf=" + encode(csrfOf(form.body()))));
        assertThat(back.statusCode()).isEqualTo(200);
        assertThat(back.uri().toString()).isEqualTo(base + "/");

        // the tab reconnects with its old session id: Alice gets a fresh session, the note before login is gone
        String after;
        try (Tab tab = new Tab(SOCKETS, base, "Cookie", cookieHeader(cookies))) {
            after = tab.hello("/", before, true);
            assertThat(after).isNotEqualTo(before);
            tab.awaitAll("user=Alice Liddell email=alice@example.org sub=alice", "note=none");
            assertThat(tab.awaitAll("note=none")).doesNotContain("before-login");

            // st.logout(): post the app's logout form with the tab's CSRF token
            tab.send("{\"type\":\"navigate\",\"page\":\"/\",\"query\":\"?logout=1\"}");
            String redirect = tab.await("\"type\":\"redirect\"");
            assertThat(redirect).contains("\"url\":\"/logout\"").contains("\"method\":\"POST\"");
            String token = redirect.replaceAll(".*\"value\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> loggedOut = send(browser, post(base + "/logout", "_csrf=" + encode(token)));
            assertThat(loggedOut.statusCode()).isEqualTo(200);
            assertThat(loggedOut.uri().toString()).isEqualTo(base + "/");
        }
        try (Tab tab = new Tab(SOCKETS, base, "Cookie", cookieHeader(cookies))) {
            assertThat(tab.hello("/", after, true)).isNotEqualTo(after);
            tab.awaitAll("user=anonymous", "note=none");
        }
    }
}
