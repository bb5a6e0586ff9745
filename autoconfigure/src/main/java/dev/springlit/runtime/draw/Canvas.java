package dev.springlit.runtime.draw;

import java.util.function.Supplier;

import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.control.StreamHold;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * The run a drawer draws into, as the drawers see it: where elements go, which widgets it drew, the forms and
 * fragments it opened. The run implements it; drawers never see the run, its session or the engine, so drawing
 * cannot reach back into what commits or sends. Every method is called on the run's thread only.
 */
public interface Canvas {

    /** The page this run draws. */
    PageDescriptor page();

    /** Throws unless the run may go on on this thread (not replaced, stopped, out of time or finished). */
    void checkActive();

    /** Whether the run is in a widget callback now (some calls are a no-op there, as in Streamlit). */
    boolean inCallback();

    /** Whether a newer request, Stop or the deadline asked the run to stop. */
    boolean isInterrupted();

    /**
     * Registers a widget drawn in this run (unique identity, S4) and returns its value: state written by code,
     * then the browser's, then the previous, then the default.
     */
    Object registerWidget(WidgetSpec spec, String form);

    /** Adds an element at the next position of {@code container}; returns its index. */
    int emit(ElementPath container, Element element);

    /** Redraws the element at {@code index} of {@code container} in place (a progress bar that advances). */
    void replace(ElementPath container, int index, Element element);

    /**
     * Redraws the element at {@code index} of {@code container} from the flush thread once {@code dueNanos}
     * ({@code System.nanoTime}) has passed, unless this run writes that position first: a stream's text held back by
     * its coalescing still shows while the run's thread waits in the source (S11.2). A later call takes an earlier
     * one's place. {@code element} is called on the flush thread, so it may read only what no longer changes.
     */
    void replaceWhenDue(ElementPath container, int index, Supplier<Element> element, long dueNanos);

    /**
     * Starts counting the children of a container drawn in this run; a {@code single} one (st.empty) holds one
     * element that every draw replaces.
     */
    void openContainer(ElementPath path, boolean single);

    /** Records a form drawn in this run (S6.4: its key once per run). */
    void openForm(String key, ElementPath path, boolean clearOnSubmit);

    /** The form {@code form} got its submit button (a form without one says so when the run ends). */
    void submitButtonDrawn(String form);

    /** Whether form {@code key}, drawn in this run, clears its widgets after a submit. */
    boolean clearsOnSubmit(String key);

    /** Shows a warning in the page without interrupting it. */
    void warn(String message);

    /** st.switchPage: the page the session shows once this run ends. */
    void switchTo(PageDescriptor target);

    /** Whether a newer interaction may interrupt this run now (not while it streams, S11.3). */
    StreamHold streamHold();

    /** The fragments and dialogs this run draws (S10). */
    DrawnFragments fragments();
}
