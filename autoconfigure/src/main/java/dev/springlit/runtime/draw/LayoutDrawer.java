package dev.springlit.runtime.draw;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.springlit.Form;
import dev.springlit.FormOptions;
import dev.springlit.St;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;

/** Containers, columns, expanders, tabs, placeholders, popovers and forms: blocks that hold other elements. */
final class LayoutDrawer {

    private LayoutDrawer() {
    }

    static St sidebar(DeltaGenerator st) {
        st.run();
        return new DeltaGenerator(st.owner(), ElementPath.SIDEBAR, null);
    }

    static St container(DeltaGenerator st, boolean border) {
        return st.block(st.run(), new Block("container", DeltaGenerator.props("border", border)), false, st.formKey());
    }

    static List<St> columns(DeltaGenerator st, double... weights) {
        Canvas run = st.run();
        if (weights.length == 0 || Arrays.stream(weights).anyMatch(w -> !(w > 0) || Double.isInfinite(w))) {
            throw new StreamlitApiException("Column weights must be positive numbers: "
                    + Arrays.toString(weights) + ".");
        }
        List<Double> list = Arrays.stream(weights).boxed().toList();
        String form = st.formKey();
        DeltaGenerator row = st.block(run, new Block("columns", DeltaGenerator.props("weights", list, "gap", "small")),
                false, form);
        List<St> columns = new ArrayList<>();
        for (double weight : weights) {
            columns.add(row.block(run, new Block("column", DeltaGenerator.props("weight", weight)), false, form));
        }
        return List.copyOf(columns);
    }

    static List<St> columns(DeltaGenerator st, int count) {
        if (count < 1) {
            throw new StreamlitApiException("columns() needs at least one column, not " + count + ".");
        }
        double[] weights = new double[count];
        Arrays.fill(weights, 1);
        return columns(st, weights);
    }

    static St expander(DeltaGenerator st, String label, boolean expanded) {
        return st.block(st.run(), new Block("expander", DeltaGenerator.props("label", label, "expanded", expanded)),
                false, st.formKey());
    }

    static List<St> tabs(DeltaGenerator st, String... labels) {
        Canvas run = st.run();
        if (labels.length == 0) {
            throw new StreamlitApiException("tabs() needs at least one label.");
        }
        String form = st.formKey();
        DeltaGenerator strip = st.block(run, new Block("tabs", DeltaGenerator.props("labels", List.of(labels))),
                false, form);
        List<St> tabs = new ArrayList<>();
        for (String label : labels) {
            tabs.add(strip.block(run, new Block("tab", DeltaGenerator.props("label", label)), false, form));
        }
        return List.copyOf(tabs);
    }

    static St empty(DeltaGenerator st) {
        return st.block(st.run(), new Block("empty", Map.of()), true, st.formKey());
    }

    static St popover(DeltaGenerator st, String label) {
        return st.block(st.run(), new Block("popover", DeltaGenerator.props("label", label)), false, st.formKey());
    }

    static Form form(DeltaGenerator st, String key, Consumer<FormOptions> options) {
        Canvas run = st.run();
        if (st.formKey() != null) {
            throw new StreamlitApiException("Forms cannot be nested in other forms.");
        }
        Objects.requireNonNull(key, "A form needs a key");
        FormOptions o = new FormOptions();
        options.accept(o);
        var read = FormOptions.snapshot(o);
        ElementPath inside = st.openBlock(run, new Block("form", DeltaGenerator.props("key", key, "border", read.border(),
                "clearOnSubmit", read.clearOnSubmit(), "enterToSubmit", read.enterToSubmit())), false);
        run.openForm(key, inside, read.clearOnSubmit());
        return new FormContainer(st.owner(), inside, key);
    }
}
