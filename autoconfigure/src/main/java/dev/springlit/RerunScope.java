package dev.springlit;

/**
 * What {@link St#rerun(RerunScope)} reruns, as Streamlit's {@code st.rerun(scope=...)}.
 *
 * <pre>{@code
 * st.fragment("cart", f -> {
 *     if (f.button("Add")) { state.update("items", (Integer n) -> n + 1); f.rerun(RerunScope.FRAGMENT); }
 * });
 * }</pre>
 */
public enum RerunScope {

    /** The whole page, top to bottom (also from a fragment or a dialog: a dialog closes unless drawn again). */
    APP,

    /**
     * Only the fragment whose body calls it. Legal only in a fragment run (an interaction inside the fragment, its
     * timer, or a fragment-scoped rerun); during a full run it is an error, as in Streamlit.
     */
    FRAGMENT
}
