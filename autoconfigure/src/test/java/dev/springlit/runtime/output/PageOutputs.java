package dev.springlit.runtime.output;

import java.util.List;

import dev.springlit.element.Element;

/** What a session's server-side output holds, for the runtime's tests (the tester reads its own tab's tree). */
public final class PageOutputs {

    private PageOutputs() {
    }

    /** The elements root {@code rootIndex} shows, in document order. */
    public static List<Element> elements(PageOutput output, int rootIndex) {
        return output.elements(rootIndex);
    }
}
