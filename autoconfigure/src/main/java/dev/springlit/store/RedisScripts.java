package dev.springlit.store;

import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Lua scripts behind {@link RedisSessionStore}: each operation is one script, so it is atomic and one round
 * trip. A session is a hash: {@code f} format marker, {@code v} version, {@code o} owner, {@code s} last
 * interaction sequence, {@code h} the snapshot's header, and one field {@code p:<name>} per {@link SnapshotParts
 * part}, so a commit writes only the parts its run changed. A key that is not such a hash is never changed.
 */
final class RedisScripts {

    /** ARGV: format. Returns {} when absent, {'foreign'} when not ours, else every field and value (HGETALL). */
    static final RedisScript<?> LOAD = RedisScript.of("""
            local t = redis.call('TYPE', KEYS[1])['ok']
            if t == 'none' then return {} end
            if t ~= 'hash' then return {'foreign'} end
            return redis.call('HGETALL', KEYS[1])
            """);

    /** ARGV: format, owner, ttl ms. Returns {'foreign'} or every field and value of the claimed session. */
    static final RedisScript<?> CLAIM = RedisScript.of("""
            local t = redis.call('TYPE', KEYS[1])['ok']
            if t == 'none' then
              redis.call('HSET', KEYS[1], 'f', ARGV[1], 'v', '1', 'o', ARGV[2], 's', '0', 'h', '')
            else
              if t ~= 'hash' then return {'foreign'} end
              local r = redis.call('HMGET', KEYS[1], 'f', 'v')
              if r[1] ~= ARGV[1] or not r[2] or not string.match(r[2], '^[1-9][0-9]*$') then return {'foreign'} end
              redis.call('HSET', KEYS[1], 'v', tostring(tonumber(r[2]) + 1), 'o', ARGV[2])
            end
            redis.call('PEXPIRE', KEYS[1], ARGV[3])
            return redis.call('HGETALL', KEYS[1])
            """);

    /**
     * ARGV: format, expected version, owner, new version, last seq, ttl ms, whole (1: every part is given and the
     * others go), header, number of parts written n, then n pairs of part field and bytes, then the part fields
     * to delete. Returns 1 when it landed.
     */
    static final RedisScript<?> COMMIT = RedisScript.of("""
            if redis.call('TYPE', KEYS[1])['ok'] ~= 'hash' then return 0 end
            local r = redis.call('HMGET', KEYS[1], 'f', 'v', 'o')
            if r[1] ~= ARGV[1] or r[2] ~= ARGV[2] or r[3] ~= ARGV[3] then return 0 end
            local function chunked(command, list)
              for i = 1, #list, 1000 do
                redis.call(command, KEYS[1], unpack(list, i, math.min(i + 999, #list)))
              end
            end
            local last = 9 + 2 * tonumber(ARGV[9])
            if ARGV[7] == '1' then
              local kept = {}
              for i = 10, last, 2 do kept[ARGV[i]] = true end
              local gone = {}
              for _, field in ipairs(redis.call('HKEYS', KEYS[1])) do
                if string.sub(field, 1, 2) == 'p:' and not kept[field] then gone[#gone + 1] = field end
              end
              chunked('HDEL', gone)
            end
            local set = {'v', ARGV[4], 's', ARGV[5], 'h', ARGV[8]}
            for i = 10, last do set[#set + 1] = ARGV[i] end
            chunked('HSET', set)
            local removed = {}
            for i = last + 1, #ARGV do removed[#removed + 1] = ARGV[i] end
            chunked('HDEL', removed)
            redis.call('PEXPIRE', KEYS[1], ARGV[6])
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
