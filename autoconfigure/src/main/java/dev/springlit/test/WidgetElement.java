package dev.springlit.test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.springlit.Range;
import dev.springlit.element.Widget;
import dev.springlit.element.WidgetKind;

/**
 * An input widget the page drew, as the tester sees it: its value, and ways to change it like a user.
 * A change takes effect in the next {@link PageTester#run()}.
 *
 * <pre>{@code
 * tester.numberInput("Enter a value").setValue(5).run();
 * tester.checkbox("Show details").check().run();
 * assertThat(tester.slider("Temperature in Celsius").value()).isEqualTo(50.0);
 * }</pre>
 */
public final class WidgetElement {

    private final PageTester tester;
    private final Widget widget;
    private final Object value;

    WidgetElement(PageTester tester, Widget widget, Object value) {
        this.tester = tester;
        this.widget = widget;
        this.value = value;
    }

    /** The widget's value as the page got it in the last run (its Java type: Integer, LocalDate, List ...). */
    public Object value() {
        return value;
    }

    /**
     * The value as the browser shows it (option indexes, ISO dates, ...): in a form, an edit not submitted yet
     * (after a submit of a form that clears on submit, the default).
     */
    public Object browserValue() {
        return tester.shownValue(widget);
    }

    public String label() {
        return widget.label();
    }

    public String kind() {
        return widget.kind();
    }

    /** The widget's key, or {@code null}. */
    public String key() {
        return widget.id().startsWith("$$k:") ? widget.id().substring(4) : null;
    }

    public boolean disabled() {
        return widget.disabled();
    }

    public String help() {
        return widget.help();
    }

    /** The option labels of a radio, select box, multiselect, select slider or pills. */
    @SuppressWarnings("unchecked")
    public List<String> options() {
        Object options = widget.prop("options");
        return options == null ? List.of() : (List<String>) options;
    }

    /** Kind-specific settings: min, max, step, placeholder ... */
    public Map<String, Object> props() {
        return widget.props();
    }

    /** Sets the value as a user would (in the widget's Java type); applies in the next run. */
    public PageTester setValue(Object newValue) {
        ensureEnabled();
        queue(tester.browserValue(widget.id(), newValue));
        return tester;
    }

    /** In a form the edit is held until the form is submitted, as in the browser. */
    private void queue(Object browserValue) {
        if (widget.form() != null) {
            tester.queueFormValue(widget.form(), widget.id(), browserValue);
        } else {
            tester.queueValue(widget.id(), browserValue);
        }
    }

    /** Types {@code text} into a text input or area. */
    public PageTester input(String text) {
        return setValue(text);
    }

    /** Ticks a checkbox or switches a toggle on. */
    public PageTester check() {
        return setValue(Boolean.TRUE);
    }

    /** Unticks a checkbox or switches a toggle off. */
    public PageTester uncheck() {
        return setValue(Boolean.FALSE);
    }

    /** Chooses an option of a radio, select box or pills (by value, not label); null chooses none. */
    public PageTester select(Object option) {
        return setValue(option);
    }

    /** Sets both ends of a range slider. */
    public <T extends Comparable<T>> PageTester setRange(T low, T high) {
        return setValue(Range.of(low, high));
    }

    /** Moves both handles of a select range slider to these options (start first). */
    public PageTester selectRange(Object start, Object end) {
        return setValue(List.of(start, end));
    }

    /** Presses the number input's + button. */
    public PageTester increment() {
        return step(1);
    }

    /** Presses the number input's − button. */
    public PageTester decrement() {
        return step(-1);
    }

    private PageTester step(int direction) {
        if (!(value instanceof Number current) || !(widget.prop("step") instanceof Number step)) {
            throw new IllegalStateException(this + " has no number to step");
        }
        if (value instanceof Double) {
            return setValue(current.doubleValue() + direction * step.doubleValue());
        }
        long next = current.longValue() + direction * step.longValue();
        return setValue(value instanceof Integer ? (Object) (int) next : (Object) next);
    }

    /** Uploads a file into a file uploader, as a user choosing it would (added for a multiple uploader). */
    public PageTester upload(String name, String contentType, byte[] bytes) {
        ensureEnabled();
        List<Object> ids = new ArrayList<>();
        if (Boolean.TRUE.equals(widget.prop("multiple")) && widget.value() instanceof List<?> current) {
            ids.addAll(current);
        }
        ids.add(tester.storeUpload(widget.id(), name, contentType, bytes));
        queue(ids);
        return tester;
    }

    /** Uploads a file with the type a browser would guess from nothing: application/octet-stream. */
    public PageTester upload(String name, byte[] bytes) {
        return upload(name, "application/octet-stream", bytes);
    }

    /** Clears a file uploader. */
    public PageTester clearFiles() {
        queue(List.of());
        return tester;
    }

    /** Clicks a download button (the download itself is not simulated) or a form's submit button. */
    public PageTester click() {
        ensureEnabled();
        if (widget.widgetKind() == WidgetKind.FORM_SUBMIT_BUTTON) {
            tester.queueSubmit(widget.form(), widget.id());
        } else if (widget.widgetKind() == WidgetKind.DOWNLOAD_BUTTON) {
            tester.queueTrigger(widget.id());
        } else {
            throw new IllegalStateException(this + " cannot be clicked");
        }
        return tester;
    }

    private void ensureEnabled() {
        if (widget.disabled()) {
            throw new IllegalStateException(this + " is disabled; a user cannot change it.");
        }
    }

    @Override
    public String toString() {
        return widget.kind() + " \"" + widget.label() + "\"";
    }
}
