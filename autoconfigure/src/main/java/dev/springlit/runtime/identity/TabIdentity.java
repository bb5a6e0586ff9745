package dev.springlit.runtime.identity;

/**
 * Who a session's tab is and where it is, beside the session's state: its {@link TabContext} (replaced whole by
 * each handshake and browser report), the form token the tab's logout must carry, and whether it logged out.
 * Written by the connection's thread, read by runs: each field is one volatile reference.
 */
public final class TabIdentity {

    private volatile TabContext context = TabContext.serverDefaults();
    private volatile FormToken logoutToken;
    private volatile boolean loggedOut;
    /** Whether a page read the context ({@code st.context()}): a pending session's tab then reruns it once. */
    private volatile boolean contextRead;

    public TabContext context() {
        return context;
    }

    /** The context as a page reads it, remembering that it did. */
    public TabContext contextForPage() {
        contextRead = true;
        return context;
    }

    /** Whether a page has read the context since the session began. */
    public boolean wasContextRead() {
        return contextRead;
    }

    public void setContext(TabContext context) {
        this.context = context;
    }

    /** The CSRF token a logout form of this tab sends, or null when the app has no CSRF protection. */
    public FormToken logoutToken() {
        return logoutToken;
    }

    public void setLogoutToken(FormToken logoutToken) {
        this.logoutToken = logoutToken;
    }

    /** Whether a run called {@code st.logout()}: the session ends with its connection. */
    public boolean hasLoggedOut() {
        return loggedOut;
    }

    public void markLoggedOut() {
        loggedOut = true;
    }

    /**
     * A hidden form field: its name and value.
     *
     * @param parameter the field's name, such as {@code _csrf}
     * @param value     its value
     */
    public record FormToken(String parameter, String value) {
    }
}
