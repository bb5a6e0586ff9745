package dev.springlit.runtime;

import java.util.List;

import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;

/** What the server tells a tab (see docs/protocol.md). The web layer turns these into JSON and HTML. */
public sealed interface ServerMessage {

    /** The answer to {@code hello}: which session the tab has. {@code reset}: the whole tree follows. */
    record SessionAttached(String id, String page, String title, boolean reset) implements ServerMessage {
    }

    /** Changes to the page; a non-null {@code status} ends run number {@code run}. */
    record Delta(int run, List<Op> ops, RunStatus status) implements ServerMessage {
    }

    /** The session now shows another page. */
    record PageChanged(String path, String title) implements ServerMessage {
    }

    /** The session's query parameters changed: show {@code search} ("?a=1" or "") in the address bar. */
    record QueryChanged(String search) implements ServerMessage {
    }

    /** A client message was refused. */
    record Error(String code, String message) implements ServerMessage {
    }

    /** New sessions are refused for now. */
    record Busy(String message) implements ServerMessage {
    }

    /** One change to the element tree. */
    sealed interface Op {
    }

    /** Put {@code element} at {@code path} (replacing, or appending at the end). */
    record SetOp(ElementPath path, Element element) implements Op {
    }

    /** Remove the children of the container at {@code path} from index {@code length} on. */
    record TrimOp(ElementPath path, int length) implements Op {
    }

    /**
     * The run has drawn (changed or not) the element at {@code path}: the browser shows it and what comes before
     * it in the same root as current, not stale.
     */
    record ReachedOp(ElementPath path) implements Op {
    }
}
