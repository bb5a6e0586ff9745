package dev.springlit.runtime.session;

import java.security.Principal;
import java.util.Map;

import dev.springlit.runtime.page.PageDescriptor;

/**
 * What a tab says when it connects, as the runtime needs it to pick its session.
 *
 * @param sessionId the session the tab had, or null
 * @param page      the page it asks for (already checked: it exists and the user may open it)
 * @param query     its query parameters ({@code location.search})
 * @param reclaim   whether the tab owned the session a moment ago (a refresh or a reconnect), not a duplicate
 * @param widgets   its widgets' values, used only if its session is gone (S1.5); may be null
 * @param user      the signed-in user of the connection, or null
 * @param address   the client address, for the per-address limit; may be null
 * @param shown     whether the tab still shows what its session's last run drew (a reconnect, not a reload): a
 *                  node taking the session over from the store then need not draw it again (S9.2)
 * @param adopt     the adoption token of the first run its page's GET rendered, or null
 */
public record TabHello(String sessionId, PageDescriptor page, String query, boolean reclaim,
                       Map<String, Object> widgets, Principal user, String address, boolean shown, String adopt) {

    /** A tab that shows nothing of its session yet (a new tab, a reload) and adopts no server-rendered first run. */
    public TabHello(String sessionId, PageDescriptor page, String query, boolean reclaim, Map<String, Object> widgets,
                    Principal user, String address) {
        this(sessionId, page, query, reclaim, widgets, user, address, false, null);
    }

    /** What a page's {@code GET} knows of a new tab: a pending session is opened with it (no session, no widgets). */
    public static TabHello ofPageRequest(PageDescriptor page, String query, Principal user, String address) {
        return new TabHello(null, page, query, false, null, user, address, false, null);
    }
}
