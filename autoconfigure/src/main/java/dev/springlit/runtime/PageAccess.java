package dev.springlit.runtime;

import java.security.Principal;

/**
 * Who may open which page, and what a run of a user's session needs bound to its thread. The default lets
 * everyone open everything; with Spring Security on the classpath, the page paths are checked against the
 * application's own HTTP security rules, and runs see their user's {@code Authentication}.
 */
public interface PageAccess {

    /** Everyone may open every page; nothing is bound. */
    PageAccess OPEN = new PageAccess() {
    };

    /** Whether {@code user} (null: anonymous) may open {@code page}. */
    default boolean canOpen(PageDescriptor page, Principal user) {
        return true;
    }

    /** Binds what a run of {@code user}'s session needs (the security context); the result unbinds it. */
    default AutoCloseable bind(Principal user) {
        return () -> { };
    }
}
