package dev.springlit.runtime.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * Who may wait for a tab's socket: the thread that delivers because it must know its messages went out (a run's end)
 * may write them itself; the flush thread, which streams for every tab, never waits for one.
 */
class OutboxTest {

    /** Records how each message was handed over, in order. */
    private static final class Tab implements ClientConnection {
        final List<String> calls = new ArrayList<>();

        @Override
        public void send(ServerMessage message) {
            calls.add("send " + ((ServerMessage.Error) message).code());
        }

        @Override
        public void sendWaiting(ServerMessage message) {
            calls.add("sendWaiting " + ((ServerMessage.Error) message).code());
        }

        @Override
        public void close(String reason) {
        }
    }

    @Test
    void deliverHandsEveryMessageInOrderToAConnectionThatMayWriteOnTheCallingThread() {
        Outbox outbox = new Outbox();
        Tab tab = new Tab();
        outbox.post(tab, new ServerMessage.Error("a", "first"));
        outbox.post(tab, new ServerMessage.Error("b", "second"));

        outbox.deliver();

        assertThat(tab.calls).containsExactly("sendWaiting a", "sendWaiting b");
    }

    @Test
    void deliverIfFreeAsTheFlushThreadDoesNeverLetsAConnectionWaitOnIt() {
        Outbox outbox = new Outbox();
        Tab tab = new Tab();
        outbox.post(tab, new ServerMessage.Error("a", "first"));

        outbox.deliverIfFree();
        outbox.post(tab, new ServerMessage.Error("b", "second"));
        outbox.deliverOn(Runnable::run);

        assertThat(tab.calls).containsExactly("send a", "send b");
    }

    @Test
    void aConnectionWithoutAWaitingSendGetsPlainSends() {
        List<ServerMessage> sent = new ArrayList<>();
        ClientConnection plain = new ClientConnection() {
            @Override
            public void send(ServerMessage message) {
                sent.add(message);
            }

            @Override
            public void close(String reason) {
            }
        };
        Outbox outbox = new Outbox();
        ServerMessage error = new ServerMessage.Error("a", "first");
        outbox.post(plain, error);

        outbox.deliver();

        assertThat(sent).containsExactly(error);
    }
}
