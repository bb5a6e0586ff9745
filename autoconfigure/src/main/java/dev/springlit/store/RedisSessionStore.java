package dev.springlit.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import dev.springlit.support.LogText;

/**
 * A {@link SessionStore} in Redis, through Spring Data Redis (Lettuce with Spring Boot's
 * {@code spring.data.redis.*} settings). One hash per session under {@code springlit:session:<id>}, with a Redis
 * TTL, so abandoned sessions leave no keys; every operation is one Lua script (one round trip), which makes the
 * version check and the write of a commit atomic.
 *
 * <pre>{@code
 * SessionStore store = new RedisSessionStore(connectionFactory);
 * StoredSession mine = store.claim(sessionId, "node-a", Duration.ofMinutes(2));
 * }</pre>
 *
 * <p>A key under the prefix that is not a hash with Springlit's format marker is refused with
 * {@link UnreadableSessionException} and never modified. A command that fails or times out (configure a short
 * {@code spring.data.redis.timeout}) becomes a {@link SessionStoreException}. Needs Redis 4 or later (multi-field
 * HSET in scripts); Debian 12 ships 7.0.
 */
public final class RedisSessionStore implements SessionStore {

    /** Where sessions live unless another prefix is given. */
    public static final String DEFAULT_KEY_PREFIX = "springlit:session:";

    private static final String FORMAT = "springlit-session/1";
    private static final Log log = LogFactory.getLog(RedisSessionStore.class);

    private final RedisTemplate<String, byte[]> redis;
    private final String keyPrefix;

    public RedisSessionStore(RedisConnectionFactory connectionFactory) {
        this(connectionFactory, DEFAULT_KEY_PREFIX);
    }

    public RedisSessionStore(RedisConnectionFactory connectionFactory, String keyPrefix) {
        this.keyPrefix = keyPrefix;
        RedisTemplate<String, byte[]> template = new RedisTemplate<>();
        template.setConnectionFactory(connectionFactory);
        template.setKeySerializer(RedisSerializer.string());
        template.setValueSerializer(RedisSerializer.byteArray());
        template.afterPropertiesSet();
        this.redis = template;
    }

    @Override
    public Optional<StoredSession> load(String sessionId) {
        List<?> fields = eval(RedisScripts.LOAD, ReturnType.MULTI, key(sessionId), bytes(FORMAT));
        return fields == null || fields.isEmpty() ? Optional.empty() : Optional.of(parse(sessionId, fields));
    }

    @Override
    public StoredSession claim(String sessionId, String node, Duration ttl) {
        List<?> fields = eval(RedisScripts.CLAIM, ReturnType.MULTI, key(sessionId), bytes(FORMAT), bytes(node),
                millis(ttl));
        return parse(sessionId, fields);
    }

    @Override
    public boolean commit(StoredSession next, Duration ttl) {
        Long landed = eval(RedisScripts.COMMIT, ReturnType.INTEGER, key(next.id()), bytes(FORMAT),
                bytes(Long.toString(next.version() - 1)), bytes(next.owner()), bytes(Long.toString(next.version())),
                bytes(Long.toString(next.lastSeq())), next.snapshot(), millis(ttl));
        return landed != null && landed == 1L;
    }

    @Override
    public boolean touch(String sessionId, Duration ttl) {
        String key = keyPrefix + SessionIds.require(sessionId);
        millis(ttl);
        return Boolean.TRUE.equals(run(() -> redis.expire(key, ttl)));
    }

    @Override
    public boolean release(String sessionId, long version) {
        Long gone = eval(RedisScripts.RELEASE, ReturnType.INTEGER, key(sessionId), bytes(FORMAT),
                bytes(Long.toString(version)));
        return gone != null && gone == 1L;
    }

    private byte[] key(String sessionId) {
        return bytes(keyPrefix + SessionIds.require(sessionId));
    }

    /**
     * Runs {@code script} on one key by its SHA (one round trip); only when Redis does not know the script yet
     * (first use, or after a restart) is its text sent, once more.
     */
    @SuppressWarnings("unchecked")
    private <T> T eval(RedisScript<?> script, ReturnType type, byte[] key, byte[]... args) {
        byte[][] keyAndArgs = new byte[args.length + 1][];
        keyAndArgs[0] = key;
        System.arraycopy(args, 0, keyAndArgs, 1, args.length);
        return run(() -> redis.execute((RedisCallback<T>) connection -> {
            try {
                return (T) connection.scriptingCommands().evalSha(script.getSha1(), type, 1, keyAndArgs);
            } catch (RuntimeException e) {
                if (!unknownScript(e)) {
                    throw e;
                }
                return (T) connection.scriptingCommands().eval(bytes(script.getScriptAsString()), type, 1, keyAndArgs);
            }
        }));
    }

    private static boolean unknownScript(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains("NOSCRIPT")) {
                return true;
            }
        }
        return false;
    }

    /** f, v, o, s, d as the scripts return them, checked: anything else under our key is not ours. */
    private StoredSession parse(String sessionId, List<?> fields) {
        if (fields.size() != 5 || !FORMAT.equals(text(fields.get(0)))) {
            throw refused(fields.size() == 1 ? "the key does not hold a hash" : "its format marker is not "
                    + FORMAT);
        }
        try {
            long version = Long.parseLong(text(fields.get(1)));
            String owner = text(fields.get(2));
            long lastSeq = Long.parseLong(text(fields.get(3)));
            byte[] snapshot = fields.get(4) instanceof byte[] data ? data : null;
            if (owner == null || snapshot == null) {
                throw refused("a field is missing");
            }
            return new StoredSession(sessionId, version, owner, lastSeq, snapshot);
        } catch (NumberFormatException e) {
            throw refused("its version or sequence number is not a number");
        } catch (IllegalArgumentException e) {
            throw refused("its version or sequence number is out of range");
        }
    }

    private static UnreadableSessionException refused(String why) {
        String message = "Data under a Springlit session key in Redis was refused: " + why + ". The session "
                + "starts fresh; the key is left as it is until it expires or is replaced.";
        log.warn(message);
        return new UnreadableSessionException(message);
    }

    private static <T> T run(Supplier<T> command) {
        try {
            return command.get();
        } catch (UnreadableSessionException | IllegalArgumentException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SessionStoreException("The Redis session store failed: " + e.getClass().getSimpleName() + ": "
                    + LogText.clean(e.getMessage()), e);
        }
    }

    private static String text(Object field) {
        return field instanceof byte[] data ? new String(data, StandardCharsets.UTF_8) : null;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] millis(Duration ttl) {
        if (ttl.isNegative() || ttl.toMillis() < 1) {
            throw new IllegalArgumentException("A session's time to live is at least a millisecond, not " + ttl + ".");
        }
        return bytes(Long.toString(ttl.toMillis()));
    }
}
