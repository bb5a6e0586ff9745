package dev.springlit.store;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.ReturnType;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.RedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.data.redis.serializer.RedisSerializer;
import org.springframework.util.ClassUtils;
import dev.springlit.support.LogText;

/**
 * A {@link SessionStore} in Redis, through Spring Data Redis (Lettuce with Spring Boot's
 * {@code spring.data.redis.*} settings). One hash per session under {@code springlit:session:<id>}, with a Redis
 * TTL, so abandoned sessions leave no keys; one field per {@link SnapshotParts part}, so a commit given a
 * {@link SnapshotDelta} writes only what its run changed. Every operation is one Lua script (one round trip), which
 * makes the version check and the write of a commit atomic.
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

    /** Bumped when the hash's layout changes: a record of another layout is refused, and its tab starts afresh. */
    private static final String FORMAT = "springlit-session/2";
    private static final String PART = "p:";
    private static final Log log = LogFactory.getLog(RedisSessionStore.class);

    private final RedisTemplate<String, byte[]> redis;
    /** The scripts straight on Lettuce's shared connection, or {@code null} for another client (see LettuceScripting). */
    private final LettuceScripting lettuce;
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
        this.lettuce = ClassUtils.isPresent("io.lettuce.core.RedisClient", RedisSessionStore.class.getClassLoader())
                ? LettuceScripting.of(connectionFactory) : null;
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
        return commit(next, parts(next.snapshot()), List.of(), true, ttl);
    }

    /** Writes only the parts {@code delta} names (one HSET per changed part, one HDEL per removed one). */
    @Override
    public boolean commit(StoredSession next, SnapshotDelta delta, Duration ttl) {
        return commit(next, delta.changed(), delta.removed(), false, ttl);
    }

    /**
     * The commit without a thread waiting for Redis (Lettuce's shared connection), sent together with the other
     * sessions' commits made while earlier ones travel (see ScriptBatches): the answer completes on Lettuce's event
     * loop. With another client the commit is written on the calling thread, as {@code commit} does.
     */
    @Override
    public CompletionStage<Boolean> commitAsync(StoredSession next, SnapshotDelta delta, Duration ttl) {
        if (lettuce == null) {
            return SessionStore.super.commitAsync(next, delta, ttl);
        }
        CompletableFuture<Long> answer;
        try {
            answer = lettuce.evalBatched(RedisScripts.COMMIT, key(next.id()), delta == null
                    ? commitArgs(next, parts(next.snapshot()), List.of(), true, ttl)
                    : commitArgs(next, delta.changed(), delta.removed(), false, ttl));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(e);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(storeFailed(e));
        }
        return answer.handle((landed, failed) -> {
            if (failed != null) {
                throw storeFailed(LettuceScripting.failure(failed));
            }
            return landed != null && landed == 1L;
        });
    }

    private boolean commit(StoredSession next, Map<String, byte[]> written, Collection<String> removed, boolean whole,
                           Duration ttl) {
        Long landed = eval(RedisScripts.COMMIT, ReturnType.INTEGER, key(next.id()),
                commitArgs(next, written, removed, whole, ttl));
        return landed != null && landed == 1L;
    }

    /** The COMMIT script's arguments: the version check, the header, then the parts written and those removed. */
    private static byte[][] commitArgs(StoredSession next, Map<String, byte[]> written, Collection<String> removed,
                                       boolean whole, Duration ttl) {
        List<byte[]> args = new ArrayList<>(9 + 2 * written.size() + removed.size());
        args.add(bytes(FORMAT));
        args.add(bytes(Long.toString(next.version() - 1)));
        args.add(bytes(next.owner()));
        args.add(bytes(Long.toString(next.version())));
        args.add(bytes(Long.toString(next.lastSeq())));
        args.add(millis(ttl));
        args.add(bytes(whole ? "1" : "0"));
        args.add(next.header());
        args.add(bytes(Integer.toString(written.size())));
        written.forEach((name, part) -> {
            args.add(bytes(PART + name));
            args.add(part);
        });
        removed.forEach(name -> args.add(bytes(PART + name)));
        return args.toArray(byte[][]::new);
    }

    private static Map<String, byte[]> parts(byte[] snapshot) {
        return snapshot.length == 0 ? Map.of() : SnapshotParts.parts(snapshot, Integer.MAX_VALUE);
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
        if (lettuce != null) {
            return run(() -> lettuce.eval(script, type, key, args));
        }
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

    /** A session's fields as HGETALL returns them, checked: anything else under our key is not ours. */
    private StoredSession parse(String sessionId, List<?> fields) {
        if (fields.size() == 1) {
            throw refused("the key does not hold a hash");
        }
        Map<String, byte[]> hash = new HashMap<>();
        TreeMap<String, byte[]> parts = new TreeMap<>(); // one order, whatever order Redis returns fields in
        for (int i = 0; i + 1 < fields.size(); i += 2) {
            String field = text(fields.get(i));
            byte[] value = fields.get(i + 1) instanceof byte[] data ? data : null;
            if (field == null || value == null) {
                throw refused("a field is missing");
            }
            if (field.startsWith(PART)) {
                parts.put(field.substring(PART.length()), value);
            } else {
                hash.put(field, value);
            }
        }
        if (!FORMAT.equals(text(hash.get("f")))) {
            throw refused("its format marker is not " + FORMAT);
        }
        try {
            long version = Long.parseLong(text(hash.get("v")));
            String owner = text(hash.get("o"));
            long lastSeq = Long.parseLong(text(hash.get("s")));
            byte[] header = hash.get("h");
            if (owner == null || header == null || header.length != 0 && header.length != SnapshotParts.HEADER) {
                throw refused("a field is missing");
            }
            byte[] snapshot = header.length == 0 ? new byte[0] : SnapshotParts.join(header, parts);
            return new StoredSession(sessionId, version, owner, lastSeq, snapshot);
        } catch (NumberFormatException | NullPointerException e) {
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
        } catch (RuntimeException e) {
            throw storeFailed(e);
        }
    }

    /** A backend failure as a SessionStoreException; refusals of our own (bad data, bad arguments) as they are. */
    private static RuntimeException storeFailed(RuntimeException e) {
        if (e instanceof UnreadableSessionException || e instanceof IllegalArgumentException
                || e instanceof SessionStoreException) {
            return e;
        }
        return new SessionStoreException("The Redis session store failed: " + e.getClass().getSimpleName() + ": "
                + LogText.clean(e.getMessage()), e);
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
