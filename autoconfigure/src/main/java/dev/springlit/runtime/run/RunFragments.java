package dev.springlit.runtime.run;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.springlit.runtime.control.RunControl;
import dev.springlit.St;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Widget;
import dev.springlit.runtime.draw.DrawnFragments;
import dev.springlit.runtime.draw.FragmentDef;
import dev.springlit.runtime.draw.StFactory;
import dev.springlit.runtime.page.PageDescriptor;

/**
 * One run's view of fragments: which fragment it reruns (none for a full run), which fragment body is executing
 * now, and what it drew (fragments, the fragment of each widget, the dialog it opened). Used by the run's thread only.
 */
final class RunFragments implements DrawnFragments {

    /** Streamlit's message for scope="fragment" outside a fragment rerun, with the Java names. */
    static final String FRAGMENT_RERUN_OUTSIDE = "RerunScope.FRAGMENT can only be specified from st.fragment bodies "
            + "during fragment reruns.";

    private final FragmentDef target;
    private final Fragments before;
    private final Deque<FragmentDef> executing = new ArrayDeque<>(2);
    /** The fragments drawn in this run, by name, and the fragment of each widget drawn in one; null until the first. */
    private Map<String, FragmentDef> drawn;
    private Map<String, String> widgetFragments;
    private String dialog;
    /** The fragment whose body threw (not a run control), so that its error shows inside it, as in Streamlit. */
    private FragmentDef failed;
    /** Set by {@code st.rerun(RerunScope.FRAGMENT)}: the fragment to run again after this run. */
    private String rerunFragment;

    /**
     * @param target the fragment this run reruns, or {@code null} for a run of the whole page
     * @param before the fragments the committed state knows
     */
    RunFragments(FragmentDef target, Fragments before) {
        this.target = target;
        this.before = before;
        if (target != null) {
            executing.push(target);
        }
    }

    /** Runs what this run draws: the page, or the fragment's body alone. */
    void render(PageDescriptor page, St st) throws Exception {
        if (target == null) {
            page.page().render(st);
        } else {
            target.body().accept(StFactory.inside(st, target));
        }
    }

    FragmentDef target() {
        return target;
    }

    boolean isFragmentRun() {
        return target != null;
    }

    /** The innermost fragment whose body is executing, or {@code null}. */
    FragmentDef current() {
        return executing.peek();
    }

    /** A fragment drawn in this run: its name is unique in the run. */
    @Override
    public void drawn(FragmentDef fragment) {
        if (drawn == null) {
            drawn = new LinkedHashMap<>();
        }
        if (drawn.containsKey(fragment.name()) || (target != null && target.name().equals(fragment.name()))) {
            throw new StreamlitApiException("There are multiple fragments with the same name '" + fragment.name()
                    + "'. Each st.fragment of a page needs its own name.");
        }
        drawn.put(fragment.name(), fragment);
    }

    /** S10.5: one dialog per run, never one inside another, with Streamlit's messages. */
    @Override
    public void dialogOpened(String id) {
        if (executing.stream().anyMatch(FragmentDef::dialog)) {
            throw new StreamlitApiException("Dialogs may not be nested inside other dialogs.");
        }
        if (dialog != null) {
            throw new StreamlitApiException("Only one dialog is allowed to be opened at the same time. Please make "
                    + "sure to not call st.dialog more than once in a run.");
        }
        dialog = id;
    }

    @Override
    public void enter(FragmentDef fragment) {
        executing.push(fragment);
        failed = null;
    }

    @Override
    public void exit() {
        executing.pop();
    }

    /** The body of {@code fragment} threw {@code failure}: the run's error message goes into it. */
    @Override
    public void failedIn(FragmentDef fragment, Throwable failure) {
        if (!(failure instanceof RunControl) && failed == null) {
            failed = fragment;
        }
    }

    /**
     * Where the run's own messages for the main body go (an error, a warning): into the fragment whose body threw,
     * else into a fragment run's fragment (the part of the page it redraws); {@code null}: the main body.
     */
    ElementPath messagesGoTo() {
        return failed != null ? failed.path() : target != null ? target.path() : null;
    }

    /** Remembers in which fragment a widget was drawn, so that an interaction with it reruns only that fragment. */
    void widgetDrawn(String widgetId) {
        FragmentDef fragment = executing.peek();
        if (fragment != null) {
            if (widgetFragments == null) {
                widgetFragments = new HashMap<>();
            }
            widgetFragments.put(widgetId, fragment.name());
        }
    }

    /** Streamlit's rule: a fragment may write elements, but not widgets, to containers outside itself. */
    void checkPlacement(ElementPath container, Element element) {
        FragmentDef fragment = executing.peek();
        if (fragment != null && (element instanceof Widget || element instanceof Button)
                && !container.startsWith(fragment.path())) {
            throw new StreamlitApiException("Fragments cannot write widgets to outside containers.");
        }
    }

    /**
     * Whether this run could have drawn the widget {@code id} again (S4.8 forgets an unkeyed widget only then): a
     * full run could draw any; a fragment run only those drawn in its fragment before.
     */
    boolean couldDraw(String widgetId) {
        return target == null || before.isWithin(before.fragmentOf(widgetId), target);
    }

    /** Whether what {@code container} showed past this run's elements goes: in a fragment run, only inside it. */
    boolean trims(ElementPath container) {
        return target == null || container.startsWith(target.path());
    }

    /** {@code st.rerun(RerunScope.FRAGMENT)}: legal only in a fragment run, as Streamlit's scope="fragment". */
    @Override
    public void rerunFragment() {
        if (target == null) {
            throw new StreamlitApiException(FRAGMENT_RERUN_OUTSIDE);
        }
        rerunFragment = target.name();
    }

    /** The fragment to run again right after this run, or {@code null}. */
    String rerunFragmentName() {
        return rerunFragment;
    }

    Map<String, FragmentDef> drawn() {
        return drawn == null ? Map.of() : drawn;
    }

    Map<String, String> widgetFragments() {
        return widgetFragments == null ? Map.of() : widgetFragments;
    }
}
