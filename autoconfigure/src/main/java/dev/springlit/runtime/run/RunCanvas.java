package dev.springlit.runtime.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import dev.springlit.runtime.control.RunInterruptedException;
import dev.springlit.runtime.control.StreamHold;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Alert;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.draw.Canvas;
import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * What one run draws, as its drawers see it ({@link Canvas}): the containers it draws into and how many children
 * each got (what they showed past that is trimmed when the run completes), the forms it opened, the widgets it
 * drew and their identities, the page it switches to. It writes to the session's page output as it goes, unless
 * the session gave up on the run. Used by the run's thread only, except {@link #writeHeldIfDue} (the flush thread);
 * every write is made under the monitor of the run's {@link RunStops}, which its abandonment takes too.
 */
final class RunCanvas implements Canvas {

    private final Run run;
    private final RunFragments fragments;
    private final Map<String, WidgetMeta> drawn = new LinkedHashMap<>();
    /** The keys of the widgets and forms drawn in this run, with what drew them; null until the first. */
    private Map<String, String> drawnKeys;
    /** The containers this run draws into, by path, with how many children each got. */
    private final Map<ElementPath, Container> containers = new LinkedHashMap<>();
    /**
     * The forms created in this run: key → whether they clear on submit, where each is, and those that got a submit
     * button; null until the run draws a form (most runs draw none).
     */
    private Map<String, Boolean> forms;
    private Map<String, ElementPath> formPaths;
    private Set<String> formsWithSubmit;
    private PageDescriptor switchTarget;
    /** The redraw put off by {@link #replaceWhenDue}, or null; changed under the stops' monitor. */
    private volatile HeldDraw held;

    /** One container's position counter in this run. */
    private static final class Container {
        final ElementPath path;
        final boolean single;
        int count;

        Container(ElementPath path, boolean single) {
            this.path = path;
            this.single = single;
        }
    }

    RunCanvas(Run run, RunFragments fragments) {
        this.run = run;
        this.fragments = fragments;
        if (fragments.isFragmentRun()) {
            openContainer(fragments.target().path(), false); // what else it writes to accumulates (see emit)
        } else {
            for (int root = 0; root < PageOutput.ROOTS; root++) {
                openContainer(ElementPath.root(root), false);
            }
        }
    }

    @Override
    public PageDescriptor page() {
        return run.page();
    }

    @Override
    public void checkActive() {
        run.checkActive();
    }

    @Override
    public boolean inCallback() {
        return run.stops().inCallback();
    }

    @Override
    public boolean isInterrupted() {
        return run.stops().isInterrupted();
    }

    @Override
    public StreamHold streamHold() {
        return run.streamHold();
    }

    @Override
    public RunFragments fragments() {
        return fragments;
    }

    /**
     * Adds an element at the next position of root container {@code root}; returns its index. The run's messages
     * for the main body (errors, warnings) may go into a fragment instead (see RunFragments#messagesGoTo).
     */
    int emit(int root, Element element) {
        ElementPath fragment = root == 0 ? fragments.messagesGoTo() : null;
        return emit(fragment != null ? fragment : ElementPath.root(root), element);
    }

    /** Adds an element at the next position of the container at {@code container}; returns its index. */
    @Override
    public int emit(ElementPath container, Element element) {
        fragments.checkPlacement(container, element);
        Container target = containers.get(container);
        if (target == null) {
            if (fragments.trims(container)) {
                target = container(container, false);
            } else { // outside a fragment run's fragment: elements accumulate, an st.empty() is replaced (Streamlit)
                target = container(container, run.session().tab().output().isPlaceholder(container));
                target.count = run.session().tab().output().length(container);
            }
        }
        int index = target.single ? 0 : target.count;
        target.count = target.single ? 1 : target.count + 1;
        write(container, index, element);
        return index;
    }

    /** Redraws the element at {@code index} of {@code container} in place (a progress bar that advances). */
    @Override
    public void replace(ElementPath container, int index, Element element) {
        write(container, index, element);
    }

    @Override
    public void replaceWhenDue(ElementPath container, int index, Supplier<Element> element, long dueNanos) {
        synchronized (run.stops()) {
            if (run.isAbandoned()) {
                throw new RunInterruptedException();
            }
            held = new HeldDraw(container, index, element, dueNanos);
        }
    }

    /** The flush thread's part of {@link #replaceWhenDue}: writes the held redraw once its time has come. */
    void writeHeldIfDue(long nowNanos) {
        if (held == null) {
            return;
        }
        synchronized (run.stops()) {
            HeldDraw due = held;
            if (due == null || nowNanos - due.dueNanos() < 0) {
                return;
            }
            held = null;
            if (!run.isAbandoned()) {
                run.session().tab().output().set(due.container(), due.index(), due.element().get());
            }
        }
    }

    /**
     * Writes to what the tab shows, unless the session gave up on this run (checked under its stops' monitor); a
     * redraw held for that position is dropped, being older.
     */
    private void write(ElementPath container, int index, Element element) {
        synchronized (run.stops()) {
            HeldDraw pending = held;
            if (pending != null && pending.at(container, index)) {
                held = null;
            }
            if (run.isAbandoned()) {
                throw new RunInterruptedException();
            }
            run.session().tab().output().set(container, index, element);
        }
    }

    /**
     * Starts counting the children of a container drawn in this run, so that what it showed before and no
     * longer shows is removed when the run completes. A {@code single} container (st.empty) holds one element
     * that every draw replaces.
     */
    @Override
    public void openContainer(ElementPath path, boolean single) {
        container(path, single);
    }

    private Container container(ElementPath path, boolean single) {
        Container container = new Container(path, single);
        containers.put(path, container);
        return container;
    }

    /** Records a form drawn in this run (S6.4: its key once per run, never inside another form). */
    @Override
    public void openForm(String key, ElementPath path, boolean clearOnSubmit) {
        if (forms == null) {
            forms = new LinkedHashMap<>();
            formPaths = new HashMap<>();
            formsWithSubmit = new HashSet<>();
        }
        if (forms.containsKey(key)) {
            throw new StreamlitApiException("There are multiple identical forms with key='" + key + "'.");
        }
        if (isKeyDrawn(key)) {
            throw new StreamlitApiException("There are multiple elements with the same key='" + key
                    + "'. To fix this, please make sure that the key argument is unique for each element you create.");
        }
        if (run.state().writtenThisRun(key)) {
            throw new StreamlitApiException("Values for the widget with key \"" + key
                    + "\" cannot be set using SessionState.");
        }
        keyDrawn(key, "form");
        forms.put(key, clearOnSubmit);
        formPaths.put(key, path);
    }

    @Override
    public void submitButtonDrawn(String form) {
        if (formsWithSubmit == null) {
            formsWithSubmit = new HashSet<>();
        }
        formsWithSubmit.add(form);
    }

    /** Whether the form {@code key} clears its widgets after a submit (false for forms not drawn). */
    @Override
    public boolean clearsOnSubmit(String key) {
        return forms != null && Boolean.TRUE.equals(forms.get(key));
    }

    /** st.switchPage: the page the session shows once this run ends. */
    @Override
    public void switchTo(PageDescriptor target) {
        switchTarget = target;
    }

    PageDescriptor switchTarget() {
        return switchTarget;
    }

    /** S6.4: a form without a submit button can never send its values; say so inside it. */
    void markFormsWithoutSubmitButton() {
        if (formPaths == null) {
            return;
        }
        for (Map.Entry<String, ElementPath> form : formPaths.entrySet()) {
            if (!formsWithSubmit.contains(form.getKey())) {
                emit(form.getValue(), new Alert(Alert.Level.ERROR, "**Missing Submit Button**\n\nThis form has no "
                        + "submit button, which means that user interactions will never be sent to your Springlit "
                        + "app.\n\nTo create a submit button, use the `formSubmitButton()` function.\n\nFor more "
                        + "information, refer to the documentation for forms."));
            }
        }
    }

    /** Shows a warning in the page without interrupting it (st.rerun in a callback, S4.7). */
    @Override
    public void warn(String message) {
        emit(0, new Alert(Alert.Level.WARNING, message));
    }

    // ---- widgets ----------------------------------------------------------------------------------------

    /**
     * Registers a widget drawn in this run: checks its identity is unique, resolves its value (state written
     * by code, then the browser's, then the previous, then the default) and remembers its callback.
     */
    @Override
    public Object registerWidget(WidgetSpec spec, String form) {
        String id = spec.id(run.page().path(), form);
        if (spec.key() != null) {
            if (isKeyDrawn(spec.key())) {
                throw new StreamlitApiException("There are multiple elements with the same key='" + spec.key()
                        + "'. To fix this, please make sure that the key argument is unique for each element you create.");
            }
        } else if (drawn.containsKey(id)) {
            throw new StreamlitApiException("There are multiple " + spec.kind() + " elements with the same "
                    + "auto-generated ID. When this element is created, it is assigned an internal ID based on the "
                    + "element type and provided parameters. Multiple elements with the same type and parameters will "
                    + "cause this error.\n\nTo fix this error, please pass a unique key argument to the "
                    + spec.kind() + " element.");
        }
        Object value = run.state().resolveWidgetValue(spec, id);
        WidgetMeta meta = new WidgetMeta(id, spec.key(), spec.kind(), spec.callback(), spec.args(), drawn.size(),
                spec.trigger(), spec.decoder(), form, spec.defaultValue());
        drawn.put(id, meta);
        fragments.widgetDrawn(id);
        if (spec.key() != null) {
            keyDrawn(spec.key(), spec.kind().wireName());
        }
        return value;
    }

    private void keyDrawn(String key, String by) {
        if (drawnKeys == null) {
            drawnKeys = new HashMap<>();
        }
        drawnKeys.put(key, by);
    }

    /** Whether a widget with {@code key} was already drawn in this run (S4.5). */
    boolean isKeyDrawn(String key) {
        return drawnKeys != null && drawnKeys.containsKey(key);
    }

    Map<String, WidgetMeta> drawn() {
        return drawn;
    }

    /** How many children each container drawn in this run keeps: what it showed past them is removed. */
    List<RunResult.Trim> trims() {
        List<RunResult.Trim> trims = new ArrayList<>(containers.size());
        for (Container container : containers.values()) {
            if (fragments.trims(container.path)) {
                trims.add(new RunResult.Trim(container.path, container.count));
            }
        }
        return trims;
    }
}
