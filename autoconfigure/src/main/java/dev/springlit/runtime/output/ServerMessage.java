package dev.springlit.runtime.output;

import java.util.List;

import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.identity.TabIdentity;

/** What the server tells a tab (see docs/protocol.md). The web layer turns these into JSON and HTML. */
public sealed interface ServerMessage {

    /**
     * The answer to {@code hello}: which session the tab has. {@code reset}: the whole tree follows. {@code seq}:
     * the last numbered interaction the session's committed state includes (the tab re-sends later ones, S9.3);
     * {@code received}: the highest number it has seen, where the tab's numbering goes on.
     */
    record SessionAttached(String id, String page, String title, boolean reset, long seq, long received)
            implements ServerMessage {

        /** A session whose tab numbers no interactions (S9.3): nothing acknowledged, nothing received. */
        public SessionAttached(String id, String page, String title, boolean reset) {
            this(id, page, title, reset, 0, 0);
        }
    }

    /**
     * Changes to the page; a non-null {@code status} ends run number {@code run}, and then {@code seq} is the last
     * numbered interaction the committed state includes (S9.3; 0 when the tab numbers none). {@code fragment} is
     * the path of the fragment block a fragment run redraws (its ops stay under it, S10.1), or {@code null}.
     */
    record Delta(int run, List<Op> ops, RunStatus status, long seq, ElementPath fragment) implements ServerMessage {

        public Delta(int run, List<Op> ops, RunStatus status) {
            this(run, ops, status, 0);
        }

        public Delta(int run, List<Op> ops, RunStatus status, long seq) {
            this(run, ops, status, seq, null);
        }
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

    /**
     * The tab is to leave for {@code url} ({@code st.login()}, {@code st.logout()}): a GET, or a POST of a form with
     * {@code token} (the CSRF field, may be null). {@code forget}: the tab drops its session id first.
     */
    record Redirect(String url, boolean post, TabIdentity.FormToken token, boolean forget) implements ServerMessage {
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
