package dev.springlit.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.springlit.element.Element;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.test.ReceivedTree;

/**
 * A {@link ClientConnection} that keeps every message the session sends, for assertions, and applies them to the
 * page it shows, as a browser tab does. Thread-safe.
 */
final class RecordingConnection implements ClientConnection {

    private final List<ServerMessage> messages = new CopyOnWriteArrayList<>();
    private final ReceivedTree shown = new ReceivedTree();
    private volatile String closeReason;

    @Override
    public void send(ServerMessage message) {
        shown.receive(message);
        messages.add(message);
    }

    /** What the tab shows in its main body, from what it was sent. */
    List<Element> elements() {
        return shown.elements(0);
    }

    @Override
    public void close(String reason) {
        closeReason = reason;
    }

    List<ServerMessage> messages() {
        return List.copyOf(messages);
    }

    /** The messages of one type, in the order they were sent. */
    <M extends ServerMessage> List<M> messages(Class<M> type) {
        List<M> found = new ArrayList<>();
        for (ServerMessage message : messages) {
            if (type.isInstance(message)) {
                found.add(type.cast(message));
            }
        }
        return found;
    }

    /** The deltas that ended a run (non-null status), in order. */
    List<ServerMessage.Delta> runEnds() {
        return messages(ServerMessage.Delta.class).stream().filter(d -> d.status() != null).toList();
    }

    /** The refusals sent to the tab. */
    List<ServerMessage.Error> errors() {
        return messages(ServerMessage.Error.class);
    }

    String closeReason() {
        return closeReason;
    }

    boolean isClosed() {
        return closeReason != null;
    }
}
