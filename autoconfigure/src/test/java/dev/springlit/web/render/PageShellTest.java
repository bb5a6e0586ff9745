package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.Principal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.DefaultCsrfToken;

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

    @Test
    void theSameShellIsServedAgainWithoutRenderingIt() {
        String first = shell.render(HOME, new MockHttpServletRequest("GET", "/"));
        String second = shell.render(HOME, new MockHttpServletRequest("GET", "/"));
        assertThat(second).isSameAs(first).contains("<title>Home</title>");
    }

    @Test
    void aVisitorWhoseSidebarDiffersGetsTheirOwnShell() {
        String anonymous = shell.render(HOME, new MockHttpServletRequest("GET", "/"));
        MockHttpServletRequest signedIn = new MockHttpServletRequest("GET", "/");
        signedIn.setUserPrincipal(() -> "ada");
        String ada = shell.render(HOME, signedIn);
        assertThat(ada).contains("Admin");
        assertThat(anonymous).doesNotContain("Admin");
        assertThat(shell.render(HOME, new MockHttpServletRequest("GET", "/"))).doesNotContain("Admin");
    }

    @Test
    void aShellWithACsrfTokenIsNeverServedToAnotherVisitor() {
        MockHttpServletRequest withToken = new MockHttpServletRequest("GET", "/");
        withToken.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-1"));
        assertThat(shell.render(HOME, withToken)).contains("secret-1");

        MockHttpServletRequest otherToken = new MockHttpServletRequest("GET", "/");
        otherToken.setAttribute(CsrfToken.class.getName(), new DefaultCsrfToken("X-CSRF-TOKEN", "_csrf", "secret-2"));
        assertThat(shell.render(HOME, otherToken)).contains("secret-2").doesNotContain("secret-1");
        assertThat(shell.render(HOME, new MockHttpServletRequest("GET", "/"))).doesNotContain("secret-");
    }

    @Test
    void aShellUnderAnotherContextPathHasItsOwnBase() {
        String root = shell.render(HOME, new MockHttpServletRequest("GET", "/"));
        MockHttpServletRequest underApp = new MockHttpServletRequest("GET", "/app/");
        underApp.setContextPath("/app");
        assertThat(shell.render(HOME, underApp)).contains("<base href=\"/app/\">");
        assertThat(root).contains("<base href=\"/\">");
    }
}
