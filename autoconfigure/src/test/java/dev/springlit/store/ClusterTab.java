package dev.springlit.store;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.Text;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.Session;
import dev.springlit.runtime.SessionOpening;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.session.TabHello;

/**
 * One browser tab as the runtime sees it, for tests of sessions across nodes: it says hello to an engine, clicks
 * with numbered interactions (S9.3), records what it is sent and how it was closed.
 */
final class ClusterTab implements ClientConnection {

    private final List<ServerMessage> messages = new ArrayList<>();
    private final Consumer<ServerMessage.Delta> onRunEnd;
    private String closedWith;
    private boolean toldToReconnect;
    Session session;

    ClusterTab(Consumer<ServerMessage.Delta> onRunEnd) {
        this.onRunEnd = onRunEnd;
    }

    /** Says hello to {@code engine} for {@code sessionId} (null: a new tab) as a reconnecting tab does. */
    static ClusterTab open(SpringlitEngine engine, String sessionId) {
        return open(engine, sessionId, d -> { });
    }

    static ClusterTab open(SpringlitEngine engine, String sessionId, Consumer<ServerMessage.Delta> onRunEnd) {
        ClusterTab tab = connect(engine, sessionId, onRunEnd);
        tab.awaitIdle();
        return tab;
    }

    /** Says hello and returns at once, as a tab that goes on sending before its page is drawn. */
    static ClusterTab connect(SpringlitEngine engine, String sessionId, Consumer<ServerMessage.Delta> onRunEnd) {
        ClusterTab tab = new ClusterTab(onRunEnd);
        TabHello hello = new TabHello(sessionId, engine.pages().home().orElseThrow(), "", sessionId != null,
                Map.of(), null, null);
        SessionOpening.Outcome outcome = engine.opening().open(hello, tab, s -> tab.session = s);
        if (!(outcome instanceof SessionOpening.Opened)) {
            throw new AssertionError("refused: " + outcome);
        }
        return tab;
    }

    /**
     * This tab after its connection dropped, reconnected to {@code engine}: it still shows what it showed (its
     * messages so far) and says so in its hello (S9.2), as the browser does after a reconnect (not a reload).
     */
    ClusterTab movedTo(SpringlitEngine engine) {
        return movedTo(engine, engine.pages().home().orElseThrow().path(), "");
    }

    /** {@link #movedTo(SpringlitEngine)}, the tab's address showing {@code path} and {@code query}. */
    ClusterTab movedTo(SpringlitEngine engine, String path, String query) {
        ClusterTab moved = new ClusterTab(onRunEnd);
        moved.messages.addAll(messages());
        TabHello hello = new TabHello(session.id(), engine.pages().find(path).orElseThrow(), query, true, Map.of(),
                null, null, true, null);
        SessionOpening.Outcome outcome = engine.opening().open(hello, moved, s -> moved.session = s);
        if (!(outcome instanceof SessionOpening.Opened)) {
            throw new AssertionError("refused: " + outcome);
        }
        moved.awaitIdle();
        return moved;
    }

    /** What a reconnecting tab's hello for {@code sessionId} gets from {@code engine}. */
    static SessionOpening.Outcome hello(SpringlitEngine engine, String sessionId) {
        ClusterTab tab = new ClusterTab(d -> { });
        return engine.opening().open(new TabHello(sessionId, engine.pages().home().orElseThrow(), "", true, Map.of(),
                null, null), tab, s -> tab.session = s);
    }

    void click(String label, long seq) {
        session.interact(Map.of(), buttonId(label), seq);
        awaitIdle();
    }

    String buttonId(String label) {
        return elements().stream().filter(Button.class::isInstance).map(Button.class::cast)
                .filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + label + " in " + elements())).id();
    }

    /** The top level of the main area as this tab's messages built it (the tab is a client of the engine). */
    synchronized List<Element> elements() {
        List<Element> shown = new ArrayList<>();
        for (ServerMessage message : messages) {
            if (message instanceof ServerMessage.SessionAttached attached && attached.reset()) {
                shown.clear();
            }
            if (!(message instanceof ServerMessage.Delta delta)) {
                continue;
            }
            for (ServerMessage.Op op : delta.ops()) {
                if (op instanceof ServerMessage.SetOp set && set.path().depth() == 2 && set.path().root() == 0) {
                    int index = set.path().last();
                    while (shown.size() <= index) {
                        shown.add(null);
                    }
                    shown.set(index, set.element());
                } else if (op instanceof ServerMessage.TrimOp trim && trim.path().equals(dev.springlit.element.ElementPath.MAIN)) {
                    while (shown.size() > trim.length()) {
                        shown.remove(shown.size() - 1);
                    }
                }
            }
        }
        shown.removeIf(java.util.Objects::isNull);
        return shown;
    }

    /** The id of the first widget of {@code kind} ("text_input", "chat_input", ...) anywhere on the page. */
    synchronized String widgetId(String kind) {
        for (ServerMessage message : messages) {
            if (message instanceof ServerMessage.Delta delta) {
                for (ServerMessage.Op op : delta.ops()) {
                    if (op instanceof ServerMessage.SetOp set && set.element() instanceof dev.springlit.element.Widget w
                            && w.kind().equals(kind)) {
                        return w.id();
                    }
                }
            }
        }
        throw new AssertionError("no " + kind + " widget in " + messages);
    }

    /** The texts the tab shows. */
    List<String> texts() {
        return elements().stream().filter(Text.class::isInstance).map(e -> ((Text) e).text()).toList();
    }

    void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!session.isIdle() && session.isAlive()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the session did not become idle");
            }
            Thread.onSpinWait();
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void send(ServerMessage message) {
        messages.add(message);
        if (message instanceof ServerMessage.Delta delta && delta.status() != null) {
            onRunEnd.accept(delta);
        }
    }

    @Override
    public synchronized void close(String reason) {
        closedWith = reason;
    }

    @Override
    public synchronized void reconnect(String reason) {
        closedWith = reason;
        toldToReconnect = true;
    }

    synchronized List<ServerMessage> messages() {
        return new ArrayList<>(messages);
    }

    synchronized List<ServerMessage.Delta> runEnds() {
        return messages.stream().filter(ServerMessage.Delta.class::isInstance).map(ServerMessage.Delta.class::cast)
                .filter(d -> d.status() != null).toList();
    }

    synchronized List<ServerMessage.Error> errors() {
        return messages.stream().filter(ServerMessage.Error.class::isInstance).map(ServerMessage.Error.class::cast)
                .toList();
    }

    synchronized String closedWith() {
        return closedWith;
    }

    synchronized boolean toldToReconnect() {
        return toldToReconnect;
    }
}
