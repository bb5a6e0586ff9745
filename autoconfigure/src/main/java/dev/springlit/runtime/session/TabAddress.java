package dev.springlit.runtime.session;

import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.RunRequest;

/**
 * Where a session's tab is, as its address bar says: the page it shows and its query parameters; and how that
 * changes: a followed link or back/forward ({@link #navigate}), {@code st.switchPage} ({@link #switchedTo}), the
 * address bar itself ({@link #setQuery}). A change of page is told to the tab; a navigation also runs the page.
 * <p>
 * Threading: the page is one volatile reference, read by every thread; the query parameters guard themselves.
 */
public final class TabAddress {

    private final Session session;
    private final SessionQuery query;
    private volatile PageDescriptor page;

    TabAddress(Session session, PageDescriptor page) {
        this.session = session;
        this.query = new SessionQuery(session);
        this.page = page;
    }

    PageDescriptor page() {
        return page;
    }

    SessionQuery query() {
        return query;
    }

    /** Takes the query parameters from the tab's address bar ({@code location.search}). */
    public void setQuery(String search) {
        query.replaceFrom(search);
    }

    /** Shows another page with the given query parameters (a followed link, back/forward) and runs it. */
    public void navigate(PageDescriptor target, String search) {
        session.parking().touch();
        setQuery(search);
        navigate(target);
    }

    /** Shows another page in this session (same state) and runs it. */
    public void navigate(PageDescriptor target) {
        page = target;
        session.send(new ServerMessage.PageChanged(target.path(), target.title()));
        session.enqueue(RunRequest.rerun());
    }

    /** st.switchPage took effect: the session shows {@code target}, without the old page's query parameters. */
    void switchedTo(PageDescriptor target) {
        page = target;
        query.replaceFrom("");
        session.send(new ServerMessage.PageChanged(target.path(), target.title()));
    }
}
