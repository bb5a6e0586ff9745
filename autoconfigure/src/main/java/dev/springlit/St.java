// Over 300 lines: the public facade, one documented method per Streamlit call; the code behind each lives in a drawer.
package dev.springlit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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

    // ---- input widgets --------------------------------------------------------------------------------
    // Each returns the widget's current value. With a key, the value is also state.get(key) (and setting the
    // key through SessionState sets the widget). onChange callbacks run before the page in the next run.

    /** A whole-number input starting at {@code value} ({@code null}: empty). */
    default Integer numberInput(String label, Integer value) {
        return numberInput(label, value, o -> { });
    }

    /** A whole-number input: {@code st.numberInput("Enter a value", 0, o -> o.step(1).key("increment_value"))}. */
    Integer numberInput(String label, Integer value, Consumer<NumberInputOptions<Integer>> options);

    /**
     * A number input with no starting value of its own ({@code Integer}, {@code Long} or {@code Double}): it
     * starts at {@code min}, or 0. Use it for a keyed input whose value the page puts in state first, which then
     * shows no "created with a default value" warning:
     * {@code state.setDefault("celsius", 20.0); st.numberInput("Celsius", Double.class, o -> o.key("celsius"))}.
     */
    <T extends Number> T numberInput(String label, Class<T> type, Consumer<NumberInputOptions<T>> options);

    /** A {@code long} input. */
    Long numberInput(String label, Long value, Consumer<NumberInputOptions<Long>> options);

    /** A decimal input: {@code st.numberInput("Price", 9.99, o -> o.step(0.01).format("%.2f"))}. */
    Double numberInput(String label, Double value, Consumer<NumberInputOptions<Double>> options);

    /** A slider from {@code min} to {@code max}, starting at {@code min}. */
    default int slider(String label, int min, int max) {
        return slider(label, min, max, o -> { });
    }

    /** A whole-number slider with options: {@code st.slider("Age", 0, 120, o -> o.value(30))}. */
    int slider(String label, int min, int max, Consumer<SliderOptions> options);

    /** A {@code long} slider. */
    long slider(String label, long min, long max, Consumer<SliderOptions> options);

    /** A decimal slider: {@code st.slider("Temperature in Celsius", -100.0, 100.0, o -> o.key("celsius"))}. */
    double slider(String label, double min, double max, Consumer<SliderOptions> options);

    /** A slider with two handles: {@code st.rangeSlider("Price", 0, 100, o -> o.value(20, 80))}. */
    Range<Integer> rangeSlider(String label, int min, int max, Consumer<RangeSliderOptions> options);

    /** A decimal slider with two handles. */
    Range<Double> rangeSlider(String label, double min, double max, Consumer<RangeSliderOptions> options);

    /** A slider over {@code options} (Streamlit's {@code st.select_slider}), starting at the first option. */
    default <T> T selectSlider(String label, List<T> options) {
        return selectSlider(label, options, o -> { });
    }

    /** A slider over options: {@code st.selectSlider("Size", List.of("S", "M", "L"), o -> o.value("M"))}. */
    <T> T selectSlider(String label, List<T> options, Consumer<SelectSliderOptions<T>> sliderOptions);

    /**
     * A slider with two handles over options, returning the chosen start and end (in option order):
     * {@code st.selectRangeSlider("Span", List.of("S", "M", "L"), o -> o.range("S", "M"))}.
     */
    <T> List<T> selectRangeSlider(String label, List<T> options, Consumer<SelectSliderOptions<T>> sliderOptions);

    /** A row of pills of which one may be chosen (Streamlit's {@code st.pills}); none at first, null when none. */
    default <T> T pills(String label, List<T> options) {
        return pills(label, options, o -> { });
    }

    /**
     * A row of pills of which one may be chosen; clicking the chosen one again chooses none (null):
     * {@code st.pills("Tool", List.of("Add", "Zoom"), o -> o.value("Add"))}.
     */
    <T> T pills(String label, List<T> options, Consumer<ButtonGroupOptions<T>> pillsOptions);

    /** A row of pills of which several may be chosen; none at first. Returns an unmodifiable list. */
    default <T> List<T> pillsMultiple(String label, List<T> options) {
        return pillsMultiple(label, options, o -> { });
    }

    /**
     * A row of pills of which several may be chosen:
     * {@code st.pillsMultiple("Directions", List.of("N", "E", "S", "W"), o -> o.values(List.of("N")))}.
     */
    <T> List<T> pillsMultiple(String label, List<T> options, Consumer<ButtonGroupOptions<T>> pillsOptions);

    /**
     * A row of joined buttons of which one may be chosen (Streamlit's {@code st.segmented_control}); none at
     * first, null when none: {@code st.segmentedControl("View", List.of("Day", "Week"), o -> o.value("Day"))}.
     */
    <T> T segmentedControl(String label, List<T> options, Consumer<ButtonGroupOptions<T>> controlOptions);

    /** A row of joined buttons of which several may be chosen; none at first. Returns an unmodifiable list. */
    <T> List<T> segmentedControlMultiple(String label, List<T> options,
                                         Consumer<ButtonGroupOptions<T>> controlOptions);

    /** A one-line text input, empty at first; sends on Enter or when it loses focus. */
    default String textInput(String label) {
        return textInput(label, o -> { });
    }

    /** A one-line text input with options (placeholder, maxChars, password, ...). */
    String textInput(String label, Consumer<TextInputOptions> options);

    /** A multi-line text input. */
    default String textArea(String label) {
        return textArea(label, o -> { });
    }

    /** A multi-line text input with options. */
    String textArea(String label, Consumer<TextInputOptions> options);

    /** A checkbox, unticked at first. */
    default boolean checkbox(String label) {
        return checkbox(label, o -> { });
    }

    /** A checkbox with options. */
    boolean checkbox(String label, Consumer<CheckboxOptions> options);

    /** A switch, off at first. */
    default boolean toggle(String label) {
        return toggle(label, o -> { });
    }

    /** A switch with options. */
    boolean toggle(String label, Consumer<CheckboxOptions> options);

    /** Radio buttons; the first option is chosen at first. */
    default <T> T radio(String label, List<T> options) {
        return radio(label, options, o -> { });
    }

    /** Radio buttons with options ({@code index(null)} chooses none, {@code formatFunc}, {@code horizontal}). */
    <T> T radio(String label, List<T> options, Consumer<ChoiceOptions<T>> choiceOptions);

    /** A drop-down list; the first option is chosen at first. */
    default <T> T selectbox(String label, List<T> options) {
        return selectbox(label, options, o -> { });
    }

    /** A drop-down list with options ({@code index(null)} chooses none and returns null). */
    <T> T selectbox(String label, List<T> options, Consumer<ChoiceOptions<T>> choiceOptions);

    /** A list where several options may be chosen; none at first. Returns an unmodifiable list. */
    default <T> List<T> multiselect(String label, List<T> options) {
        return multiselect(label, options, o -> { });
    }

    /** A multiple choice with options (default choice, maxSelections, formatFunc). */
    <T> List<T> multiselect(String label, List<T> options, Consumer<MultiselectOptions<T>> multiOptions);

    /** A date input, today at first. */
    default LocalDate dateInput(String label) {
        return dateInput(label, o -> { });
    }

    /** A date input with options. */
    LocalDate dateInput(String label, Consumer<DateInputOptions> options);

    /** A time input, the current minute at first. */
    default LocalTime timeInput(String label) {
        return timeInput(label, o -> { });
    }

    /** A time input with options. */
    LocalTime timeInput(String label, Consumer<TimeInputOptions> options);

    /** A colour picker returning {@code "#rrggbb"}, black at first. */
    default String colorPicker(String label) {
        return colorPicker(label, o -> { });
    }

    /** A colour picker with options. */
    String colorPicker(String label, Consumer<ColorPickerOptions> options);

    /** A file upload area for one file; {@code null} until the user uploads one. */
    default UploadedFile fileUploader(String label) {
        return fileUploader(label, o -> { });
    }

    /**
     * A file upload area for one file: {@code st.fileUploader("Data", o -> o.type("csv"))}. Its value cannot be
     * set through SessionState.
     */
    UploadedFile fileUploader(String label, Consumer<FileUploaderOptions> options);

    /** A file upload area for several files; an empty list until the user uploads some. */
    List<UploadedFile> fileUploaderMultiple(String label, Consumer<FileUploaderOptions> options);

    /** A button that downloads {@code data} as {@code fileName}; true in the run its click causes. */
    boolean downloadButton(String label, byte[] data, String fileName, Consumer<DownloadButtonOptions> options);

    /** A button that downloads {@code text} (UTF-8) as {@code fileName}. */
    default boolean downloadButton(String label, String text, String fileName) {
        return downloadButton(label, text.getBytes(StandardCharsets.UTF_8), fileName,
                o -> o.mimeType("text/plain"));
    }

    // ---- layout --------------------------------------------------------------------------------------------

    /** The sidebar, for elements beside the page: {@code st.sidebar().selectbox("Region", regions)}. */
    St sidebar();

    /** A container that groups elements; draw into it later to insert them here. */
    St container();

    /** A container, with a border when {@code border} is true. */
    St container(boolean border);

    /** {@code count} columns of equal width, side by side: {@code var cols = st.columns(3); cols.get(0).metric(...)}. */
    List<St> columns(int count);

    /** Columns whose widths are in the ratio of {@code weights}: {@code st.columns(2, 1)}. */
    List<St> columns(double... weights);

    /** A section the user can open and close, closed at first. */
    St expander(String label);

    /** A section the user can open and close. */
    St expander(String label, boolean expanded);

    /** Tabs; one container per label, in order. */
    List<St> tabs(String... labels);

    /** A placeholder holding one element; each element drawn into it replaces the previous one. */
    St empty();

    /** A button that opens a floating panel with the elements drawn into it. */
    St popover(String label);

    // ---- forms -----------------------------------------------------------------------------------------------

    /** A form; its widgets send their values only when its submit button is clicked. */
    Form form(String key);

    /** A form with options ({@code clearOnSubmit}, {@code enterToSubmit}, {@code border}). */
    Form form(String key, Consumer<FormOptions> options);

    /** A form drawn by {@code body}: {@code st.form("f", o -> o.clearOnSubmit(true), f -> { ... })}. */
    void form(String key, Consumer<FormOptions> options, Consumer<Form> body);

    /** The submit button of the form this St draws into; true in the run its click causes. */
    default boolean formSubmitButton(String label) {
        return formSubmitButton(label, o -> { });
    }

    /**
     * A form's submit button with options; the only widget of a form that may have a callback. Its state key is
     * {@code FormSubmitter:<form>-<label>} unless it is given one.
     */
    boolean formSubmitButton(String label, Consumer<ButtonOptions> options);

    // ---- data ------------------------------------------------------------------------------------------------

    /** A big number with a label: {@code st.metric("Revenue", "$1.2M")}. */
    default void metric(String label, Object value) {
        metric(label, value, null, o -> { });
    }

    /** A metric with its change: {@code st.metric("Temperature", "70 °F", "1.2 °F")}. */
    default void metric(String label, Object value, Object delta) {
        metric(label, value, delta, o -> { });
    }

    /** A metric with options (delta colour, help). */
    void metric(String label, Object value, Object delta, Consumer<MetricOptions> options);

    /** A value as collapsible JSON, unfolded. */
    default void json(Object value) {
        json(value, true);
    }

    /** A value as collapsible JSON, folded when {@code expanded} is false. */
    void json(Object value, boolean expanded);

    /** A static table of records, beans or maps (one row each, one column per field). */
    default void table(Collection<?> rows) {
        table(rows, o -> { });
    }

    /** A static table with options (columns, formats). */
    void table(Collection<?> rows, Consumer<TableOptions> options);

    /** An interactive table: sortable by clicking a header, one page of rows at a time, fast with many rows. */
    default void dataframe(Collection<?> rows) {
        dataframe(rows, o -> { });
    }

    /** An interactive table with options (columns, formats, page size). */
    void dataframe(Collection<?> rows, Consumer<TableOptions> options);

    /** A picture from its bytes (PNG, JPEG, GIF, WebP or SVG). */
    void image(byte[] data, String caption);

    /** A picture from an http(s) or same-site URL. */
    void image(String url, String caption);

    /** A picture from a file. */
    void image(Path file, String caption);

    /** A line chart of the rows: {@code st.lineChart(sales, o -> o.x("month").y("revenue").color("region"))}. */
    void lineChart(Collection<?> rows, Consumer<ChartOptions> options);

    /** A bar chart of the rows. */
    void barChart(Collection<?> rows, Consumer<ChartOptions> options);

    /** An area chart of the rows. */
    void areaChart(Collection<?> rows, Consumer<ChartOptions> options);

    /** A scatter chart of the rows (x and y numeric). */
    void scatterChart(Collection<?> rows, Consumer<ChartOptions> options);

    /** Any chart Chart.js can draw, from its configuration ({@code type}, {@code data}, {@code options}). */
    void chart(Map<String, ?> chartJsConfig, int height);

    // ---- progress and status -------------------------------------------------------------------------------

    /** A progress bar at {@code percent} (0 to 100), to update while the page runs. */
    ProgressBar progress(int percent, String text);

    /** Shows a spinner with {@code text} while {@code task} runs, then removes it. */
    void spinner(String text, Runnable task);

    /** A container showing the state of a longer task; running at first. */
    StatusContainer status(String label);

    /** A short message that pops up in a corner and fades away. */
    default void toast(String text) {
        toast(text, null);
    }

    /** A toast with an emoji icon. */
    void toast(String text, String icon);

    // ---- chat and streaming ----------------------------------------------------------------------------

    /** A chat message from {@code name} ("user", "assistant" or any name): a container with an avatar. */
    default St chatMessage(String name) {
        return chatMessage(name, o -> { });
    }

    /**
     * A chat message with options (the avatar); draw anything into it:
     * {@code st.chatMessage("assistant", o -> o.avatar("🦖")).markdown("Hi!")}.
     */
    St chatMessage(String name, Consumer<ChatMessageOptions> options);

    /** A chat input with the placeholder "Your message"; see {@link #chatInput(String, Consumer)}. */
    default String chatInput() {
        return chatInput("Your message");
    }

    /** A chat input; see {@link #chatInput(String, Consumer)}. */
    default String chatInput(String placeholder) {
        return chatInput(placeholder, o -> { });
    }

    /**
     * A chat input: pinned to the bottom of the page when drawn in the main body (inline inside a container or
     * the sidebar). Returns the text the user sent in the run that sending causes, {@code null} in every other
     * run: {@code String prompt = st.chatInput("Ask me"); if (prompt != null) { ... }}. It cannot be set through
     * {@link SessionState} nor be used in a form.
     */
    String chatInput(String placeholder, Consumer<ChatInputOptions> options);

    /**
     * Draws text as it arrives and returns all of it: {@code String answer = st.writeStream(model.stream(prompt))}.
     * The source is a {@code java.util.stream.Stream}, an {@code Iterator} or {@code Iterable}, a Reactive Streams
     * {@code Publisher} such as Reactor's {@code Flux<String>} (what Spring AI's {@code ChatClient} streams), or a
     * {@code Supplier} called until it returns {@code null}. String chunks are shown as one growing Markdown
     * text (at most ~30 browser updates a second); other chunks are drawn with {@link #write(Object...)} and are
     * not part of the returned text. A click or submission while the text streams does not interrupt it: it is
     * applied in the run right after this one.
     */
    String writeStream(Object source);

    /**
     * A rating widget: {@code "thumbs"} (returns 0 for 👎, 1 for 👍), {@code "faces"} (0 to 4) or {@code "stars"}
     * (0 to 4); {@code null} until the user picks one.
     */
    default Integer feedback(String options) {
        return feedback(options, o -> { });
    }

    /** A rating widget with options (starting value, onChange, key, disabled). */
    Integer feedback(String options, Consumer<FeedbackOptions> feedbackOptions);

    // ---- pages -------------------------------------------------------------------------------------------

    /**
     * Ends this run and shows another page of the app in this session (same state): its first run follows.
     * Inside a callback it does nothing but show a warning.
     */
    void switchPage(Class<? extends Page> page);

    /** Like {@link #switchPage(Class)}, by the page's path. */
    void switchPage(String path);

    /** A link to another page, followed without a reload in the same session. */
    void pageLink(Class<? extends Page> page, String label, String icon);

    /** The page URL's query parameters; writes show in the address bar at once. */
    QueryParams queryParams();

    /**
     * Ends this run at once and starts a new one (no callbacks, all buttons false). Inside a callback it
     * does nothing but show a warning, as in Streamlit.
     */
    void rerun();

    /**
     * Ends this run at once and reruns {@code scope}: {@link RerunScope#APP} as {@link #rerun()};
     * {@link RerunScope#FRAGMENT} only the fragment whose body calls it, which is legal only in a fragment run
     * (Streamlit's {@code st.rerun(scope="fragment")}).
     */
    void rerun(RerunScope scope);

    /** Ends this run at once; nothing after it is drawn. */
    void stop();

    // ---- fragments and dialogs -----------------------------------------------------------------------------

    /**
     * Draws a fragment: a part of the page that {@code body} draws and that reruns on its own. An interaction with a
     * widget inside it reruns only {@code body} (its callbacks first), not the page; the rest of the page stays as
     * it was. Its name gives it its identity within the page (unique per run); the body of the latest full run is
     * what a fragment run executes. Widgets may only be drawn inside the fragment; other elements drawn into
     * containers outside it accumulate until the next full run, as in Streamlit.
     *
     * <pre>{@code
     * st.fragment("filter", f -> {
     *     String city = f.selectbox("City", cities, o -> o.key("city"));
     *     f.dataframe(rowsFor(city), t -> { });
     * });
     * }</pre>
     */
    void fragment(String name, Consumer<St> body);

    /**
     * Like {@link #fragment(String, Consumer)}, and the fragment also reruns every {@code runEvery} on the server
     * while its tab is connected and the latest full run drew it (Streamlit's {@code run_every}).
     *
     * <pre>{@code
     * st.fragment("clock", Duration.ofSeconds(2), f -> f.metric("Price", prices.latest(), null, m -> { }));
     * }</pre>
     */
    void fragment(String name, java.time.Duration runEvery, Consumer<St> body);

    /**
     * Opens a modal dialog in this run; its body behaves as a fragment (an interaction inside reruns only the body).
     * {@link #rerun()} inside closes it and reruns the page, which draws it again only if it calls
     * {@code dialog} again. Dismissing it (×, Escape, a click outside) reruns the page. One dialog per run.
     *
     * <pre>{@code
     * if (st.button("Edit item")) {
     *     st.dialog("Edit item", d -> {
     *         String name = d.textInput("Name", o -> o.key("name"));
     *         if (d.button("Save")) { state.put("item", name); d.rerun(); }
     *     });
     * }
     * }</pre>
     */
    void dialog(String title, Consumer<St> body);

    /** Like {@link #dialog(String, Consumer)} with a width, whether it may be dismissed, and a dismiss callback. */
    void dialog(String title, DialogOptions options, Consumer<St> body);

    /** A handle on this tab's session for a background task: update its state and ask for a rerun. */
    SessionHandle session();

    // ---- who and where -------------------------------------------------------------------------------------

    /** Where this tab is and what its browser reported: headers, cookies, locale, time zone, theme, URL, address. */
    Context context();

    /** The tab's signed-in user from Spring Security; {@link User#isLoggedIn()} is false for anonymous visitors. */
    User user();

    /**
     * Sends the browser to the app's login (Spring Security's OAuth2 login when the app has exactly one client
     * registration, else its login page) and back to this page afterwards. A new session starts for the new user
     * (a session never changes users); a cancelled login comes back to this session unchanged. Ends this run.
     */
    void login();

    /** Like {@link #login()} with the OAuth2 client registration to use, such as {@code "google"}. */
    void login(String registrationId);

    /**
     * Logs the user out the Spring way ({@code POST /logout} with the CSRF token) and drops this session: its state
     * is gone and the next page load starts a fresh one. Ends this run.
     */
    void logout();
}
