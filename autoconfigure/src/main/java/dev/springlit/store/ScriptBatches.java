package dev.springlit.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.output.IntegerOutput;
import io.lettuce.core.protocol.AsyncCommand;
import io.lettuce.core.protocol.Command;
import io.lettuce.core.protocol.CommandArgs;
import io.lettuce.core.protocol.CommandType;
import io.lettuce.core.protocol.RedisCommand;

/**
 * Script calls of many sessions' commits sent to Redis together (issue 14). While calls are on their way, the ones
 * made meanwhile wait here, and the moment the last answer of those on their way is read (on Lettuce's event loop)
 * they all leave in one write: one flush and one system call on each side instead of one per commit, and, as that
 * write happens on the event loop itself, no task handed to it. A lone commit leaves at once, as before. The calls
 * go on the connection Spring's factory shares, so no connection of our own is opened and none is left to close.
 *
 * <p>A call that waited past the timeout here or on its way fails then (and is dropped if it has not left yet), as
 * {@link LettuceScripting#evalAsync} does; Redis may still run one already sent, which the caller's ledger allows
 * for. Which sessions' calls share a batch changes nothing: each is its own script call with its own version check,
 * and a session has at most one commit on its way.
 *
 * <p>Threading: any thread sends; answers complete, and the next batch leaves, on Lettuce's event loop.
 */
final class ScriptBatches {

    private final Supplier<StatefulConnection<byte[], byte[]>> connection;
    private final long timeoutMillis;
    private final Queue<Call> waiting = new ConcurrentLinkedQueue<>();
    /** Calls sent and not answered yet; the one whose answer brings it to 0 sends what waits. */
    private final AtomicInteger onTheirWay = new AtomicInteger();

    ScriptBatches(Supplier<StatefulConnection<byte[], byte[]>> connection, long timeoutMillis) {
        this.connection = connection;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * Calls the script {@code sha} (an INTEGER reply) on {@code key} with {@code args}, with the next batch; the answer
     * completes on Lettuce's event loop, or exceptionally (a {@code TimeoutException} past the timeout, Redis's error
     * as a {@code RedisCommandExecutionException}, a failed connection).
     */
    CompletableFuture<Long> send(String sha, byte[] key, byte[][] args) {
        Call call = new Call(sha, key, args);
        call.answer.orTimeout(timeoutMillis, TimeUnit.MILLISECONDS).whenComplete((landed, failed) -> {
            if (failed != null && call.command != null) {
                call.command.cancel(); // nothing waits for it any more; Lettuce drops its answer
            }
        });
        waiting.add(call);
        if (onTheirWay.get() == 0) {
            sendWaiting();
        }
        return call.answer;
    }

    private void sendWaiting() {
        List<Call> batch = new ArrayList<>();
        for (Call call = waiting.poll(); call != null; call = waiting.poll()) {
            if (!call.answer.isDone()) { // timed out while it waited: never sent
                batch.add(call);
            }
        }
        if (batch.isEmpty()) {
            return;
        }
        onTheirWay.addAndGet(batch.size());
        List<RedisCommand<byte[], byte[], ?>> commands = new ArrayList<>(batch.size());
        for (Call call : batch) {
            commands.add(call.command());
        }
        try {
            connection.get().dispatch(commands);
        } catch (RuntimeException failed) {
            for (Call call : batch) {
                call.command.completeExceptionally(failed);
            }
        }
    }

    /** One script call: its command once it leaves, and the answer its caller waits for. */
    private final class Call {

        private final String sha;
        private final byte[] key;
        private final byte[][] args;
        private final CompletableFuture<Long> answer = new CompletableFuture<>();
        private volatile AsyncCommand<byte[], byte[], Long> command;

        private Call(String sha, byte[] key, byte[][] args) {
            this.sha = sha;
            this.key = key;
            this.args = args;
        }

        /** The EVALSHA command, made as it leaves; its answer (or failure) is the call's, and may send the next batch. */
        private AsyncCommand<byte[], byte[], Long> command() {
            CommandArgs<byte[], byte[]> commandArgs = new CommandArgs<>(ByteArrayCodec.INSTANCE)
                    .add(sha).add(1).addKey(key).addValues(args);
            AsyncCommand<byte[], byte[], Long> sent = new AsyncCommand<>(new Command<>(CommandType.EVALSHA,
                    new IntegerOutput<>(ByteArrayCodec.INSTANCE), commandArgs));
            sent.whenComplete((landed, failed) -> {
                if (failed != null) {
                    answer.completeExceptionally(failed);
                } else {
                    answer.complete(landed);
                }
                if (onTheirWay.decrementAndGet() == 0) {
                    sendWaiting();
                }
            });
            command = sent;
            if (answer.isDone()) {
                sent.cancel(); // timed out between the check and now
            }
            return sent;
        }
    }
}
