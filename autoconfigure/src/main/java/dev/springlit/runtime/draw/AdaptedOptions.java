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
        WidgetOptions.Common shared = WidgetOptions.common(source);
        key(shared.key());
        help(shared.help());
        disabled(shared.disabled());
        labelVisibility(shared.labelVisibility());
        CallbackArgs args = shared.callbackArgs();
        args(args.args().toArray());
        kwargs(args.kwargs());
        onChange(onChange);
        if (valueGiven) {
            value(start);
        }
    }
}
