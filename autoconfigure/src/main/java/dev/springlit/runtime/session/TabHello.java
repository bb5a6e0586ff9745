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
 * @param adopt     the adoption token of the first run its page's GET rendered, or null
 */
public record TabHello(String sessionId, PageDescriptor page, String query, boolean reclaim,
                       Map<String, Object> widgets, Principal user, String address, String adopt) {

    /** A hello that adopts no server-rendered first run. */
    public TabHello(String sessionId, PageDescriptor page, String query, boolean reclaim,
                    Map<String, Object> widgets, Principal user, String address) {
        this(sessionId, page, query, reclaim, widgets, user, address, null);
    }

    /** What a page's {@code GET} knows of a new tab: a pending session is opened with it (no session, no widgets). */
    public static TabHello ofPageRequest(PageDescriptor page, String query, Principal user, String address) {
        return new TabHello(null, page, query, false, null, user, address, null);
    }
}
