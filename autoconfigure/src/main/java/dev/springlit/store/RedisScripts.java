package dev.springlit.store;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisSessionStore}: each operation is one script, so it is atomic and one round
 * trip. A session is a hash: {@code f} format marker, {@code v} version, {@code o} owner, {@code s} last
 * interaction sequence, {@code d} snapshot bytes. A key that is not such a hash is never changed.
 */
final class RedisScripts {

    /** ARGV: format. Returns {} when absent, {'foreign'} when not ours, else f, v, o, s, d. */
    static final RedisScript<?> LOAD = RedisScript.of("""
            local t = redis.call('TYPE', KEYS[1])['ok']
            if t == 'none' then return {} end
            if t ~= 'hash' then return {'foreign'} end
            return redis.call('HMGET', KEYS[1], 'f', 'v', 'o', 's', 'd')
            """);

    /** ARGV: format, owner, ttl ms. Returns {'foreign'} or the claimed f, v, o, s, d. */
    static final RedisScript<?> CLAIM = RedisScript.of("""
            local t = redis.call('TYPE', KEYS[1])['ok']
            if t == 'none' then
              redis.call('HSET', KEYS[1], 'f', ARGV[1], 'v', '1', 'o', ARGV[2], 's', '0', 'd', '')
            else
              if t ~= 'hash' then return {'foreign'} end
              local r = redis.call('HMGET', KEYS[1], 'f', 'v')
              if r[1] ~= ARGV[1] or not r[2] or not string.match(r[2], '^[1-9][0-9]*$') then return {'foreign'} end
              redis.call('HSET', KEYS[1], 'v', tostring(tonumber(r[2]) + 1), 'o', ARGV[2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return redis.call('HMGET', KEYS[1], 'f', 'v', 'o', 's', 'd')
            """);

    /** ARGV: format, expected version, owner, new version, last seq, snapshot, ttl ms. Returns 1 when it landed. */
    static final RedisScript<?> COMMIT = RedisScript.of("""
            if redis.call('TYPE', KEYS[1])['ok'] ~= 'hash' then return 0 end
            local r = redis.call('HMGET', KEYS[1], 'f', 'v', 'o')
            if r[1] ~= ARGV[1] or r[2] ~= ARGV[2] or r[3] ~= ARGV[3] then return 0 end
            redis.call('HSET', KEYS[1], 'v', ARGV[4], 's', ARGV[5], 'd', ARGV[6])
            redis.call('PEXPIRE', KEYS[1], ARGV[7])
            return 1
            """);

    /** ARGV: format, version. Returns 1 when it removed the session, 0 when another version holds it or none. */
    static final RedisScript<?> RELEASE = RedisScript.of("""
            local t = redis.call('TYPE', KEYS[1])['ok']
            if t == 'none' then return 0 end
            if t ~= 'hash' then return 0 end
            local r = redis.call('HMGET', KEYS[1], 'f', 'v')
            if r[1] ~= ARGV[1] or r[2] ~= ARGV[2] then return 0 end
            redis.call('DEL', KEYS[1])
            return 1
            """);

    private RedisScripts() {
    }
}
