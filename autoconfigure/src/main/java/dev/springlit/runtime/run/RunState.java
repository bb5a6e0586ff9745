// Over 300 lines: one run's SessionState API, its widget values and its end (S2.2) work on the same copy-on-write maps.
package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import dev.springlit.runtime.control.Tracebacks;
import dev.springlit.MissingStateKeyException;
import dev.springlit.SessionState;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.AppliedValues;
import dev.springlit.runtime.widget.DrawnElsewhere;
import dev.springlit.runtime.widget.Rejection;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * Session state as one run sees it: a private copy of the committed values that becomes the session's
 * state only when the run completes ({@link #finishRun}). An interrupted run's copy is dropped, so a click
 * replayed after an interruption is counted once. The copy is made at the run's first write (copy-on-write): a
 * run that only reads costs no copy of the session's maps.
 */
final class RunState implements SessionState {

    private final Run run;
    private Map<String, Object> values;
    private Map<String, Object> unkeyed;
    private boolean valuesCopied;
    private boolean unkeyedCopied;
    /**
     * Keys whose value code read in this run: it may have changed it in place (S3.3), so it is serialized again.
     * Null until the first (this and the other per-run sets are made when needed: a run is often one click).
     */
    private Set<String> handedOut;
    /** What {@link #put} serialized to check it (S8.1), by key: the run's end reuses it for a value that cannot change. */
    private Map<String, StateBytes.Put> putBytes;
    private final Map<String, WidgetMeta> previous;
    private final SessionData committed;
    /** Keys code wrote in this run (or its callbacks); null until the first. */
    private Set<String> written;
    /** Browser values of widgets not drawn on this node yet, by id: decoded when this run draws them (S9.2). */
    private Map<String, Object> undecoded;
    /** The id of the trigger this run's request fired (a request carries at most one): true only then (S2.10). */
    private String fired;
    /** What the fired trigger carried when it is a valued one (a chat input's submitted text). */
    private Object firedValue;

    RunState(Run run, SessionData committed) {
        this.run = run;
        this.values = committed.values();
        this.unkeyed = committed.unkeyed();
        this.previous = committed.widgets();
        this.committed = committed;
    }

    /** The run's own values map, copied from the committed one at the first write. */
    private Map<String, Object> values() {
        if (!valuesCopied) {
            values = new HashMap<>(values);
            valuesCopied = true;
        }
        return values;
    }

    private Map<String, Object> unkeyed() {
        if (!unkeyedCopied) {
            unkeyed = new HashMap<>(unkeyed);
            unkeyedCopied = true;
        }
        return unkeyed;
    }

    // ---- SessionState ----------------------------------------------------------------------------------

    @Override
    public boolean contains(String key) {
        run.checkActive();
        return values.containsKey(key);
    }

    @Override
    public Object get(String key) {
        run.checkActive();
        ReservedKeys.refuse(key);
        Object value = values.get(key);
        if (value == null && !values.containsKey(key)) {
            throw new MissingStateKeyException(key);
        }
        handOut(key);
        return value;
    }

    @Override
    public <T> T get(String key, Class<T> type) {
        return StateValues.convert(key, get(key), type);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getOrDefault(String key, T fallback) {
        run.checkActive();
        ReservedKeys.refuse(key);
        if (!values.containsKey(key)) {
            return fallback;
        }
        handOut(key);
        return (T) values.get(key);
    }

    @Override
    public void put(String key, Object value) {
        run.checkActive();
        checkWritable(key);
        StateSizeLimit limit = run.services().stateSizeLimit();
        if (limit.enabled() || run.services().enforceSerializableSessionState()) {
            ValueBytes bytes = ValueBytes.of(value);
            if (bytes == null) {
                throw new UnserializableValueException(key, value);
            }
            if (limit.enabled()) {
                limit.checkValue(key, value == null ? 0 : bytes.bytes().length);
            }
            if (putBytes == null) {
                putBytes = new HashMap<>(4);
            }
            putBytes.put(key, new StateBytes.Put(value, bytes));
        }
        values().put(key, value);
        if (written == null) {
            written = new HashSet<>(4);
        }
        written.add(key);
    }

    private void handOut(String key) {
        if (handedOut == null) {
            handedOut = new HashSet<>(4);
        }
        handedOut.add(key);
    }

    @Override
    public void remove(String key) {
        run.checkActive();
        ReservedKeys.refuse(key);
        if (!values.containsKey(key)) {
            throw new MissingStateKeyException(key);
        }
        values().remove(key);
        if (written != null) {
            written.remove(key);
        }
    }

    @Override
    public Set<String> keys() {
        run.checkActive();
        return Set.copyOf(values.keySet());
    }

    @Override
    public int size() {
        run.checkActive();
        return values.size();
    }

    @Override
    public Map<String, Object> toMap() {
        run.checkActive();
        if (handedOut == null) {
            handedOut = new HashSet<>(values.keySet());
        } else {
            handedOut.addAll(values.keySet());
        }
        return new HashMap<>(values);
    }

    @Override
    public void clear() {
        run.checkActive();
        values().clear();
        written = null;
    }

    @Override
    public String toString() {
        return "SessionState" + values.keySet();
    }

    /** Whether code wrote {@code key} in this run (or its callbacks). */
    boolean writtenThisRun(String key) {
        return written != null && written.contains(key);
    }

    private void checkWritable(String key) {
        ReservedKeys.refuse(key);
        if (run.isKeyDrawn(key)) {
            throw new StreamlitApiException("SessionState key \"" + key + "\" cannot be modified after the widget "
                    + "with key \"" + key + "\" is instantiated.");
        }
    }

    // ---- widgets -----------------------------------------------------------------------------------------

    /**
     * Applies the browser's values to the widgets the previous runs drew and returns those whose value
     * changed (a click always counts as a change), in page order. Unknown ids and ill-typed values are
     * skipped and returned as rejections (nothing is sent from here); the rest of the message still applies.
     */
    AppliedValues applyClientValues(RunRequest request) {
        List<WidgetMeta> changed = new ArrayList<>();
        List<Rejection> rejections = new ArrayList<>();
        for (Map.Entry<String, Object> entry : request.widgets().entrySet()) {
            WidgetMeta meta = previous.get(entry.getKey());
            if (ValuedTrigger.carriedBy(meta, entry.getKey(), request)) {
                continue; // read with its trigger below
            }
            if (meta == null || meta.trigger()) {
                rejections.add(new Rejection("unknown_widget", "There is no widget with id \"" + entry.getKey()
                        + "\" that takes a value in this session."));
                continue;
            }
            if (DrawnElsewhere.isUndecoded(meta)) {
                if (undecoded == null) {
                    undecoded = new HashMap<>();
                }
                undecoded.put(entry.getKey(), entry.getValue());
                continue;
            }
            Object value;
            try {
                value = meta.decoder().decode(entry.getValue());
            } catch (IllegalArgumentException e) {
                rejections.add(new Rejection("bad_value", "Widget \"" + entry.getKey() + "\": " + e.getMessage()));
                continue;
            }
            Object old = meta.key() != null ? values.get(meta.key()) : unkeyed.get(meta.id());
            if (!Objects.equals(old, value)) {
                store(meta, value);
                changed.add(meta);
            }
        }
        String trigger = request.trigger();
        if (trigger != null) {
            WidgetMeta meta = previous.get(trigger);
            if (meta == null || !meta.trigger()) {
                rejections.add(new Rejection("unknown_widget",
                        "There is no button with id \"" + trigger + "\" in this session."));
            } else if (meta.decoder() != null) {
                ValuedTrigger.fire(meta, request, rejections, value -> {
                    store(meta, value);
                    fired = meta.id();
                    firedValue = value;
                    changed.add(meta);
                });
            } else {
                store(meta, Boolean.TRUE);
                fired = meta.id();
                changed.add(meta);
            }
        }
        return new AppliedValues(RunPageCode.inPageOrder(changed), rejections);
    }

    private void store(WidgetMeta meta, Object value) {
        if (meta.key() != null) {
            values().put(meta.key(), value);
        } else {
            unkeyed().put(meta.id(), value);
        }
    }

    /** The value a widget shows now (S4.4), storing it so the widget's key reads it. */
    Object resolveWidgetValue(WidgetSpec spec, String id) {
        String key = spec.key();
        if (key != null && writtenThisRun(key)) {
            if (!spec.stateSettable()) {
                throw new StreamlitApiException("Values for the widget with key \"" + key
                        + "\" cannot be set using SessionState.");
            }
            if (spec.explicitDefault() && run.services().widgetStateDuplicationWarning()
                    && run.session().firstWarningFor(key)) {
                run.warn("The widget with key \"" + key + "\" was created with a default value but also had its "
                        + "value set via the SessionState API.");
            }
        }
        if (spec.trigger()) {
            // not the stored value: a true written by code (in an earlier run, or by a task) is not a click
            boolean clicked = id.equals(fired);
            Object value = spec.decoder() == null ? (Object) clicked : clicked ? firedValue : null;
            if (key != null && (value != values.get(key) || !values.containsKey(key))) {
                values().put(key, value);
            }
            return value;
        }
        if (undecoded != null && undecoded.containsKey(id)) {
            decodeNow(spec, id, undecoded.remove(id));
        }
        if (key != null) {
            if (!values.containsKey(key)) {
                values().put(key, restoredOr(id, spec));
            }
            return values.get(key);
        }
        if (!unkeyed.containsKey(id)) {
            unkeyed().put(id, restoredOr(id, spec));
        }
        return unkeyed.get(id);
    }

    /**
     * A browser value that arrived before this node drew its widget, applied now that it is drawn: as if applied
     * before the run (a value code set through state in this run still wins), refused like any bad value.
     */
    private void decodeNow(WidgetSpec spec, String id, Object raw) {
        String key = spec.key();
        if (key != null && writtenThisRun(key)) {
            return;
        }
        try {
            Object value = spec.decoder().decode(raw);
            if (key != null) {
                values().put(key, value);
            } else {
                unkeyed().put(id, value);
            }
        } catch (IllegalArgumentException e) {
            run.refuse(new Rejection("bad_value", "Widget \"" + id + "\": " + e.getMessage()));
        }
    }

    /** S1.5: a value the tab re-sent after the server lost its session, else the widget's default. */
    private Object restoredOr(String id, WidgetSpec spec) {
        Object wire = run.session().takeRestored(id);
        if (wire != null && spec.decoder() != null) {
            try {
                return spec.decoder().decode(wire);
            } catch (IllegalArgumentException stale) {
                return spec.defaultValue(); // the widget changed meanwhile: its default is the honest value
            }
        }
        return spec.defaultValue();
    }

    /**
     * Ends a completed run: buttons go back to false, unkeyed widgets that were not drawn are forgotten
     * (S4.8; not when the run ends for {@code st.rerun()}, whose next run draws them), serializability is
     * checked (S8.2), and the new committed data is returned.
     */
    SessionData finishRun(boolean endedByRerun) {
        Map<String, WidgetMeta> drawn = run.drawn();
        Map<String, WidgetMeta> widgets = new HashMap<>(drawn);
        for (WidgetMeta old : previous.values()) {
            if (!widgets.containsKey(old.id())
                    && (old.key() != null || endedByRerun || !run.fragments().couldDraw(old.id()))) {
                widgets.put(old.id(), old);
            }
        }
        for (WidgetMeta meta : widgets.values()) {
            if (meta.trigger()) {
                if (meta.key() != null) {
                    Object reset = meta.decoder() == null ? Boolean.FALSE : meta.defaultValue();
                    if (values.containsKey(meta.key()) && values.get(meta.key()) != reset) {
                        values().put(meta.key(), reset);
                    }
                } else if (unkeyed.containsKey(meta.id())) {
                    unkeyed().remove(meta.id());
                }
            }
        }
        if (!widgets.keySet().containsAll(unkeyed.keySet())) {
            unkeyed().keySet().removeIf(id -> !widgets.containsKey(id));
        }
        StateSizeLimit limit = run.services().stateSizeLimit();
        StateBytes.Update serialized = serialize();
        if (serialized == null) {
            return new SessionData(values, unkeyed, widgets);
        }
        boolean details = run.services().showErrorDetails();
        // S8.2: each value that cannot be serialized, after the run's output (once per value, each run it stays)
        serialized.unserializable().forEach(e -> run.emit(0, Tracebacks.element(e, details)));
        SessionStateTooLargeException tooLarge = limit.enabled() ? limit.checkTotal(serialized.sizes()) : null;
        if (tooLarge != null) {
            run.emit(0, Tracebacks.element(tooLarge, details));
            // as an interrupted run: none of its state is kept, the widgets it drew stay known
            return new SessionData(committed.values(), committed.unkeyed(), widgets, committed.bytes());
        }
        return new SessionData(values, unkeyed, widgets, serialized.bytes());
    }

    /** A task (SessionHandle.update) changes only values. */
    SessionData finishTask() {
        StateBytes.Update serialized = serialize();
        return new SessionData(values, unkeyed, previous, serialized == null ? null : serialized.bytes());
    }

    /**
     * The values' bytes, serializing only what this run may have changed (see {@link StateBytes}); {@code null} when
     * nothing asks for them (neither enforce-serializable-session-state, nor a state size limit, nor a shared
     * session store, which implies the first).
     */
    private StateBytes.Update serialize() {
        if (!run.services().stateSizeLimit().enabled() && !run.services().enforceSerializableSessionState()) {
            return null;
        }
        StateBytes before = committed.bytes() == null ? StateBytes.NONE : committed.bytes();
        return before.update(committed.values(), values, committed.unkeyed(), unkeyed,
                handedOut == null ? Set.of() : handedOut,
                putBytes == null ? Map.of() : putBytes);
    }
}
