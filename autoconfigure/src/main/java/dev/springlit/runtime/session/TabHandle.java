package dev.springlit.runtime.session;

import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import dev.springlit.SessionHandle;
import dev.springlit.SessionState;
import dev.springlit.runtime.run.RunRequest;

/**
 * What {@code st.session()} returns: the session as code on other threads may use it (update its state, ask for
 * a rerun, see whether it is alive) and nothing else, so the internal {@link Session} (attach, send, navigate) is
 * not one cast away. Every method may be called from any thread.
 */
final class TabHandle implements SessionHandle {

    private final Session session;

    TabHandle(Session session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public CompletableFuture<Void> update(Consumer<SessionState> change, boolean rerun) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        RunRequest task = RunRequest.task(change, done);
        if (!session.enqueue(task)) {
            task.taskAbandoned(session.ended());
            return done;
        }
        if (rerun) {
            session.requestRerun();
        }
        return done;
    }

    @Override
    public void requestRerun() {
        session.requestRerun();
    }

    @Override
    public boolean isAlive() {
        return session.isAlive();
    }

    @Override
    public String toString() {
        return session.toString();
    }
}
