package dev.springlit.runtime.session;

import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.run.RunTab;

/**
 * What the runtime's tests look at inside a session that no client sees: the copy of what its tab shows, its tab
 * as the runs see it, the registry's sweep. Test code only, so that {@code Session} keeps these
 * package-private.
 */
public final class SessionPeek {

    private SessionPeek() {
    }

    public static PageOutput output(Session session) {
        return session.tab().output();
    }

    public static RunTab tab(Session session) {
        return session.tab();
    }

    /** One sweep of the housekeeping thread's expiry, now. */
    public static void expireParked(SessionRegistry sessions) {
        sessions.expireParked();
    }
}
