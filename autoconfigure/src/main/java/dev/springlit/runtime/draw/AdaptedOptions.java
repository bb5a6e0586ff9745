package dev.springlit.runtime.draw;

import dev.springlit.Callback;
import dev.springlit.CallbackArgs;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.WidgetOptions;

/**
 * Options whose value type differs from the widget's (sliders take any {@code Number}) seen as options of
 * the widget's own type, so the shared widget code reads key, help, callback and arguments from one place.
 */
final class AdaptedOptions<T> extends ValueWidgetOptions<AdaptedOptions<T>, T> {

    AdaptedOptions(WidgetOptions<?> source, Callback onChange, boolean valueGiven, T start) {
        key(source.getKey());
        help(source.getHelp());
        disabled(source.isDisabled());
        labelVisibility(source.getLabelVisibility());
        CallbackArgs args = source.getCallbackArgs();
        args(args.args().toArray());
        kwargs(args.kwargs());
        onChange(onChange);
        if (valueGiven) {
            value(start);
        }
    }
}
