package dev.springlit.store;

import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.connection.RedisConnection;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.connection.lettuce.LettuceConnection;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.script.RedisScript;

import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisAdvancedClusterAsyncCommands;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Runs {@link RedisSessionStore}'s scripts on the Lettuce connection that Spring's {@link LettuceConnectionFactory}
 * shares (thread-safe, and it reconnects by itself), without {@code RedisTemplate}: for every command the template
 * made a connection wrapper, took the shared connection's lock, built a close-suppressing proxy and looked up a
 * transaction, which was a visible part of a commit's CPU (issue 14). Waits as Spring does: at most the factory's
 * command timeout, then the command is cancelled (Lettuce drops it if it is not written yet; one already written
 * may still run, and the caller then treats the store as possibly ahead of it, see SessionLedger). Commits need
 * not wait at all: {@link #evalAsync} hands back the answer as a future (issue 14's async commit), and
 * {@link #evalBatched} sends it with the other sessions' commits made while earlier ones travel ({@link ScriptBatches}).
 *
 * <p>Threading: any thread; the shared commands are fetched once and again after the connection failed. Answers
 * complete on Lettuce's event loop.
 */
final class LettuceScripting {

    private final LettuceConnectionFactory factory;
    private final ScriptBatches batches;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;

    private LettuceScripting(LettuceConnectionFactory factory) {
        this.factory = factory;
        this.batches = new ScriptBatches(this::connection, factory.getTimeout());
    }

    /** For a Lettuce factory that shares its connection (Spring Boot's default), else {@code null}. */
    static LettuceScripting of(RedisConnectionFactory factory) {
        return factory instanceof LettuceConnectionFactory lettuce && lettuce.getShareNativeConnection()
                ? new LettuceScripting(lettuce) : null;
    }

    /**
     * Runs {@code script} by its SHA on {@code key} and waits for its answer; only when Redis does not know it yet
     * (first use, or after a restart) is its text sent, once more.
     */
    <T> T eval(RedisScript<?> script, ReturnType type, byte[] key, byte[][] args) {
        CompletableFuture<T> answer = evalAsync(script, type, key, args);
        try {
            return answer.get();
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Redis command interrupted");
        } catch (ExecutionException e) {
            throw failure(e.getCause());
        }
    }

    /**
     * {@link #eval} without waiting: the answer completes on Lettuce's event loop, or exceptionally (see
     * {@link #failure}) after the factory's command timeout, when the command is cancelled as well.
     */
    <T> CompletableFuture<T> evalAsync(RedisScript<?> script, ReturnType type, byte[] key, byte[][] args) {
        ScriptOutputType output = type == ReturnType.INTEGER ? ScriptOutputType.INTEGER : ScriptOutputType.MULTI;
        byte[][] keys = {key};
        RedisClusterAsyncCommands<byte[], byte[]> redis = commands();
        AtomicReference<Future<T>> sent = new AtomicReference<>();
        RedisFuture<T> bySha = redis.evalsha(script.getSha1(), output, keys, args);
        sent.set(bySha);
        CompletableFuture<T> answer = bySha.toCompletableFuture().exceptionallyCompose(failed -> {
            if (!unknownScript(failed)) {
                return CompletableFuture.failedFuture(failed);
            }
            RedisFuture<T> byText = redis.eval(script.getScriptAsString(), output, keys, args);
            sent.set(byText);
            return byText.toCompletableFuture();
        });
        answer.orTimeout(factory.getTimeout(), TimeUnit.MILLISECONDS).whenComplete((value, failed) -> {
            Throwable cause = unwrap(failed);
            if (cause instanceof TimeoutException || cause instanceof CancellationException) {
                sent.get().cancel(true);
            } else if (cause != null && !(cause instanceof RedisCommandExecutionException)) {
                commands = null; // the connection failed: fetch it again next time
            }
        });
        return answer;
    }

    /**
     * {@link #evalAsync} for a script with an INTEGER answer, sent in the next batch of {@link ScriptBatches}; when
     * Redis does not know the script its text follows at once, on its own.
     */
    CompletableFuture<Long> evalBatched(RedisScript<?> script, byte[] key, byte[][] args) {
        return batches.send(script.getSha1(), key, args).exceptionallyCompose(failed -> {
            Throwable cause = unwrap(failed);
            if (unknownScript(cause)) {
                return evalAsync(script, ReturnType.INTEGER, key, args);
            }
            if (!(cause instanceof TimeoutException || cause instanceof CancellationException
                    || cause instanceof RedisCommandExecutionException)) {
                commands = null; // the connection failed: fetch it again next time
            }
            return CompletableFuture.failedFuture(cause);
        });
    }

    /** What {@link #evalAsync}'s answer failed with, as the exception Spring's Redis support would throw. */
    static RuntimeException failure(Throwable failed) {
        Throwable cause = unwrap(failed);
        if (cause instanceof TimeoutException) {
            return new QueryTimeoutException("Redis command timed out");
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static Throwable unwrap(Throwable failed) {
        return failed instanceof CompletionException && failed.getCause() != null ? failed.getCause() : failed;
    }

    private static boolean unknownScript(Throwable failed) {
        Throwable cause = unwrap(failed);
        return cause instanceof RedisCommandExecutionException && cause.getMessage() != null
                && cause.getMessage().startsWith("NOSCRIPT");
    }

    /** The shared connection itself, which sends several commands in one write. */
    @SuppressWarnings("unchecked")
    private StatefulConnection<byte[], byte[]> connection() {
        RedisClusterAsyncCommands<byte[], byte[]> known = commands();
        if (known instanceof RedisAsyncCommands<byte[], byte[]> standalone) {
            return standalone.getStatefulConnection();
        }
        return ((RedisAdvancedClusterAsyncCommands<byte[], byte[]>) known).getStatefulConnection();
    }

    private RedisClusterAsyncCommands<byte[], byte[]> commands() {
        RedisClusterAsyncCommands<byte[], byte[]> known = commands;
        if (known != null) {
            return known;
        }
        try (RedisConnection connection = factory.getConnection()) {
            // the shared connection outlives this wrapper: closing it does not close what it shares
            known = ((LettuceConnection) connection).getNativeConnection();
        }
        commands = known;
        return known;
    }
}
