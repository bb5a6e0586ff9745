package dev.springlit.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;

/** The Host check guards every spelling of Springlit's paths that Spring MVC would route, and nothing else. */
class AllowedHostsFilterTest {

    private final PageRegistry pages = new PageRegistry(List.of(
            new PageDescriptor("/counter", "Counter", "", 0, "counter", st -> { })));
    private final AllowedHostsFilter filter = new AllowedHostsFilter(pages, List.of(), true);

    private int status(String uri, String host) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
        request.addHeader("Host", host);
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void springlitsPathsInEverySpellingAreGuarded() throws Exception {
        for (String uri : List.of("/counter", "/counter;jsessionid=1", "/_springlit/stream", "/_springlit;x=1/stream",
                "/%5Fspringlit/stream", "/_springlit/static/springlit.js", "/_springlit/upload/abc", "/_springlit")) {
            assertThat(status(uri, "evil.example:8080")).as(uri).isEqualTo(403);
            assertThat(status(uri, "localhost:8080")).as(uri).isEqualTo(200);
        }
    }

    @Test
    void theApplicationsOwnPathsAreLeftAlone() throws Exception {
        assertThat(status("/api/orders", "evil.example:8080")).isEqualTo(200);
        assertThat(status("/counter/more", "evil.example:8080")).isEqualTo(200);
    }

    @Test
    void theRefusalExplainsWithoutEchoingTheHost() throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/counter");
        request.addHeader("Host", "evil.example");
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        assertThat(response.getContentAsString()).contains("does not answer to the host name", "allowed-hosts")
                .doesNotContain("evil");
        assertThat(response.getContentType()).startsWith("text/plain");
    }
}
