package dev.springlit.runtime.draw;

import java.util.Map;

import dev.springlit.ProgressBar;
import dev.springlit.StatusContainer;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Progress;
import dev.springlit.element.Spinner;
import dev.springlit.element.Toast;
import dev.springlit.runtime.control.Tracebacks;

/** Alerts, exceptions, progress bars, spinners, status blocks and toasts: how the page reports on itself. */
final class StatusDrawer {

    private StatusDrawer() {
    }

    static void alert(DeltaGenerator st, Alert.Level level, String body) {
        st.emit(new Alert(level, body));
    }

    static void exception(DeltaGenerator st, Throwable throwable) {
        st.emit(Tracebacks.element(throwable, st.owner().tools().showErrorDetails()));
    }

    static ProgressBar progress(DeltaGenerator st, int percent, String text) {
        Canvas run = st.run();
        int index = run.emit(st.path(), new Progress(clampPercent(percent), text));
        ElementPath container = st.path();
        return (next, nextText) -> st.run().replace(container, index, new Progress(clampPercent(next), nextText));
    }

    private static int clampPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new StreamlitApiException("progress() takes a percentage from 0 to 100, not " + percent + ".");
        }
        return percent;
    }

    static void spinner(DeltaGenerator st, String text, Runnable task) {
        Canvas run = st.run();
        int index = run.emit(st.path(), new Spinner(text));
        try {
            task.run();
        } finally {
            Canvas current = st.owner().canvas();
            if (current != null && !current.isInterrupted()) {
                current.replace(st.path(), index, new Block("empty", Map.of()));
            }
        }
    }

    static StatusContainer status(DeltaGenerator st, String label) {
        Canvas run = st.run();
        Map<String, Object> props = DeltaGenerator.props("label", label, "state", "running", "expanded", false);
        return new StatusBlock(st.owner(), st.openBlock(run, new Block("status", props), false), st.formKey());
    }

    static void toast(DeltaGenerator st, String text, String icon) {
        st.emit(new Toast(text, icon));
    }
}
