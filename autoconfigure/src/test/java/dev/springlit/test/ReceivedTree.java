package dev.springlit.test;

import java.util.List;

import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.output.ServerMessage;

/**
 * The page a test tab shows, built only from the messages it received, with the page tester's own
 * {@link ClientTree}: the runtime's tests read what their tab was sent, as the browser and the tester's tab do,
 * never the server's copy. Thread-safe: the session's outbox delivers while the test thread reads.
 */
public final class ReceivedTree {

    private final ClientTree tree = new ClientTree();

    /** Applies a message the tab received: a session answer with {@code reset} empties the page, a delta changes it. */
    public synchronized void receive(ServerMessage message) {
        if (message instanceof ServerMessage.SessionAttached attached && attached.reset()) {
            tree.clear();
        } else if (message instanceof ServerMessage.Delta delta) {
            for (ServerMessage.Op op : delta.ops()) {
                if (!tree.apply(op)) {
                    throw new IllegalStateException("The tab cannot apply " + op);
                }
            }
        }
    }

    /** The elements under root {@code root} (0: the main body, 1: the sidebar), depth first in document order. */
    public synchronized List<Element> elements(int root) {
        return tree.elementsUnder(ElementPath.root(root));
    }
}
