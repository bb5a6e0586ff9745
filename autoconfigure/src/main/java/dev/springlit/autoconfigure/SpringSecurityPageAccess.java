package dev.springlit.autoconfigure;

import java.security.Principal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;
import org.springframework.util.ClassUtils;

import dev.springlit.User;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRoles;

/**
 * Pages obey the application's own Spring Security rules on their paths and the roles their
 * {@code @StreamlitPage(roles = …)} names: whoever may not {@code GET /admin} does not see the page in the
 * sidebar, cannot navigate to it over the WebSocket and cannot be switched to it. A run executes with its user's
 * {@code Authentication} in the {@code SecurityContextHolder}, so pages and {@code @PreAuthorize} services see who
 * is there, and {@code st.user()} shows it; an anonymous visitor's run sees the
 * {@code AnonymousAuthenticationToken} ({@code anonymousUser}, {@code ROLE_ANONYMOUS}) that Spring Security's
 * {@code AnonymousAuthenticationFilter} gives the visitor's requests.
 */
final class SpringSecurityPageAccess implements PageAccess {

    private static final Authentication ANONYMOUS = new AnonymousAuthenticationToken("springlit", "anonymousUser",
            List.of(new SimpleGrantedAuthority("ROLE_ANONYMOUS")));
    private static final boolean OAUTH2 = ClassUtils.isPresent(
            "org.springframework.security.oauth2.core.user.OAuth2User", SpringSecurityPageAccess.class.getClassLoader());

    /** What a bind that found its user's context on the thread already undoes: nothing. */
    private static final AutoCloseable UNCHANGED = () -> { };

    private final WebInvocationPrivilegeEvaluator privileges;

    SpringSecurityPageAccess(WebInvocationPrivilegeEvaluator privileges) {
        this.privileges = privileges;
    }

    /** The user's Authentication; a page tester's {@link User} becomes one with its authorities. */
    private static Authentication authentication(Principal user) {
        if (user instanceof Authentication authentication) {
            return authentication;
        }
        if (user instanceof User tester && tester.isLoggedIn()) {
            return UsernamePasswordAuthenticationToken.authenticated(tester.username(), null,
                    AuthorityUtils.createAuthorityList(tester.authorities()));
        }
        return ANONYMOUS;
    }

    @Override
    public boolean canOpen(PageDescriptor page, Principal user) {
        return privileges.isAllowed(page.path(), authentication(user)) && PageRoles.allow(page, user(user));
    }

    @Override
    public User user(Principal principal) {
        if (principal instanceof User user) {
            return user;
        }
        Authentication authentication = authentication(principal);
        if (authentication instanceof AnonymousAuthenticationToken || !authentication.isAuthenticated()
                || authentication.getName() == null) {
            return User.anonymous();
        }
        Set<String> authorities = new LinkedHashSet<>();
        for (GrantedAuthority authority : authentication.getAuthorities()) {
            if (authority.getAuthority() != null) {
                authorities.add(authority.getAuthority());
            }
        }
        Map<String, Object> claims = OAUTH2 ? OAuth2Claims.of(authentication.getPrincipal()) : Map.of();
        return User.of(authentication.getName(), authorities, claims);
    }

    /** Spring Security answers it: a login for anonymous visitors, 403 for users without the rights. */
    @Override
    public RuntimeException refusal(PageDescriptor page, Principal user) {
        return new AccessDeniedException("You may not open " + page.path() + ".");
    }

    /**
     * An anonymous visitor's run sees Spring Security's anonymous authentication, as the visitor's requests do. A run
     * on a request thread (a new tab's first run, on its page's GET) gives the request its own context back after;
     * when the request already is this user's, nothing is set at all. On a run thread the context it finds is its
     * own from the last run, emptied: nothing of a run stays on the thread, and the thread-local is only set, never
     * cleared and created again (as {@code getContext()} after {@code clearContext()} would, every run).
     */
    @Override
    public AutoCloseable bind(Principal user) {
        Authentication authentication = authentication(user);
        SecurityContext previous = SecurityContextHolder.getContext();
        if (previous.getAuthentication() == authentication) {
            return UNCHANGED;
        }
        RunSecurityContext context = new RunSecurityContext(authentication);
        SecurityContextHolder.setContext(context);
        if (previous.getAuthentication() == null) {
            return context; // a run thread (or a request nobody authenticated): emptied, it stays for the next run
        }
        return () -> SecurityContextHolder.setContext(previous);
    }

    /**
     * The context a run sees; the run's end empties it (a new one is made for the next run, so a thread a page
     * started with the context inherited never sees another user's).
     */
    private static final class RunSecurityContext extends SecurityContextImpl implements AutoCloseable {

        RunSecurityContext(Authentication authentication) {
            super(authentication);
        }

        @Override
        public void close() {
            setAuthentication(null);
        }
    }
}
