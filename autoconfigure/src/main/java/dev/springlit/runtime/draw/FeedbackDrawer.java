package dev.springlit.runtime.draw;

import java.util.List;
import java.util.Locale;

import dev.springlit.FeedbackOptions;
import dev.springlit.LabelVisibility;
import dev.springlit.StreamlitApiException;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.widget.WidgetCodec;
import dev.springlit.runtime.widget.WidgetCodecs;

/**
 * {@code st.feedback} (Streamlit's {@code st.feedback}): a row of rating buttons, thumbs (👎 👍), faces (😞 to 😀)
 * or stars (★ × 5). Its value is the chosen button's index, or null; the wire value is the same index.
 */
final class FeedbackDrawer {

    private static final List<String> THUMBS = List.of("👎", "👍");
    private static final List<String> FACES = List.of("😞", "🙁", "😐", "🙂", "😀");
    private static final List<String> STARS = List.of("★", "★", "★", "★", "★");
    private static final List<String> THUMB_NAMES = List.of("Thumbs down", "Thumbs up");
    private static final List<String> FACE_NAMES = List.of("Very unhappy", "Unhappy", "Neutral", "Happy", "Very happy");
    private static final List<String> STAR_NAMES = List.of("One star", "Two stars", "Three stars", "Four stars",
            "Five stars");

    private FeedbackDrawer() {
    }

    static Integer draw(DeltaGenerator st, String options, FeedbackOptions o) {
        var initial = ValueWidgetOptions.start(o);
        String type = options == null ? "" : options.strip().toLowerCase(Locale.ROOT);
        List<String> icons;
        List<String> names;
        switch (type) {
            case "thumbs" -> { icons = THUMBS; names = THUMB_NAMES; }
            case "faces" -> { icons = FACES; names = FACE_NAMES; }
            case "stars" -> { icons = STARS; names = STAR_NAMES; }
            default -> throw new StreamlitApiException("The options argument to st.feedback must be one of "
                    + "[\"thumbs\", \"faces\", \"stars\"]. The argument passed was \"" + options + "\".");
        }
        o.labelVisibility(LabelVisibility.COLLAPSED); // the buttons speak for themselves, as in Streamlit
        Integer start = initial.valueGiven() ? initial.value() : null;
        return ValueWidgets.draw(st, WidgetKind.FEEDBACK, type, o, start, initial.valueGiven(), rating(icons.size()),
                DeltaGenerator.props("type", type, "icons", icons, "names", names), type);
    }

    /** An index of one of {@code size} buttons, or null for none. */
    static WidgetCodec<Integer> rating(int size) {
        return new WidgetCodec<>() {
            @Override
            public Integer decode(Object wire) {
                return wire == null ? null : WidgetCodecs.index(wire, size);
            }

            @Override
            public Object encode(Integer value) {
                return value;
            }

            @Override
            public Integer coerce(Object stateValue, String widgetName) {
                if (stateValue == null) {
                    return null;
                }
                if (!(stateValue instanceof Integer i) || i < 0 || i >= size) {
                    throw new StreamlitApiException("The value " + WidgetCodecs.describe(stateValue) + " of "
                            + widgetName + " is not a rating from 0 to " + (size - 1) + " or null.");
                }
                return i;
            }
        };
    }
}
