package dev.springlit.test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;

/**
 * The page tester's accessors for the buttons and input widgets the page shows, by label, key or kind. A widget's
 * value is what the page got in the last run; changing it goes through the {@link PageTester} that found it.
 */
abstract class PageWidgets extends PageTexts {

    /** The tester that the found buttons and widgets queue their interactions with. */
    abstract PageTester tester();

    /** The committed Java value of the widget with this id. */
    abstract Object widgetValue(String widgetId);

    /** The buttons, in page order. */
    public List<ButtonElement> buttons() {
        List<ButtonElement> found = new ArrayList<>();
        for (Element element : elements()) {
            if (element instanceof Button b) {
                found.add(new ButtonElement(tester(), b));
            }
        }
        return found;
    }

    public ButtonElement button(int index) {
        return pick(buttons(), index, "button");
    }

    /** The button with this label (the first, if several); a form's submit button is found too, as in AppTest. */
    public ButtonElement button(String label) {
        return buttons().stream().filter(b -> b.label().equals(label)).findFirst()
                .or(() -> widgets().stream().filter(w -> "form_submit_button".equals(w.kind()) && w.label().equals(label))
                        .findFirst().map(w -> new ButtonElement(tester(), w)))
                .orElseThrow(() -> new AssertionError("No button labelled \"" + label + "\"; the page has "
                        + buttons() + " and the form submit buttons " + widgets().stream()
                                .filter(w -> "form_submit_button".equals(w.kind())).map(WidgetElement::label).toList()));
    }

    /** The button drawn with {@code key}. */
    public ButtonElement buttonByKey(String key) {
        return buttons().stream().filter(b -> b.id().equals("$$k:" + key)).findFirst()
                .orElseThrow(() -> new AssertionError("No button with key \"" + key + "\"; the page has " + buttons()));
    }

    /** The input widgets, in page order. */
    public List<WidgetElement> widgets() {
        List<WidgetElement> found = new ArrayList<>();
        for (Element element : elements()) {
            if (element instanceof Widget w) {
                found.add(new WidgetElement(tester(), w, widgetValue(w.id())));
            }
        }
        return found;
    }

    /** The input widget drawn with {@code key}. */
    public WidgetElement byKey(String key) {
        return widgets().stream().filter(w -> key.equals(w.key())).findFirst()
                .orElseThrow(() -> new AssertionError("No widget with key \"" + key + "\"; the page has " + widgets()));
    }

    /** The first input widget with this label, of any kind. */
    public WidgetElement widget(String label) {
        return widgets().stream().filter(w -> w.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No widget labelled \"" + label + "\"; the page has " + widgets()));
    }

    private WidgetElement widget(WidgetKind kind, String label) {
        return widgets().stream().filter(w -> w.kind().equals(kind.wireName()) && w.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " labelled \"" + label + "\"; the page has "
                        + widgets()));
    }

    public WidgetElement numberInput(String label) {
        return widget(WidgetKind.NUMBER_INPUT, label);
    }

    public WidgetElement slider(String label) {
        return widget(WidgetKind.SLIDER, label);
    }

    public WidgetElement rangeSlider(String label) {
        return widget(WidgetKind.RANGE_SLIDER, label);
    }

    /** A {@code st.pills} or {@code st.pillsMultiple}. */
    public WidgetElement pills(String label) {
        return widget(WidgetKind.PILLS, label);
    }

    /** A {@code st.segmentedControl} or {@code st.segmentedControlMultiple}. */
    public WidgetElement segmentedControl(String label) {
        return widget(WidgetKind.SEGMENTED_CONTROL, label);
    }

    /** A {@code st.selectSlider} or {@code st.selectRangeSlider}. */
    public WidgetElement selectSlider(String label) {
        return widget(WidgetKind.SELECT_SLIDER, label);
    }

    public WidgetElement textInput(String label) {
        return widget(WidgetKind.TEXT_INPUT, label);
    }

    public WidgetElement textArea(String label) {
        return widget(WidgetKind.TEXT_AREA, label);
    }

    public WidgetElement checkbox(String label) {
        return widget(WidgetKind.CHECKBOX, label);
    }

    public WidgetElement toggle(String label) {
        return widget(WidgetKind.TOGGLE, label);
    }

    public WidgetElement radio(String label) {
        return widget(WidgetKind.RADIO, label);
    }

    public WidgetElement selectbox(String label) {
        return widget(WidgetKind.SELECTBOX, label);
    }

    public WidgetElement multiselect(String label) {
        return widget(WidgetKind.MULTISELECT, label);
    }

    public WidgetElement dateInput(String label) {
        return widget(WidgetKind.DATE_INPUT, label);
    }

    public WidgetElement timeInput(String label) {
        return widget(WidgetKind.TIME_INPUT, label);
    }

    public WidgetElement colorPicker(String label) {
        return widget(WidgetKind.COLOR_PICKER, label);
    }

    /** The values of all input widgets by label (the last one wins when labels repeat). */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (WidgetElement widget : widgets()) {
            values.put(widget.label(), widget.value());
        }
        return values;
    }

    public WidgetElement fileUploader(String label) {
        return widget(WidgetKind.FILE_UPLOADER, label);
    }

    public WidgetElement downloadButton(String label) {
        return widget(WidgetKind.DOWNLOAD_BUTTON, label);
    }

    /** A form's submit button by label. */
    public WidgetElement formSubmitButton(String label) {
        return widget(WidgetKind.FORM_SUBMIT_BUTTON, label);
    }
}
