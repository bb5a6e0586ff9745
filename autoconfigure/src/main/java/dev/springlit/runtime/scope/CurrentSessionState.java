package dev.springlit.runtime.scope;

import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import dev.springlit.SessionState;

/**
 * The {@link SessionState} bean that pages inject: a singleton that speaks for the session whose run is
 * executing on the calling thread. Cheaper than a bean-factory scoped proxy (no lookup per call) and it
 * fails with a clear {@link IllegalStateException} outside a run, as S3.4 asks.
 */
public final class CurrentSessionState implements SessionState {

    private static SessionState target() {
        ScopedRun run = CurrentRun.get();
        if (run == null) {
            throw new IllegalStateException("SessionState was used outside a Springlit run. It belongs to one browser "
                    + "tab and works only in a page's render method or a widget callback, on the run's thread. To "
                    + "change a session from another thread, use the SessionHandle from st.session().");
        }
        return run.state();
    }

    @Override
    public boolean contains(String key) {
        return target().contains(key);
    }

    @Override
    public Object get(String key) {
        return target().get(key);
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return target().get(key, type);
    }

    @Override
    public <T> T getOrDefault(String key, T fallback) {
        return target().getOrDefault(key, fallback);
    }

    @Override
    public void put(String key, Object value) {
        target().put(key, value);
    }

    @Override
    public <T> T setDefault(String key, T value) {
        return target().setDefault(key, value);
    }

    @Override
    public <T> T update(String key, UnaryOperator<T> fn) {
        return target().update(key, fn);
    }

    @Override
    public void remove(String key) {
        target().remove(key);
    }

    @Override
    public Set<String> keys() {
        return target().keys();
    }

    @Override
    public int size() {
        return target().size();
    }

    @Override
    public Map<String, Object> toMap() {
        return target().toMap();
    }

    @Override
    public void clear() {
        target().clear();
    }

    @Override
    public String toString() {
        ScopedRun run = CurrentRun.get();
        return run == null ? "SessionState (no run bound)" : run.state().toString();
    }
}
