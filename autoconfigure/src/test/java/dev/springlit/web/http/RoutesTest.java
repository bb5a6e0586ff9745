package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.http.HttpServletRequest;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.filter.ForwardedHeaderFilter;

/** Issue 15: every URL the server emits comes from Routes, relative to the app's root as the browser reached it. */
class RoutesTest {

    private final Routes routes = new Routes("0.1.0");

    /** The request as the app sees it behind Spring's ForwardedHeaderFilter (server.forward-headers-strategy=framework). */
    private static HttpServletRequest forwarded(MockHttpServletRequest request) throws Exception {
        AtomicReference<HttpServletRequest> seen = new AtomicReference<>();
        new ForwardedHeaderFilter().doFilter(request, new MockHttpServletResponse(),
                new MockFilterChain() {
                    @Override
                    public void doFilter(jakarta.servlet.ServletRequest req, jakarta.servlet.ServletResponse res) {
                        seen.set((HttpServletRequest) req);
                    }
                });
        return seen.get();
    }

    @Test
    void theBaseIsTheContextPathOrTheProxysPrefix() throws Exception {
        assertThat(routes.base(new MockHttpServletRequest("GET", "/counter"))).isEqualTo("/");
        MockHttpServletRequest underApp = new MockHttpServletRequest("GET", "/app/counter");
        underApp.setContextPath("/app");
        assertThat(routes.base(underApp)).isEqualTo("/app/");

        MockHttpServletRequest proxied = new MockHttpServletRequest("GET", "/counter");
        proxied.addHeader("X-Forwarded-Prefix", "/myapp");
        assertThat(routes.base(forwarded(proxied))).isEqualTo("/myapp/");
    }

    @Test
    void aForgedPrefixCannotMoveTheBaseToAnotherOrigin() throws Exception {
        MockHttpServletRequest forged = new MockHttpServletRequest("GET", "/counter");
        forged.addHeader("X-Forwarded-Prefix", "//evil.example");
        assertThat(routes.base(forwarded(forged))).isEqualTo("/");
    }

    @Test
    void everyUrlIsRelativeToTheBase() {
        assertThat(Routes.page("/")).isEqualTo("./");
        assertThat(Routes.page("/counter")).isEqualTo("./counter");
        assertThat(Routes.page("/a:b")).as("never read as a URL scheme").isEqualTo("./a:b");
        assertThat(routes.stream()).isEqualTo("./_springlit/stream");
        assertThat(routes.asset("springlit.css")).isEqualTo("./_springlit/static/0.1.0/springlit.css");
        assertThat(routes.upload("s1", "$$k:my key")).isEqualTo("./_springlit/upload/s1?widget=%24%24k%3Amy%20key");
        assertThat(routes.download("s1", "w&1", "ab12")).isEqualTo("./_springlit/download/s1?widget=w%261&v=ab12");
    }

    @Test
    void aRootRelativeUrlAPageWritesStaysInTheApp() {
        assertThat(Routes.inApp("/counter")).isEqualTo("./counter");
        assertThat(Routes.inApp("/images/logo.png")).isEqualTo("./images/logo.png");
        assertThat(Routes.inApp("//cdn.example/x")).as("another host").isEqualTo("//cdn.example/x");
        assertThat(Routes.inApp("/\\evil.example")).as("read as //evil.example by browsers").isEqualTo("/\\evil.example");
        assertThat(Routes.inApp("https://example.com/")).isEqualTo("https://example.com/");
        assertThat(Routes.inApp("counter")).isEqualTo("counter");
    }
}
