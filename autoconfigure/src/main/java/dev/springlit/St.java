package dev.springlit;

import java.util.function.Consumer;

/**
 * Draws elements and widgets into the page, top to bottom: Streamlit's {@code st}. Every call adds one
 * element at the current position of this container; the browser receives only what changed since the
 * previous run.
 *
 * <pre>{@code
 * st.title("Counter Example");
 * if (st.button("Increment")) state.put("count", state.getInt("count") + 1);
 * st.write("Count = ", state.get("count"));
 * }</pre>
 *
 * Works only on the run's thread (and in callbacks); elsewhere it throws {@link IllegalStateException}.
 */
public interface St {

    /** A title ({@code h1}). */
    void title(String text);

    /** A header ({@code h2}). */
    void header(String text);

    /** A subheader ({@code h3}). */
    void subheader(String text);

    /** GitHub-flavoured Markdown; raw HTML in it is shown as text. */
    void markdown(String body);

    /** Markdown with options, such as {@code m -> m.unsafeAllowHtml(true)}. */
    void markdown(String body, Consumer<MarkdownOptions> options);

    /** Preformatted text in a fixed-width font, always escaped. */
    void text(String text);

    /** Small, muted text (Markdown). */
    void caption(String text);

    /** A code block without highlighting language. */
    void code(String code);

    /** A code block tagged with {@code language} (such as {@code "java"}). */
    void code(String code, String language);

    /** A horizontal rule. */
    void divider();

    /**
     * Writes its arguments on one line, separated by spaces: strings as Markdown, numbers and booleans as
     * text, maps, collections, arrays and records as JSON, a {@link Throwable} as an exception element.
     * {@code st.write("Count = ", 1)} shows {@code Count = 1}.
     */
    void write(Object... values);

    /** A red box with a message (Markdown). */
    void error(String body);

    /** A yellow box with a message (Markdown). */
    void warning(String body);

    /** A blue box with a message (Markdown). */
    void info(String body);

    /** A green box with a message (Markdown). */
    void success(String body);

    /** Shows an exception: its type, message and stack trace without framework frames. */
    void exception(Throwable throwable);

    /** A button; {@code true} only in the run caused by clicking it. */
    default boolean button(String label) {
        return button(label, options -> { });
    }

    /**
     * A button with options, such as a callback:
     * {@code st.button("Add 5", b -> b.onClick(() -> state.update("count", (Integer c) -> c + 5)))}.
     */
    boolean button(String label, Consumer<ButtonOptions> options);

    /**
     * Ends this run at once and starts a new one (no callbacks, all buttons false). Inside a callback it
     * does nothing but show a warning, as in Streamlit.
     */
    void rerun();

    /** Ends this run at once; nothing after it is drawn. */
    void stop();

    /** A handle on this tab's session for a background task: update its state and ask for a rerun. */
    SessionHandle session();
}
