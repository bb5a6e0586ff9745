package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.web.http.Routes;

/**
 * A new tab's shell is rendered once per page, base and sidebar and then served as it is, yet a visitor never sees
 * another visitor's sidebar or CSRF token.
 */
class PageShellTest {

    private static final PageDescriptor HOME = new PageDescriptor("/", "Home", "", 0, "home", st -> { });
    private static final PageDescriptor ADMIN = new PageDescriptor("/admin", "Admin", "", 1, "admin", st -> { });

    /** Only signed-in users see the admin page. */
    private static final PageAccess SIGNED_IN_SEE_ADMIN = new PageAccess() {
        @Override
        public boolean canOpen(PageDescriptor page, Principal user) {
            return page != ADMIN || user != null;
        }
    };

    private final PageShell shell = new PageShell(new PageRegistry(List.of(HOME, ADMIN)),
            new SpringlitTemplates().engine(), "App", new Routes("v1"), () -> SIGNED_IN_SEE_ADMIN);

    /** The shell's HTML as the GET sends it. */
    private String html(PageDescriptor page, MockHttpServletRequest request) {
        return new String(shell.shell(page, request).utf8(), StandardCharsets.UTF_8);
    }

    @Test
    void theSameShellIsServedAgainWithoutRenderingIt() {
        ShellBytes first = shell.shell(HOME, new MockHttpServletRequest("GET", "/"));
        ShellBytes second = shell.shell(HOME, new MockHttpServletRequest("GET", "/"));
        assertThat(second).isSameAs(first);
        assertThat(html(HOME, new MockHttpServletRequest("GET", "/"))).contains("<title>Home</title>");
    }

    @Test
    void aVisitorWhoseSidebarDiffersGetsTheirOwnShell() {
        String anonymous = html(HOME, new MockHttpServletRequest("GET", "/"));
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/");
        signedIn.setUserPrincipal(() -> "ada");
        String ada = html(HOME, signedIn);
        assertThat(ada).contains("Admin");
        assertThat(anonymous).doesNotContain("Admin");
        assertThat(html(HOME, new MockHttpServletRequest("GET", "/"))).doesNotContain("Admin");
    }

    @Test
    void aShellWithACsrfTokenIsNeverServedToAnotherVisitor() {
        MockHttpServletRequest withToken = new MockHttpServletRequest("GET", "/");
        withToken.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-1"));
        assertThat(html(HOME, withToken)).contains("secret-1");

        MockHttpServletRequest otherToken = new MockHttpServletRequest("GET", "/");
        otherToken.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-2"));
        assertThat(html(HOME, otherToken)).contains("secret-2").doesNotContain("secret-1");
        assertThat(html(HOME, new MockHttpServletRequest("GET", "/"))).doesNotContain("secret-");
    }

    @Test
    void aShellUnderAnotherContextPathHasItsOwnBase() {
        String root = html(HOME, new MockHttpServletRequest("GET", "/"));
        MockHttpServletRequest underApp = new MockHttpServletRequest("GET", "/app/");
        underApp.setContextPath("/app");
        assertThat(html(HOME, underApp)).contains("<base href=\"/app/\">");
        assertThat(root).contains("<base href=\"/\">");
    }

    @Test
    void theGetSendsTheShellAsUtf8BytesWithTheirExactLengthAndNoStoreRenderedOrCached() throws Exception {
        PageDescriptor counter = new PageDescriptor("/", "Zähler", "🔢", 0, "counter", st -> { });
        PageShell shell = new PageShell(new PageRegistry(List.of(counter)), new SpringlitTemplates().engine(),
                "Äpp für Zähler", new Routes("v1"), () -> new PageAccess() { });
        MockMvc mvc = MockMvcBuilders.routerFunctions(shell.routes()).build();
        String first = null;
        for (int get = 0; get < 2; get++) { // rendered, then served from the cache
            MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.get("/")).andReturn().getResponse();
            byte[] body = response.getContentAsByteArray();
            String html = new String(body, StandardCharsets.UTF_8);
            assertThat(response.getStatus()).isEqualTo(200);
            assertThat(response.getHeaderNames()).containsExactlyInAnyOrder("Content-Type", "Content-Length",
                    "Cache-Control");
            assertThat(response.getHeader("Content-Type")).isEqualTo("text/html;charset=UTF-8");
            assertThat(response.getHeader("Cache-Control")).isEqualTo("no-store");
            assertThat(response.getHeader("Content-Length")).as("bytes, not characters")
                    .isEqualTo(String.valueOf(body.length));
            assertThat(body.length).isGreaterThan(html.length());
            assertThat(html).startsWith("<!DOCTYPE html>").contains("<title>Zähler").contains("Äpp für Zähler")
                    .contains("🔢").endsWith("</html>\n");
            if (first == null) {
                first = html;
            }
            assertThat(html).isEqualTo(first);
        }
    }
}
