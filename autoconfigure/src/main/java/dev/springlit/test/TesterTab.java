package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;

/**
 * The page tester's browser tab: a {@link ClientConnection} that applies what the server sends as the browser does
 * (ops to its {@link ClientTree}, the page and query parameters to its address bar) and counts ended runs, so the
 * tester reads only what a user would see.
 * <p>
 * Threading: the session's outbox calls {@link #send} from one thread at a time; the test thread reads. Both go
 * through this object's monitor, and every change wakes {@link #awaitChange}.
 */
final class TesterTab implements ClientConnection {

    private final ClientTree tree = new ClientTree();
    private final List<String> errors = new ArrayList<>();
    private int finishedRuns;
    private RunStatus lastStatus;
    private String page;
    private String search;
    private String lastRedirect;

    TesterTab(String search) {
        this.search = search == null ? "" : search;
    }

    @Override
    public synchronized void send(ServerMessage message) {
        if (message instanceof ServerMessage.Delta delta) {
            for (ServerMessage.Op op : delta.ops()) {
                if (!tree.apply(op)) {
                    errors.add("bad_op: the tab cannot apply " + op); // the browser logs and skips it too
                }
            }
            if (delta.status() != null) {
                finishedRuns++;
                lastStatus = delta.status();
            }
        } else if (message instanceof ServerMessage.SessionAttached attached) {
            if (attached.reset()) {
                tree.clear();
            }
            page = attached.page();
        } else if (message instanceof ServerMessage.PageChanged changed) {
            if (!changed.path().equals(page)) {
                search = ""; // the browser's address bar shows the new page's path alone
            }
            page = changed.path();
        } else if (message instanceof ServerMessage.QueryChanged query) {
            search = query.search();
        } else if (message instanceof ServerMessage.Error error) {
            errors.add(error.code() + ": " + error.message());
        } else if (message instanceof ServerMessage.Redirect redirect) {
            lastRedirect = (redirect.post() ? "POST " : "GET ") + redirect.url(); // the browser would leave
        }
        notifyAll();
    }

    @Override
    public synchronized void close(String reason) {
        errors.add("closed: " + reason);
        notifyAll();
    }

    /** Where st.login() or st.logout() last sent the tab, as "METHOD url". */
    synchronized java.util.Optional<String> lastRedirect() {
        return java.util.Optional.ofNullable(lastRedirect);
    }

    synchronized int finishedRuns() {
        return finishedRuns;
    }

    synchronized RunStatus lastStatus() {
        return lastStatus;
    }

    /** The protocol errors the session reported (unknown widgets, bad values), oldest first. */
    synchronized List<String> errors() {
        return new ArrayList<>(errors);
    }

    /** The path of the page the tab shows. */
    synchronized String page() {
        return page;
    }

    /** The address bar's query parameters ("?a=1", or ""). */
    synchronized String search() {
        return search;
    }

    /** The user changed the address bar's query parameters. */
    synchronized void setSearch(String search) {
        this.search = search == null ? "" : search;
    }

    synchronized List<Element> elementsUnder(ElementPath path) {
        return tree.elementsUnder(path);
    }

    synchronized Map<ElementPath, Block> blocks(int root) {
        return tree.blocks(root);
    }

    /** Waits up to {@code millis} for a change; returns at once when notified. */
    synchronized void awaitChange(long millis) throws InterruptedException {
        if (millis > 0) {
            wait(millis);
        }
    }
}
