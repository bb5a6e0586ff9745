package dev.springlit;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Options every widget shares, set in a customizer lambda: {@code o -> o.key("celsius").help("…")}.
 *
 * @param <S> the concrete options type, so that calls chain
 */
public abstract class WidgetOptions<S extends WidgetOptions<S>> {

    private String key;
    private String help;
    private boolean disabled;
    private LabelVisibility labelVisibility = LabelVisibility.VISIBLE;
    private List<Object> args = List.of();
    private Map<String, Object> kwargs = Map.of();

    @SuppressWarnings("unchecked")
    protected final S self() {
        return (S) this;
    }

    /**
     * Links the widget to {@code state.get(key)} and makes its identity the key alone, so changing its label
     * keeps its value. Unique per run across all widgets.
     */
    public S key(String key) {
        this.key = key;
        return self();
    }

    /** A tooltip shown next to the label (Markdown). */
    public S help(String help) {
        this.help = help;
        return self();
    }

    /** Greys the widget out; it still shows its value. */
    public S disabled(boolean disabled) {
        this.disabled = disabled;
        return self();
    }

    /** Whether the label is shown, hidden but keeping its space, or collapsed. */
    public S labelVisibility(LabelVisibility labelVisibility) {
        this.labelVisibility = labelVisibility;
        return self();
    }

    /** Positional arguments for the callback, bound now (when the widget is drawn). */
    public S args(Object... args) {
        this.args = Arrays.asList(args.clone());
        return self();
    }

    /** Named arguments for the callback, bound now (when the widget is drawn). */
    public S kwargs(Map<String, ?> kwargs) {
        this.kwargs = new LinkedHashMap<>(kwargs);
        return self();
    }

    /** What the runtime reads of the options every widget shares: kept off the options so pages see only setters. */
    public static Common common(WidgetOptions<?> options) {
        CallbackArgs callbackArgs = options.args.isEmpty() && options.kwargs.isEmpty() ? CallbackArgs.NONE
                : new CallbackArgs(options.args, options.kwargs);
        return new Common(options.key, options.help, options.disabled, options.labelVisibility, callbackArgs);
    }

    /**
     * The options every widget shares, as the runtime reads them.
     *
     * @param callbackArgs the callback arguments as given to {@link #args} and {@link #kwargs}
     */
    public record Common(String key, String help, boolean disabled, LabelVisibility labelVisibility,
                         CallbackArgs callbackArgs) {
    }
}
