package dev.springlit.element;

import java.util.Locale;

/**
 * Every kind of widget a page can draw: the one place its name is spelled. The name ({@link #wireName()}) is
 * what the browser sees in {@code data-sl-kind}, the key of its handler in {@code widgets/kinds.js} and the name
 * of its template {@code templates/springlit/widgets/<name>.html}; {@code WidgetKindTest} checks all three.
 *
 * <pre>{@code
 * WidgetKind.of("number_input") == WidgetKind.NUMBER_INPUT; // true
 * }</pre>
 */
public enum WidgetKind {

    /** {@code st.button}: drawn as its own element ({@link Button}), a trigger. */
    BUTTON(Role.TRIGGER, true),
    /** {@code st.formSubmitButton}: a trigger that also sends its form's values. */
    FORM_SUBMIT_BUTTON(Role.TRIGGER, true),
    /** {@code st.downloadButton}: a trigger that is also a link to a file. */
    DOWNLOAD_BUTTON(Role.TRIGGER, true),
    NUMBER_INPUT(Role.VALUE, false),
    SLIDER(Role.VALUE, false),
    RANGE_SLIDER(Role.VALUE, false),
    SELECT_SLIDER(Role.VALUE, false),
    TEXT_INPUT(Role.VALUE, false),
    TEXT_AREA(Role.VALUE, false),
    CHECKBOX(Role.VALUE, true),
    TOGGLE(Role.VALUE, true),
    RADIO(Role.VALUE, true),
    SELECTBOX(Role.VALUE, false),
    MULTISELECT(Role.VALUE, false),
    /** {@code st.pills} and {@code st.pillsMultiple}: options as a row of pills. */
    PILLS(Role.VALUE, true),
    /** {@code st.segmentedControl} and {@code st.segmentedControlMultiple}: options as a row of joined buttons. */
    SEGMENTED_CONTROL(Role.VALUE, true),
    DATE_INPUT(Role.VALUE, false),
    TIME_INPUT(Role.VALUE, false),
    COLOR_PICKER(Role.VALUE, false),
    FILE_UPLOADER(Role.VALUE, false),
    /**
     * {@code st.chatInput}: a trigger that carries its text (true only in the run its sending causes), with a client
     * handler like a value widget's (it reads the text and sends it with the trigger); it draws no label row.
     */
    CHAT_INPUT(Role.VALUE, true),
    /** {@code st.feedback}: thumbs, faces or stars; its value is the chosen index. */
    FEEDBACK(Role.VALUE, true);

    /** A value widget's value lives in state; a trigger is true only in the run its click causes. */
    private enum Role { VALUE, TRIGGER }

    private final Role role;
    private final boolean labelsItself;
    private final String wireName;

    WidgetKind(Role role, boolean labelsItself) {
        this.role = role;
        this.labelsItself = labelsItself;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The kind as templates, the protocol and the client spell it, such as {@code "number_input"}. */
    public String wireName() {
        return wireName;
    }

    /** Whether the widget holds a value the browser edits (and so has a handler in {@code widgets/kinds.js}). */
    public boolean holdsValue() {
        return role == Role.VALUE;
    }

    /**
     * Whether its template draws its own label (a checkbox's label beside the box, a radio group's legend), so the
     * shared label row above the widget is left out.
     */
    public boolean labelsItself() {
        return labelsItself;
    }

    /** The kind with this wire name. */
    public static WidgetKind of(String wireName) {
        for (WidgetKind kind : values()) {
            if (kind.wireName.equals(wireName)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("No widget kind is called \"" + wireName + "\"");
    }

    /** The wire name, so messages read "the slider ..." as before. */
    @Override
    public String toString() {
        return wireName;
    }
}
