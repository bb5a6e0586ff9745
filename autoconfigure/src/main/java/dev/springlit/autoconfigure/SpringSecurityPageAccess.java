package dev.springlit.autoconfigure;

import java.security.Principal;
import java.util.List;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import dev.springlit.runtime.PageAccess;
import dev.springlit.runtime.PageDescriptor;

/**
 * Pages obey the application's own Spring Security rules on their paths: whoever may not
 * {@code GET /admin} does not see the page in the sidebar, cannot navigate to it over the WebSocket and
 * cannot be switched to it. A run executes with its user's {@code Authentication} in the
 * {@code SecurityContextHolder}, so pages and {@code @PreAuthorize} services see who is there; an anonymous
 * visitor's run sees the {@code AnonymousAuthenticationToken} ({@code anonymousUser}, {@code ROLE_ANONYMOUS}) that
 * Spring Security's {@code AnonymousAuthenticationFilter} gives the visitor's requests.
 */
final class SpringSecurityPageAccess implements PageAccess {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("springlit", "anonymousUser",
            List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));

    private final WebInvocationPrivilegeEvaluator privileges;

    SpringSecurityPageAccess(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    private static Authentication authentication(Principal user) {
        return user instanceof Authentication authentication ? authentication : ANONYMOUS;
    }

    @Override
    public boolean canOpen(PageDescriptor page, Principal user) {
        return privileges.isAllowed(page.path(), authentication(user));
    }

    /** An anonymous visitor's run sees Spring Security's anonymous authentication, as the visitor's requests do. */
    @Override
    public AutoCloseable bind(Principal user) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(authentication(user));
        SecurityContextHolder.setContext(context);
        return SecurityContextHolder::clearContext;
    }
}
