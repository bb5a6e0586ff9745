package dev.springlit.runtime.page;

import java.security.Principal;

import dev.springlit.User;

/**
 * Who may open which page, and what a run of a user's session needs bound to its thread. The default lets
 * everyone open every page that names no roles; with Spring Security on the classpath, the page paths are also
 * checked against the application's own HTTP security rules, and runs see their user's {@code Authentication}.
 */
public interface PageAccess {

    /** Everyone may open every page without roles; nothing is bound. */
    PageAccess OPEN = new PageAccess() {
    };

    /** Whether {@code user} (null: anonymous) may open {@code page}. */
    default boolean canOpen(PageDescriptor page, Principal user) {
        return PageRoles.allow(page, user(user));
    }

    /** Binds what a run of {@code user}'s session needs (the security context); the result unbinds it. */
    default AutoCloseable bind(Principal user) {
        return () -> { };
    }

    /** The user {@code st.user()} shows for {@code principal} (null: anonymous). */
    default User user(Principal principal) {
        if (principal instanceof User user) {
            return user;
        }
        return principal == null || principal.getName() == null ? User.anonymous()
                : User.of(principal.getName(), java.util.Set.of(), java.util.Map.of());
    }

    /**
     * What a direct {@code GET} of a page {@code user} may not open throws, so the application's security answers
     * it as it answers its own refusals (a login for anonymous visitors, 403 for others); null: plain 403.
     */
    default RuntimeException refusal(PageDescriptor page, Principal user) {
        return null;
    }
}
