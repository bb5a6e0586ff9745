package dev.springlit.runtime.draw;

/**
 * What a run records of the fragments and dialogs st.fragment and st.dialog draw (S10): the run's side keeps the
 * rules and Streamlit's messages; the drawer only reports. Called on the run's thread only.
 */
public interface DrawnFragments {

    /** A fragment drawn in this run: its name is unique in the run. */
    void drawn(FragmentDef fragment);

    /** S10.5: one dialog per run, never one inside another. */
    void dialogOpened(String id);

    /** The body of {@code fragment} starts executing. */
    void enter(FragmentDef fragment);

    /** The innermost executing body ended. */
    void exit();

    /** The body of {@code fragment} threw {@code failure}: the run's error message goes into it. */
    void failedIn(FragmentDef fragment, Throwable failure);

    /** {@code st.rerun(RerunScope.FRAGMENT)}: legal only in a fragment run. */
    void rerunFragment();
}
