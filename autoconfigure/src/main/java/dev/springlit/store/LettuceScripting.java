package dev.springlit.store;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * Runs {@link RedisSessionStore}'s scripts on the Lettuce connection that Spring's {@link LettuceConnectionFactory}
 * shares (thread-safe, and it reconnects by itself), without {@code RedisTemplate}: for every command the template
 * made a connection wrapper, took the shared connection's lock, built a close-suppressing proxy and looked up a
 * transaction, which was a visible part of a commit's CPU (issue 14). Waits as Spring does: at most the factory's
 * command timeout, then the command is cancelled, so a commit that timed out never lands later.
 *
 * <p>Threading: any thread; the shared commands are fetched once and again after the connection failed.
 */
final class LettuceScripting {

    private final LettuceConnectionFactory factory;
    private volatile RedisClusterAsyncCommands<byte[], byte[]> commands;

    private LettuceScripting(LettuceConnectionFactory factory) {
        this.factory = factory;
    }

    /** For a Lettuce factory that shares its connection (Spring Boot's default), else {@code null}. */
    static LettuceScripting of(RedisConnectionFactory factory) {
        return factory instanceof LettuceConnectionFactory lettuce && lettuce.getShareNativeConnection()
                ? new LettuceScripting(lettuce) : null;
    }

    /**
     * Runs {@code script} by its SHA on {@code key}; only when Redis does not know it yet (first use, or after a
     * restart) is its text sent, once more.
     */
    <T> T eval(RedisScript<?> script, ReturnType type, byte[] key, byte[][] args) {
        ScriptOutputType output = type == ReturnType.INTEGER ? ScriptOutputType.INTEGER : ScriptOutputType.MULTI;
        byte[][] keys = {key};
        RedisClusterAsyncCommands<byte[], byte[]> redis = commands();
        try {
            return await(redis.<T>evalsha(script.getSha1(), output, keys, args));
        } catch (RedisCommandExecutionException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOSCRIPT")) {
                throw e;
            }
            return await(redis.<T>eval(script.getScriptAsString(), output, keys, args));
        }
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

    private <T> T await(RedisFuture<T> future) {
        try {
            return future.get(factory.getTimeout(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new QueryTimeoutException("Redis command timed out");
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new QueryTimeoutException("Redis command interrupted");
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof RedisCommandExecutionException)) {
                commands = null; // the connection failed: fetch it again next time
            }
            throw e.getCause() instanceof RuntimeException failure ? failure
                    : new IllegalStateException(e.getCause());
        }
    }
}
