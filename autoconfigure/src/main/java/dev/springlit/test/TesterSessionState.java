package dev.springlit.test;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.springlit.MissingStateKeyException;
import dev.springlit.SessionState;
import dev.springlit.runtime.run.ReservedKeys;
import dev.springlit.runtime.run.StateValues;

/**
 * Session state as a test sees it between runs: the last run's values with the test's queued writes on top.
 * The writes reach the session at the start of the next run, as if that run's code had made them.
 */
final class TesterSessionState implements SessionState {

    private final Supplier<Map<String, Object>> committed;
    private final Map<String, Object> writes;
    private final Object removed;

    TesterSessionState(Supplier<Map<String, Object>> committed, Map<String, Object> writes, Object removed) {
        this.committed = committed;
        this.writes = writes;
        this.removed = removed;
    }

    private Map<String, Object> view() {
        Map<String, Object> view = new HashMap<>(committed.get());
        writes.forEach((key, value) -> {
            if (value == removed) {
                view.remove(key);
            } else {
                view.put(key, value);
            }
        });
        return view;
    }

    @Override
    public boolean contains(String key) {
        return view().containsKey(key);
    }

    @Override
    public Object get(String key) {
        ReservedKeys.refuse(key);
        Map<String, Object> view = view();
        if (!view.containsKey(key)) {
            throw new MissingStateKeyException(key);
        }
        return view.get(key);
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return StateValues.convert(key, get(key), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOrDefault(String key, T fallback) {
        ReservedKeys.refuse(key);
        Map<String, Object> view = view();
        return view.containsKey(key) ? (T) view.get(key) : fallback;
    }

    @Override
    public void put(String key, Object value) {
        ReservedKeys.refuse(key);
        writes.put(key, value);
    }

    @Override
    public void remove(String key) {
        ReservedKeys.refuse(key);
        if (!contains(key)) {
            throw new MissingStateKeyException(key);
        }
        writes.put(key, removed);
    }

    @Override
    public Set<String> keys() {
        return Set.copyOf(view().keySet());
    }

    @Override
    public int size() {
        return view().size();
    }

    @Override
    public Map<String, Object> toMap() {
        return view();
    }

    @Override
    public void clear() {
        for (String key : keys()) {
            writes.put(key, removed);
        }
    }
}
