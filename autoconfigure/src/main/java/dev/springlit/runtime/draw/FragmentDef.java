package dev.springlit.runtime.draw;

import java.time.Duration;
import java.util.function.Consumer;

import dev.springlit.St;
import dev.springlit.element.ElementPath;

/**
 * A fragment as a run drew it: what a fragment run executes again (the body of the latest run that drew it, as
 * Streamlit keeps the function and its arguments) and where (the container of its block).
 *
 * @param name     its identity within the page (a dialog's is its dismiss trigger's widget id)
 * @param path     the container its body draws into
 * @param body     the body to run
 * @param runEvery how often it reruns on its own, or {@code null}
 * @param form     the form its body draws into, or {@code null}
 * @param dialog   whether it is a dialog's body
 */
public record FragmentDef(String name, ElementPath path, Consumer<St> body, Duration runEvery, String form, boolean dialog) {

    /** Whether {@code other} lies inside this fragment (or is it). */
    public boolean contains(FragmentDef other) {
        return other.path.startsWith(path);
    }
}
