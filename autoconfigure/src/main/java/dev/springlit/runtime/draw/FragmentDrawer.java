package dev.springlit.runtime.draw;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

import dev.springlit.Callback;
import dev.springlit.CallbackArgs;
import dev.springlit.DialogOptions;
import dev.springlit.RerunScope;
import dev.springlit.St;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.control.RerunRequestedException;
import dev.springlit.runtime.widget.WidgetSpec;

/**
 * st.fragment and st.dialog: a block whose body the run executes at once and remembers, so that a fragment run
 * (an interaction inside, its timer, a fragment-scoped rerun) executes that body again without the page.
 */
final class FragmentDrawer {

    private FragmentDrawer() {
    }

    static void fragment(DeltaGenerator st, String name, Duration runEvery, Consumer<St> body) {
        Canvas run = st.run();
        Objects.requireNonNull(body, "A fragment needs a body");
        if (name == null || name.isBlank()) {
            throw new StreamlitApiException("A fragment needs a name: it is its identity within the page.");
        }
        if (runEvery != null && (runEvery.isNegative() || runEvery.isZero())) {
            throw new StreamlitApiException("runEvery must be a positive duration, not " + runEvery + ".");
        }
        ElementPath inside = st.openBlock(run, new Block("fragment", DeltaGenerator.props("name", name)), false);
        FragmentDef fragment = new FragmentDef(name, inside, body, runEvery, st.formKey(), false);
        run.fragments().drawn(fragment);
        execute(st, run, fragment);
    }

    static void dialog(DeltaGenerator st, String title, DialogOptions options, Consumer<St> body) {
        Canvas run = st.run();
        Objects.requireNonNull(body, "A dialog needs a body");
        if (title == null || title.isEmpty()) {
            throw new StreamlitApiException("A non-empty title has to be provided for dialogs, for example "
                    + "st.dialog(\"Example Title\", d -> ...).");
        }
        var read = DialogOptions.snapshot(options == null ? DialogOptions.defaults() : options);
        // dismissing is a click on the dialog itself: a trigger whose callback is onDismiss, drawn where st.dialog
        // is called, so that it reruns the page (or the fragment that opened the dialog)
        Callback onDismiss = read.onDismiss() == null || !read.dismissible() ? null : args -> read.onDismiss().run();
        WidgetSpec dismiss = new WidgetSpec(WidgetKind.BUTTON, title, null, new Object[] {"dialog"}, Boolean.FALSE,
                false, true, false, onDismiss, CallbackArgs.NONE, null);
        String id = dismiss.id(run.page().path(), st.formKey());
        run.fragments().dialogOpened(id);
        ElementPath inside = st.openBlock(run, new Block("dialog", DeltaGenerator.props("title", title,
                "width", read.width().wireName(), "dismissible", read.dismissible(), "id", id)), false);
        String form = st.formKey();
        // not dismissible: its trigger belongs to the dialog's own body, drawn again by each of its runs, so that a
        // dismissal reaching the server anyway only reruns the dialog, which stays open
        Consumer<St> dialogBody = read.dismissible() ? body : d -> {
            ((DeltaGenerator) d).run().registerWidget(dismiss, form);
            body.accept(d);
        };
        FragmentDef dialog = new FragmentDef(id, inside, dialogBody, null, form, true);
        run.fragments().drawn(dialog);
        if (read.dismissible()) {
            run.registerWidget(dismiss, form);
        }
        execute(st, run, dialog);
    }

    /** st.rerun(scope): the page, or (only in a fragment run) the fragment; in a callback a no-op with a warning. */
    static void rerun(DeltaGenerator st, RerunScope scope) {
        Canvas run = st.run();
        if (run.inCallback()) {
            run.warn("Calling st.rerun() within a callback is a no-op.");
            return;
        }
        if (scope == RerunScope.FRAGMENT) {
            run.fragments().rerunFragment();
        }
        throw new RerunRequestedException();
    }

    private static void execute(DeltaGenerator st, Canvas run, FragmentDef fragment) {
        run.fragments().enter(fragment);
        try {
            fragment.body().accept(new DeltaGenerator(st.owner(), fragment.path(), fragment.form()));
        } catch (RuntimeException | Error failure) {
            run.fragments().failedIn(fragment, failure);
            throw failure;
        } finally {
            run.fragments().exit();
        }
    }
}
