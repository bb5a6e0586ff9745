package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;

import dev.springlit.runtime.ClientConnection;
import dev.springlit.runtime.RunStatus;
import dev.springlit.runtime.ServerMessage;

/** A tab without a browser: keeps what the server says, so the tester can wait for runs and read errors. */
final class RecordingConnection implements ClientConnection {

    private final List<ServerMessage> messages = new ArrayList<>();
    private int finishedRuns;
    private RunStatus lastStatus;

    @Override
    public synchronized void send(ServerMessage message) {
        messages.add(message);
        if (message instanceof ServerMessage.Delta delta && delta.status() != null) {
            finishedRuns++;
            lastStatus = delta.status();
        }
        notifyAll();
    }

    @Override
    public synchronized void close(String reason) {
        messages.add(new ServerMessage.Error("closed", reason));
        notifyAll();
    }

    /** The last redirect the session sent, as "METHOD url". */
    synchronized java.util.Optional<String> lastRedirect() {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i) instanceof ServerMessage.Redirect redirect) {
                return java.util.Optional.of((redirect.post() ? "POST " : "GET ") + redirect.url());
            }
        }
        return java.util.Optional.empty();
    }

    synchronized int finishedRuns() {
        return finishedRuns;
    }

    synchronized RunStatus lastStatus() {
        return lastStatus;
    }

    /** The protocol errors the session reported (unknown widgets, bad values), oldest first. */
    synchronized List<String> errors() {
        List<String> errors = new ArrayList<>();
        for (ServerMessage message : messages) {
            if (message instanceof ServerMessage.Error error) {
                errors.add(error.code() + ": " + error.message());
            }
        }
        return errors;
    }

    /** Waits up to {@code millis} for a change; returns at once when notified. */
    synchronized void awaitChange(long millis) throws InterruptedException {
        if (millis > 0) {
            wait(millis);
        }
    }
}
