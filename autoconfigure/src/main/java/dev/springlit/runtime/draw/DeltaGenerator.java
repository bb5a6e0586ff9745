// Over 300 lines only as the routing table of St's ~90 calls (fragments and dialogs included), one line each; the drawing lives in the drawers.
package dev.springlit.runtime.draw;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.ButtonGroupOptions;
import dev.springlit.ButtonOptions;
import dev.springlit.ChatInputOptions;
import dev.springlit.ChatMessageOptions;
import dev.springlit.ChartOptions;
import dev.springlit.CheckboxOptions;
import dev.springlit.ChoiceOptions;
import dev.springlit.ColorPickerOptions;
import dev.springlit.DateInputOptions;
import dev.springlit.DownloadButtonOptions;
import dev.springlit.FeedbackOptions;
import dev.springlit.FileUploaderOptions;
import dev.springlit.Form;
import dev.springlit.FormOptions;
import dev.springlit.MarkdownOptions;
import dev.springlit.MetricOptions;
import dev.springlit.MultiselectOptions;
import dev.springlit.NumberInputOptions;
import dev.springlit.Page;
import dev.springlit.ProgressBar;
import dev.springlit.QueryParams;
import dev.springlit.Range;
import dev.springlit.RangeSliderOptions;
import dev.springlit.SelectSliderOptions;
import dev.springlit.SessionHandle;
import dev.springlit.SliderOptions;
import dev.springlit.St;
import dev.springlit.StatusContainer;
import dev.springlit.TableOptions;
import dev.springlit.TextInputOptions;
import dev.springlit.TimeInputOptions;
import dev.springlit.UploadedFile;
import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.control.RerunRequestedException;
import dev.springlit.runtime.control.StopRunException;

/**
 * The {@link St} of one container of a session (Streamlit's "delta generator"). It only routes: each call goes
 * to the drawer of its element family ({@link TextDrawer}, {@link NumberDrawer}, ...), which holds the draw code
 * and the codec. It draws into whichever run of its session is current, so a callback that captured the {@code st}
 * of an earlier run draws into the run that fires it (above the page body, S2.9).
 */
sealed class DeltaGenerator implements St permits FormContainer, StatusBlock {

    private final Owner session;
    private final ElementPath path;
    private final String form;

    DeltaGenerator(Owner session, int root) {
        this(session, ElementPath.root(root), null);
    }

    DeltaGenerator(Owner session, ElementPath path, String form) {
        this.session = session;
        this.path = path;
        this.form = form;
    }

    // ---- routes: one line per St call, so this class reads as the table of what draws what ------------------

    @Override public void title(String text) { TextDrawer.heading(this, 1, text); }
    @Override public void header(String text) { TextDrawer.heading(this, 2, text); }
    @Override public void subheader(String text) { TextDrawer.heading(this, 3, text); }
    @Override public void markdown(String body) { TextDrawer.markdown(this, body); }
    @Override public void markdown(String body, Consumer<MarkdownOptions> o) { TextDrawer.markdown(this, body, o); }
    @Override public void text(String text) { TextDrawer.text(this, text); }
    @Override public void caption(String text) { TextDrawer.caption(this, text); }
    @Override public void code(String code) { TextDrawer.code(this, code, null); }
    @Override public void code(String code, String language) { TextDrawer.code(this, code, language); }
    @Override public void divider() { TextDrawer.divider(this); }
    @Override public void write(Object... values) { TextDrawer.write(this, values); }

    @Override public void error(String body) { StatusDrawer.alert(this, Alert.Level.ERROR, body); }
    @Override public void warning(String body) { StatusDrawer.alert(this, Alert.Level.WARNING, body); }
    @Override public void info(String body) { StatusDrawer.alert(this, Alert.Level.INFO, body); }
    @Override public void success(String body) { StatusDrawer.alert(this, Alert.Level.SUCCESS, body); }
    @Override public void exception(Throwable throwable) { StatusDrawer.exception(this, throwable); }
    @Override public ProgressBar progress(int percent, String text) {
        return StatusDrawer.progress(this, percent, text);
    }
    @Override public void spinner(String text, Runnable task) { StatusDrawer.spinner(this, text, task); }
    @Override public StatusContainer status(String label) { return StatusDrawer.status(this, label); }
    @Override public void toast(String text, String icon) { StatusDrawer.toast(this, text, icon); }

    @Override public boolean button(String label, Consumer<ButtonOptions> o) {
        return ButtonDrawer.button(this, label, o);
    }
    @Override public boolean formSubmitButton(String label, Consumer<ButtonOptions> o) {
        return ButtonDrawer.formSubmitButton(this, label, o);
    }

    @Override public Integer numberInput(String label, Integer value, Consumer<NumberInputOptions<Integer>> o) {
        return NumberDrawer.numberInput(this, label, value, Integer.class, 1, o);
    }
    @Override public Long numberInput(String label, Long value, Consumer<NumberInputOptions<Long>> o) {
        return NumberDrawer.numberInput(this, label, value, Long.class, 1L, o);
    }
    @Override public Double numberInput(String label, Double value, Consumer<NumberInputOptions<Double>> o) {
        return NumberDrawer.numberInput(this, label, value, Double.class, 0.01, o);
    }
    @Override public <T extends Number> T numberInput(String label, Class<T> type, Consumer<NumberInputOptions<T>> o) {
        return NumberDrawer.numberInputWithoutDefault(this, label, type, o);
    }
    @Override public int slider(String label, int min, int max, Consumer<SliderOptions> o) {
        return NumberDrawer.slider(this, label, min, max, Integer.class, 1, o);
    }
    @Override public long slider(String label, long min, long max, Consumer<SliderOptions> o) {
        return NumberDrawer.slider(this, label, min, max, Long.class, 1L, o);
    }
    @Override public double slider(String label, double min, double max, Consumer<SliderOptions> o) {
        return NumberDrawer.slider(this, label, min, max, Double.class, 0.01, o);
    }
    @Override public Range<Integer> rangeSlider(String label, int min, int max, Consumer<RangeSliderOptions> o) {
        return NumberDrawer.rangeSlider(this, label, min, max, Integer.class, 1, o);
    }
    @Override public Range<Double> rangeSlider(String label, double min, double max, Consumer<RangeSliderOptions> o) {
        return NumberDrawer.rangeSlider(this, label, min, max, Double.class, 0.01, o);
    }

    @Override public <T> T selectSlider(String label, List<T> options, Consumer<SelectSliderOptions<T>> o) {
        return SelectSliderDrawer.single(this, label, options, o);
    }
    @Override public <T> List<T> selectRangeSlider(String label, List<T> options, Consumer<SelectSliderOptions<T>> o) {
        return SelectSliderDrawer.range(this, label, options, o);
    }
    @Override public <T> T pills(String label, List<T> options, Consumer<ButtonGroupOptions<T>> o) {
        return ButtonGroupDrawer.single(this, WidgetKind.PILLS, label, options, o);
    }
    @Override public <T> List<T> pillsMultiple(String label, List<T> options, Consumer<ButtonGroupOptions<T>> o) {
        return ButtonGroupDrawer.multiple(this, WidgetKind.PILLS, label, options, o);
    }
    @Override public <T> T segmentedControl(String label, List<T> options, Consumer<ButtonGroupOptions<T>> o) {
        return ButtonGroupDrawer.single(this, WidgetKind.SEGMENTED_CONTROL, label, options, o);
    }
    @Override public <T> List<T> segmentedControlMultiple(String label, List<T> options,
                                                          Consumer<ButtonGroupOptions<T>> o) {
        return ButtonGroupDrawer.multiple(this, WidgetKind.SEGMENTED_CONTROL, label, options, o);
    }
    @Override public <T> T radio(String label, List<T> options, Consumer<ChoiceOptions<T>> o) {
        return ChoiceDrawer.choice(this, WidgetKind.RADIO, label, options, o);
    }
    @Override public <T> T selectbox(String label, List<T> options, Consumer<ChoiceOptions<T>> o) {
        return ChoiceDrawer.choice(this, WidgetKind.SELECTBOX, label, options, o);
    }
    @Override public <T> List<T> multiselect(String label, List<T> options, Consumer<MultiselectOptions<T>> o) {
        return ChoiceDrawer.multiselect(this, label, options, o);
    }
    @Override public boolean checkbox(String label, Consumer<CheckboxOptions> o) {
        return CheckboxDrawer.check(this, WidgetKind.CHECKBOX, label, o);
    }
    @Override public boolean toggle(String label, Consumer<CheckboxOptions> o) {
        return CheckboxDrawer.check(this, WidgetKind.TOGGLE, label, o);
    }

    @Override public String textInput(String label, Consumer<TextInputOptions> o) {
        return TextInputDrawer.text(this, WidgetKind.TEXT_INPUT, label, o);
    }
    @Override public String textArea(String label, Consumer<TextInputOptions> o) {
        return TextInputDrawer.text(this, WidgetKind.TEXT_AREA, label, o);
    }
    @Override public LocalDate dateInput(String label, Consumer<DateInputOptions> o) {
        return PickerDrawer.dateInput(this, label, o);
    }
    @Override public LocalTime timeInput(String label, Consumer<TimeInputOptions> o) {
        return PickerDrawer.timeInput(this, label, o);
    }
    @Override public String colorPicker(String label, Consumer<ColorPickerOptions> o) {
        return PickerDrawer.colorPicker(this, label, o);
    }

    @Override public UploadedFile fileUploader(String label, Consumer<FileUploaderOptions> o) {
        List<UploadedFile> files = FileDrawer.uploader(this, label, o, false);
        return files.isEmpty() ? null : files.get(0);
    }
    @Override public List<UploadedFile> fileUploaderMultiple(String label, Consumer<FileUploaderOptions> o) {
        return FileDrawer.uploader(this, label, o, true);
    }
    @Override public boolean downloadButton(String label, byte[] data, String fileName,
                                            Consumer<DownloadButtonOptions> o) {
        return FileDrawer.downloadButton(this, label, data, fileName, o);
    }

    @Override public St sidebar() { return LayoutDrawer.sidebar(this); }
    @Override public St container() { return LayoutDrawer.container(this, false); }
    @Override public St container(boolean border) { return LayoutDrawer.container(this, border); }
    @Override public List<St> columns(int count) { return LayoutDrawer.columns(this, count); }
    @Override public List<St> columns(double... weights) { return LayoutDrawer.columns(this, weights); }
    @Override public St expander(String label) { return LayoutDrawer.expander(this, label, false); }
    @Override public St expander(String label, boolean expanded) {
        return LayoutDrawer.expander(this, label, expanded);
    }
    @Override public List<St> tabs(String... labels) { return LayoutDrawer.tabs(this, labels); }
    @Override public St empty() { return LayoutDrawer.empty(this); }
    @Override public St popover(String label) { return LayoutDrawer.popover(this, label); }
    @Override public Form form(String key) { return LayoutDrawer.form(this, key, o -> { }); }
    @Override public Form form(String key, Consumer<FormOptions> o) { return LayoutDrawer.form(this, key, o); }
    @Override public void form(String key, Consumer<FormOptions> options, Consumer<Form> body) {
        try (Form inside = form(key, options)) {
            body.accept(inside);
        }
    }

    @Override public void metric(String label, Object value, Object delta, Consumer<MetricOptions> o) {
        DataDrawer.metric(this, label, value, delta, o);
    }
    @Override public void json(Object value, boolean expanded) { DataDrawer.json(this, value, expanded); }
    @Override public void table(Collection<?> rows, Consumer<TableOptions> o) {
        DataDrawer.table(this, rows, o, false);
    }
    @Override public void dataframe(Collection<?> rows, Consumer<TableOptions> o) {
        DataDrawer.table(this, rows, o, true);
    }
    @Override public void image(byte[] data, String caption) { MediaDrawer.image(this, data, caption); }
    @Override public void image(String url, String caption) { MediaDrawer.image(this, url, caption); }
    @Override public void image(Path file, String caption) { MediaDrawer.image(this, file, caption); }
    @Override public void lineChart(Collection<?> rows, Consumer<ChartOptions> o) {
        ChartDrawer.rows(this, "line", rows, o);
    }
    @Override public void barChart(Collection<?> rows, Consumer<ChartOptions> o) {
        ChartDrawer.rows(this, "bar", rows, o);
    }
    @Override public void areaChart(Collection<?> rows, Consumer<ChartOptions> o) {
        ChartDrawer.rows(this, "area", rows, o);
    }
    @Override public void scatterChart(Collection<?> rows, Consumer<ChartOptions> o) {
        ChartDrawer.rows(this, "scatter", rows, o);
    }
    @Override public void chart(Map<String, ?> chartJsConfig, int height) {
        ChartDrawer.config(this, chartJsConfig, height);
    }

    @Override public void switchPage(Class<? extends Page> page) { NavigationDrawer.switchPage(this, page); }
    @Override public void switchPage(String path) { NavigationDrawer.switchPage(this, path); }
    @Override public void pageLink(Class<? extends Page> page, String label, String icon) {
        NavigationDrawer.pageLink(this, page, label, icon);
    }

    // ---- run control ------------------------------------------------------------------------------------

    @Override
    public QueryParams queryParams() {
        run();
        return session.query();
    }

    @Override
    public void rerun() {
        Canvas run = run();
        if (run.inCallback()) {
            run.warn("Calling st.rerun() within a callback is a no-op.");
            return;
        }
        throw new RerunRequestedException();
    }

    @Override public void rerun(dev.springlit.RerunScope scope) { FragmentDrawer.rerun(this, scope); }

    @Override
    public void stop() {
        run();
        throw new StopRunException();
    }

    @Override
    public SessionHandle session() {
        run();
        return session.handle();
    }

    // ---- who and where (the tab's identity, login) -------------------------------------------------------

    @Override
    public dev.springlit.Context context() {
        Canvas run = run();
        return session.context(run.page().path());
    }

    @Override
    public dev.springlit.User user() {
        run();
        return session.user();
    }

    @Override
    public void login() {
        login(null);
    }

    @Override
    public void login(String registrationId) {
        Canvas run = run();
        session.login(run.page(), registrationId);
        if (!run.inCallback()) {
            throw new StopRunException();
        }
    }

    @Override
    public void logout() {
        Canvas run = run();
        session.logout();
        if (!run.inCallback()) {
            throw new StopRunException();
        }
    }

    // ---- what the drawers share -------------------------------------------------------------------------

    /** The key of the form this St draws into, or null. */
    final String formKey() {
        return form;
    }

    /** Where this St draws: its container's path, root index first. */
    final ElementPath path() {
        return path;
    }

    /** The session as drawers see it (pages get {@link #session()}, its handle). */
    final Owner owner() {
        return session;
    }

    /** The current run of this session on this thread, if it may go on. */
    final Canvas run() {
        Canvas run = session.canvas();
        if (run == null) {
            throw new IllegalStateException("This St belongs to Springlit session " + session.tag() + " and can only "
                    + "be used during one of its runs, on the run's thread (or in a widget callback). To change a "
                    + "session from another thread, use the SessionHandle from st.session().");
        }
        run.checkActive();
        return run;
    }

    /** Adds an element at this container's next position, after checking the run may go on. */
    void emit(Element element) {
        run().emit(path, element);
    }

    // chat and streaming: ChatDrawer, StreamWriter, FeedbackDrawer
    @Override public St chatMessage(String name, Consumer<ChatMessageOptions> o) {
        return ChatDrawer.message(this, name, applied(new ChatMessageOptions(), o));
    }
    @Override public String chatInput(String placeholder, Consumer<ChatInputOptions> o) {
        return ChatDrawer.input(this, placeholder, applied(new ChatInputOptions(), o));
    }
    @Override public String writeStream(Object source) {
        return StreamWriter.write(this, source);
    }
    @Override public Integer feedback(String options, Consumer<FeedbackOptions> o) {
        return FeedbackDrawer.draw(this, options, applied(new FeedbackOptions(), o));
    }

    // fragments and dialogs: FragmentDrawer
    @Override public void fragment(String name, Consumer<St> body) { FragmentDrawer.fragment(this, name, null, body); }
    @Override public void fragment(String name, java.time.Duration every, Consumer<St> body) {
        FragmentDrawer.fragment(this, name, java.util.Objects.requireNonNull(every, "runEvery"), body);
    }
    @Override public void dialog(String title, Consumer<St> b) { FragmentDrawer.dialog(this, title, null, b); }
    @Override public void dialog(String title, dev.springlit.DialogOptions o, Consumer<St> b) {
        FragmentDrawer.dialog(this, title, java.util.Objects.requireNonNull(o, "options"), b);
    }

    private static <O> O applied(O options, Consumer<O> customizer) {
        customizer.accept(options);
        return options;
    }

    /** Draws a block here and returns the St that draws into it. */
    DeltaGenerator block(Canvas run, Block block, boolean single, String childForm) {
        return new DeltaGenerator(session, openBlock(run, block, single), childForm);
    }

    /** Draws a block here and returns the path of its container. */
    ElementPath openBlock(Canvas run, Block block, boolean single) {
        ElementPath child = path.child(run.emit(path, block));
        run.openContainer(child, single);
        return child;
    }

    /** Element properties from name/value pairs, leaving out null values. */
    static Map<String, Object> props(Object... pairs) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                props.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return props;
    }
}
