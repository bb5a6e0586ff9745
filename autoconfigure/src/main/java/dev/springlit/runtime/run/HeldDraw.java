package dev.springlit.runtime.run;

import java.util.function.Supplier;

import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;

/**
 * A redraw a run put off until {@code dueNanos} ({@code System.nanoTime}), for the flush thread to write then
 * unless the run writes that position first ({@link RunCanvas#replaceWhenDue}). The element is made only when it
 * is written, on the flush thread.
 */
record HeldDraw(ElementPath container, int index, Supplier<Element> element, long dueNanos) {

    boolean at(ElementPath otherContainer, int otherIndex) {
        return index == otherIndex && container.equals(otherContainer);
    }
}
