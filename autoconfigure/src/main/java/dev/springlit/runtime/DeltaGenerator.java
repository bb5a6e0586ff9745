package dev.springlit.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import dev.springlit.ButtonOptions;
import dev.springlit.ChartOptions;
import dev.springlit.CheckboxOptions;
import dev.springlit.ChoiceOptions;
import dev.springlit.ColorPickerOptions;
import dev.springlit.DateInputOptions;
import dev.springlit.DownloadButtonOptions;
import dev.springlit.FileUploaderOptions;
import dev.springlit.Form;
import dev.springlit.FormOptions;
import dev.springlit.UploadedFile;
import dev.springlit.MultiselectOptions;
import dev.springlit.NumberInputOptions;
import dev.springlit.Range;
import dev.springlit.RangeSliderOptions;
import dev.springlit.SelectSliderOptions;
import dev.springlit.SliderOptions;
import dev.springlit.TextInputOptions;
import dev.springlit.TimeInputOptions;
import dev.springlit.ValueWidgetOptions;
import dev.springlit.MarkdownOptions;
import dev.springlit.MetricOptions;
import dev.springlit.Page;
import dev.springlit.ProgressBar;
import dev.springlit.QueryParams;
import dev.springlit.SessionHandle;
import dev.springlit.St;
import dev.springlit.StatusContainer;
import dev.springlit.StreamlitApiException;
import dev.springlit.TableOptions;
import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Button;
import dev.springlit.element.Chart;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.Element;
import dev.springlit.element.Heading;
import dev.springlit.element.Image;
import dev.springlit.element.Json;
import dev.springlit.element.Markdown;
import dev.springlit.element.Metric;
import dev.springlit.element.PageLink;
import dev.springlit.element.Progress;
import dev.springlit.element.Spinner;
import dev.springlit.element.Text;
import dev.springlit.element.Toast;
import dev.springlit.element.Widget;

/**
 * The {@link St} of one session's root container (Streamlit's "delta generator"). It draws into whichever
 * run of its session is current, so a callback that captured the {@code st} of an earlier run draws into the
 * run that fires it (above the page body, S2.9).
 */
sealed class DeltaGenerator implements St permits FormContainer, StatusBlock {

    private final Session session;
    private final int[] path;
    private final String form;

    DeltaGenerator(Session session, int root) {
        this(session, new int[] {root}, null);
    }

    DeltaGenerator(Session session, int[] path, String form) {
        this.session = session;
        this.path = path;
        this.form = form;
    }

    /** The key of the form this St draws into, or null. */
    final String formKey() {
        return form;
    }

    /** Where this St draws: its container's path, root index first. */
    final int[] path() {
        return path;
    }

    /** The internal session (pages get {@link #session()}, its {@link TabHandle}). */
    final Session owner() {
        return session;
    }

    /** The current run of this session on this thread, if it may go on. */
    final Run run() {
        Run run = Run.current();
        if (run == null || run.session() != session) {
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

    @Override
    public void title(String text) {
        emit(new Heading(1, text));
    }

    @Override
    public void header(String text) {
        emit(new Heading(2, text));
    }

    @Override
    public void subheader(String text) {
        emit(new Heading(3, text));
    }

    @Override
    public void markdown(String body) {
        emit(Markdown.of(body));
    }

    @Override
    public void markdown(String body, Consumer<MarkdownOptions> options) {
        MarkdownOptions o = new MarkdownOptions();
        options.accept(o);
        emit(new Markdown(body, o.isUnsafeAllowHtml(), false, o.getHelp()));
    }

    @Override
    public void text(String text) {
        emit(new Text(text));
    }

    @Override
    public void caption(String text) {
        emit(new Markdown(text, false, true, null));
    }

    @Override
    public void code(String code) {
        emit(new Code(code, null));
    }

    @Override
    public void code(String code, String language) {
        emit(new Code(code, language));
    }

    @Override
    public void divider() {
        emit(new Divider());
    }

    @Override
    public void write(Object... values) {
        run();
        new WriteFormatter(this, session.engine().jsonWriter()).write(values);
    }

    @Override
    public void error(String body) {
        emit(new Alert(Alert.Level.ERROR, body));
    }

    @Override
    public void warning(String body) {
        emit(new Alert(Alert.Level.WARNING, body));
    }

    @Override
    public void info(String body) {
        emit(new Alert(Alert.Level.INFO, body));
    }

    @Override
    public void success(String body) {
        emit(new Alert(Alert.Level.SUCCESS, body));
    }

    @Override
    public void exception(Throwable throwable) {
        emit(Tracebacks.element(throwable, run().settings().showErrorDetails()));
    }

    @Override
    public boolean button(String label, Consumer<ButtonOptions> options) {
        Run run = run();
        if (form != null) {
            throw new StreamlitApiException("button() can't be used in a form().");
        }
        ButtonOptions o = new ButtonOptions();
        options.accept(o);
        WidgetSpec spec = new WidgetSpec("button", label, o.getKey(), new Object[] {o.getHelp(), o.getType(), o.getIcon()},
                Boolean.FALSE, false, true, false, o.getOnClick(), o.getCallbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        emit(new Button(spec.id(run.page().path(), form), label, o.getHelp(), o.isDisabled(),
                o.getType().name().toLowerCase(Locale.ROOT), o.getIcon(), o.isUseContainerWidth()));
        return clicked;
    }

    @Override
    public void rerun() {
        Run run = run();
        if (run.inCallback()) {
            run.warn("Calling st.rerun() within a callback is a no-op.");
            return;
        }
        throw new RerunRequestedException();
    }

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

    // ---- input widgets ----------------------------------------------------------------------------------

    /**
     * Draws a value widget: registers it (identity, duplicates, state rules), checks the value state holds
     * against the widget's type and options, and emits it with that value.
     *
     * @param explicitDefault whether the page gave the starting value (S4.7 warns only then)
     * @param identity        the parameters that, with kind and label, identify an unkeyed widget
     */
    <T> T valueWidget(String kind, String label, ValueWidgetOptions<?, T> o, T defaultValue,
                              boolean explicitDefault, WidgetCodec<T> codec, Map<String, Object> props,
                              Object... identity) {
        Run run = run();
        refuseCallbackInForm(o.getOnChange());
        String name = o.getKey() != null ? "the widget with key \"" + o.getKey() + "\"" : "the " + kind + " \"" + label + "\"";
        T checkedDefault = codec.coerce(defaultValue, name);
        Object[] fullIdentity = new Object[identity.length + 1];
        System.arraycopy(identity, 0, fullIdentity, 0, identity.length);
        fullIdentity[identity.length] = o.getHelp();
        WidgetSpec spec = new WidgetSpec(kind, label, o.getKey(), fullIdentity, checkedDefault, explicitDefault, false,
                true, o.getOnChange(), o.getCallbackArgs(), codec);
        T value = codec.coerce(run.registerWidget(spec, form), name);
        emit(new Widget(spec.id(run.page().path(), form), kind, label, o.getHelp(), o.isDisabled(),
                o.getLabelVisibility().name().toLowerCase(Locale.ROOT), codec.encode(value),
                ClearedForms.withFormDefault(run, form, props, codec.encode(checkedDefault)), form));
        return value;
    }

    static Map<String, Object> props(Object... pairs) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                props.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return props;
    }

    private <T extends Number> T numberInput(String label, T value, Class<T> type, T defaultStep,
                                             NumberInputOptions<T> o) {
        return numberInput(label, value, type, defaultStep, o, true);
    }

    /** @param explicitDefault whether the page gave the starting value (S4.7), as a parameter or in options */
    private <T extends Number> T numberInput(String label, T value, Class<T> type, T defaultStep,
                                             NumberInputOptions<T> o, boolean explicitDefault) {
        T step = o.getStep() != null ? o.getStep() : defaultStep;
        return valueWidget("number_input", label, o, o.isValueGiven() ? o.getValue() : value,
                explicitDefault || o.isValueGiven(),
                WidgetCodecs.number(type, o.getMin(), o.getMax(), true),
                props("min", o.getMin(), "max", o.getMax(), "step", step, "integer", !Double.class.equals(type),
                        "placeholder", o.getPlaceholder(), "format", o.getFormat()),
                o.isValueGiven() ? o.getValue() : value, o.getMin(), o.getMax(), step, o.getFormat(), type.getSimpleName());
    }

    @Override
    public Integer numberInput(String label, Integer value, Consumer<NumberInputOptions<Integer>> options) {
        NumberInputOptions<Integer> o = new NumberInputOptions<>();
        options.accept(o);
        return numberInput(label, value, Integer.class, 1, o);
    }

    @Override
    public Long numberInput(String label, Long value, Consumer<NumberInputOptions<Long>> options) {
        NumberInputOptions<Long> o = new NumberInputOptions<>();
        options.accept(o);
        return numberInput(label, value, Long.class, 1L, o);
    }

    @Override
    public Double numberInput(String label, Double value, Consumer<NumberInputOptions<Double>> options) {
        NumberInputOptions<Double> o = new NumberInputOptions<>();
        options.accept(o);
        return numberInput(label, value, Double.class, 0.01, o);
    }

    @Override
    public <T extends Number> T numberInput(String label, Class<T> type, Consumer<NumberInputOptions<T>> options) {
        if (type != Integer.class && type != Long.class && type != Double.class) {
            throw new StreamlitApiException("numberInput() takes Integer, Long or Double, not " + type.getName() + ".");
        }
        NumberInputOptions<T> o = new NumberInputOptions<>();
        options.accept(o);
        T start = o.getMin() != null ? o.getMin() : WidgetCodecs.convert(type, 0);
        T step = WidgetCodecs.convert(type, Double.class.equals(type) ? 0.01 : 1);
        return numberInput(label, start, type, step, o, false);
    }

    private <T extends Number> T slider(String label, T min, T max, Class<T> type, T defaultStep, SliderOptions o) {
        T step = o.getStep() != null ? number(type, o.getStep(), "step") : defaultStep;
        T start = o.isValueGiven() ? number(type, o.getValue(), "value") : min;
        AdaptedOptions<T> value = new AdaptedOptions<>(o, o.getOnChange(), o.isValueGiven(), start);
        return valueWidget("slider", label, value, start, o.isValueGiven(), WidgetCodecs.number(type, min, max, false),
                props("min", min, "max", max, "step", step, "integer", !Double.class.equals(type), "format", o.getFormat()),
                min, max, step, o.isValueGiven() ? start : null, o.getFormat(), type.getSimpleName());
    }

    @Override
    public int slider(String label, int min, int max, Consumer<SliderOptions> options) {
        SliderOptions o = new SliderOptions();
        options.accept(o);
        return slider(label, min, max, Integer.class, 1, o);
    }

    @Override
    public long slider(String label, long min, long max, Consumer<SliderOptions> options) {
        SliderOptions o = new SliderOptions();
        options.accept(o);
        return slider(label, min, max, Long.class, 1L, o);
    }

    @Override
    public double slider(String label, double min, double max, Consumer<SliderOptions> options) {
        SliderOptions o = new SliderOptions();
        options.accept(o);
        return slider(label, min, max, Double.class, 0.01, o);
    }

    private <T extends Number & Comparable<T>> Range<T> rangeSlider(String label, T min, T max, Class<T> type,
                                                                     T defaultStep, RangeSliderOptions o) {
        T step = o.getStep() != null ? number(type, o.getStep(), "step") : defaultStep;
        Range<T> start = o.isValueGiven()
                ? Range.of(number(type, o.getLow(), "value"), number(type, o.getHigh(), "value")) : Range.of(min, max);
        AdaptedOptions<Range<T>> value = new AdaptedOptions<>(o, o.getOnChange(), o.isValueGiven(), start);
        return valueWidget("range_slider", label, value, start, o.isValueGiven(), WidgetCodecs.range(type, min, max),
                props("min", min, "max", max, "step", step, "integer", !Double.class.equals(type)),
                min, max, step, o.isValueGiven() ? start : null, type.getSimpleName());
    }

    @Override
    public Range<Integer> rangeSlider(String label, int min, int max, Consumer<RangeSliderOptions> options) {
        RangeSliderOptions o = new RangeSliderOptions();
        options.accept(o);
        return rangeSlider(label, min, max, Integer.class, 1, o);
    }

    @Override
    public Range<Double> rangeSlider(String label, double min, double max, Consumer<RangeSliderOptions> options) {
        RangeSliderOptions o = new RangeSliderOptions();
        options.accept(o);
        return rangeSlider(label, min, max, Double.class, 0.01, o);
    }

    /** A number the page gave in options, as the widget's type; a fraction for a whole-number slider is an error. */
    private static <T extends Number> T number(Class<T> type, Number given, String what) {
        T value = WidgetCodecs.convert(type, given);
        if (value == null) {
            throw new StreamlitApiException("The " + what + " " + given + " is not a "
                    + type.getSimpleName() + " like the slider's bounds.");
        }
        return value;
    }

    private String text(String kind, String label, Consumer<TextInputOptions> options) {
        TextInputOptions o = new TextInputOptions();
        options.accept(o);
        String start = o.isValueGiven() ? o.getValue() : "";
        return valueWidget(kind, label, o, start, o.isValueGiven(), WidgetCodecs.text(o.getMaxChars()),
                props("maxChars", o.getMaxChars(), "placeholder", o.getPlaceholder(),
                        "password", o.isPassword() ? Boolean.TRUE : null, "height", o.getHeight()),
                start, o.getMaxChars(), o.getPlaceholder(), o.isPassword());
    }

    @Override
    public String textInput(String label, Consumer<TextInputOptions> options) {
        return text("text_input", label, options);
    }

    @Override
    public String textArea(String label, Consumer<TextInputOptions> options) {
        return text("text_area", label, options);
    }

    private boolean check(String kind, String label, Consumer<CheckboxOptions> options) {
        CheckboxOptions o = new CheckboxOptions();
        options.accept(o);
        Boolean start = o.isValueGiven() ? o.getValue() : Boolean.FALSE;
        return valueWidget(kind, label, o, start, o.isValueGiven(), WidgetCodecs.bool(), Map.of(), start);
    }

    @Override
    public boolean checkbox(String label, Consumer<CheckboxOptions> options) {
        return check("checkbox", label, options);
    }

    @Override
    public boolean toggle(String label, Consumer<CheckboxOptions> options) {
        return check("toggle", label, options);
    }

    private <T> T choice(String kind, String label, List<T> options, Consumer<ChoiceOptions<T>> choiceOptions) {
        ChoiceOptions<T> o = new ChoiceOptions<>();
        choiceOptions.accept(o);
        List<T> opts = List.copyOf(options);
        Integer index = o.getIndex();
        if (index != null && (index < 0 || index >= opts.size())) {
            throw new StreamlitApiException("The index " + index + " of the " + kind + " \"" + label
                    + "\" must be between 0 and " + (opts.size() - 1) + ", or null for none.");
        }
        T start = o.isValueGiven() ? o.getValue() : index == null ? null : opts.get(index);
        List<String> labels = WidgetCodecs.labels(opts, o.getFormatFunc());
        return valueWidget(kind, label, o, start, o.isValueGiven() || (index != null && index != 0),
                WidgetCodecs.choice(opts, o.getFormatFunc()),
                props("options", labels, "horizontal", o.isHorizontal() ? Boolean.TRUE : null,
                        "placeholder", "selectbox".equals(kind) ? o.getPlaceholder() : null),
                labels, index, o.isValueGiven() ? start : null);
    }

    @Override
    public <T> T selectSlider(String label, List<T> options, Consumer<SelectSliderOptions<T>> sliderOptions) {
        SelectSliderOptions<T> o = new SelectSliderOptions<>();
        sliderOptions.accept(o);
        return SelectSliderDrawer.single(this, label, options, o);
    }

    @Override
    public <T> List<T> selectRangeSlider(String label, List<T> options,
                                         Consumer<SelectSliderOptions<T>> sliderOptions) {
        SelectSliderOptions<T> o = new SelectSliderOptions<>();
        sliderOptions.accept(o);
        return SelectSliderDrawer.range(this, label, options, o);
    }

    @Override
    public <T> T radio(String label, List<T> options, Consumer<ChoiceOptions<T>> choiceOptions) {
        return choice("radio", label, options, choiceOptions);
    }

    @Override
    public <T> T selectbox(String label, List<T> options, Consumer<ChoiceOptions<T>> choiceOptions) {
        return choice("selectbox", label, options, choiceOptions);
    }

    @Override
    public <T> List<T> multiselect(String label, List<T> options, Consumer<MultiselectOptions<T>> multiOptions) {
        MultiselectOptions<T> o = new MultiselectOptions<>();
        multiOptions.accept(o);
        List<T> opts = List.copyOf(options);
        List<T> start = o.isValueGiven() && o.getValue() != null ? List.copyOf(o.getValue()) : List.of();
        List<String> labels = WidgetCodecs.labels(opts, o.getFormatFunc());
        return valueWidget("multiselect", label, o, start, o.isValueGiven(),
                WidgetCodecs.multi(opts, o.getFormatFunc(), o.getMaxSelections()),
                props("options", labels, "maxSelections", o.getMaxSelections(), "placeholder", o.getPlaceholder()),
                labels, start, o.getMaxSelections());
    }

    @Override
    public LocalDate dateInput(String label, Consumer<DateInputOptions> options) {
        DateInputOptions o = new DateInputOptions();
        options.accept(o);
        LocalDate start = o.isValueGiven() ? o.getValue() : LocalDate.now();
        return valueWidget("date_input", label, o, start, o.isValueGiven(), WidgetCodecs.date(o.getMin(), o.getMax()),
                props("min", o.getMin() == null ? null : o.getMin().toString(),
                        "max", o.getMax() == null ? null : o.getMax().toString()),
                o.isValueGiven() ? start : "today", o.getMin(), o.getMax());
    }

    @Override
    public LocalTime timeInput(String label, Consumer<TimeInputOptions> options) {
        TimeInputOptions o = new TimeInputOptions();
        options.accept(o);
        LocalTime start = o.isValueGiven() ? o.getValue() : LocalTime.now().truncatedTo(ChronoUnit.MINUTES);
        return valueWidget("time_input", label, o, start, o.isValueGiven(), WidgetCodecs.time(),
                props("step", o.getStep().toSeconds()), o.isValueGiven() ? start : "now", o.getStep());
    }

    @Override
    public String colorPicker(String label, Consumer<ColorPickerOptions> options) {
        ColorPickerOptions o = new ColorPickerOptions();
        options.accept(o);
        String start = o.isValueGiven() ? o.getValue() : "#000000";
        return valueWidget("color_picker", label, o, start, o.isValueGiven(), WidgetCodecs.color(), Map.of(), start);
    }

    private List<UploadedFile> uploader(String label, Consumer<FileUploaderOptions> options, boolean multiple) {
        Run run = run();
        FileUploaderOptions o = new FileUploaderOptions();
        options.accept(o);
        refuseCallbackInForm(o.getOnChange());
        WidgetSpec spec = new WidgetSpec("file_uploader", label, o.getKey(), new Object[] {o.getTypes(), multiple, o.getHelp()},
                List.of(), false, false, false, o.getOnChange(), o.getCallbackArgs(), null);
        String id = spec.id(run.page().path(), form);
        session.files().accept(id, o.getTypes());
        WidgetCodec<List<UploadedFile>> codec = WidgetCodecs.files(session.files(), id, multiple);
        spec = new WidgetSpec(spec.kind(), label, o.getKey(), spec.identity(), List.of(), false, false, false,
                spec.callback(), spec.args(), codec);
        List<UploadedFile> files = codec.coerce(run.registerWidget(spec, form), label);
        List<Map<String, Object>> shown = files.stream()
                .map(f -> Map.<String, Object>of("name", f.name(), "size", f.size())).toList();
        emit(new Widget(id, "file_uploader", label, o.getHelp(), o.isDisabled(),
                o.getLabelVisibility().name().toLowerCase(Locale.ROOT), codec.encode(files),
                ClearedForms.withFormDefault(run, form, props("types", o.getTypes(), "multiple", multiple, "files", shown,
                        "uploadUrl", "/_springlit/upload/" + session.id() + "?widget=" + urlPart(id)), List.of()), form));
        return files;
    }

    @Override
    public UploadedFile fileUploader(String label, Consumer<FileUploaderOptions> options) {
        List<UploadedFile> files = uploader(label, options, false);
        return files.isEmpty() ? null : files.get(0);
    }

    @Override
    public List<UploadedFile> fileUploaderMultiple(String label, Consumer<FileUploaderOptions> options) {
        return uploader(label, options, true);
    }

    @Override
    public boolean downloadButton(String label, byte[] data, String fileName, Consumer<DownloadButtonOptions> options) {
        Run run = run();
        if (form != null) {
            throw new StreamlitApiException("downloadButton() can't be used in a form().");
        }
        DownloadButtonOptions o = new DownloadButtonOptions();
        options.accept(o);
        String mime = o.getMimeType() != null ? o.getMimeType() : "application/octet-stream";
        WidgetSpec spec = new WidgetSpec("download_button", label, o.getKey(),
                new Object[] {fileName, mime, o.getHelp(), o.getType(), o.getIcon()}, Boolean.FALSE, false, true, false,
                o.getOnClick(), o.getCallbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        String id = spec.id(run.page().path(), form);
        session.files().offer(id, new SessionFiles.Download(data.clone(), fileName, mime));
        String version = Integer.toHexString(Arrays.hashCode(data));
        emit(new Widget(id, "download_button", label, o.getHelp(), o.isDisabled(),
                o.getLabelVisibility().name().toLowerCase(Locale.ROOT), null,
                props("href", "/_springlit/download/" + session.id() + "?widget=" + urlPart(id) + "&v=" + version,
                        "fileName", fileName, "buttonType", o.getType().name().toLowerCase(Locale.ROOT),
                        "icon", o.getIcon()), null));
        return clicked;
    }

    /** Widget ids hold user keys; in a URL path they travel encoded. */
    private static String urlPart(String widgetId) {
        return URLEncoder.encode(widgetId, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** S6.3: inside a form only the submit button may have a callback. */
    private void refuseCallbackInForm(Object callback) {
        if (form != null && callback != null) {
            throw new StreamlitApiException("Within a form, callbacks can only be defined on "
                    + "formSubmitButton. Defining callbacks on other widgets inside a form is not allowed.");
        }
    }

    // ---- layout -----------------------------------------------------------------------------------------

    /** Draws a block here and returns the St that draws into it. */
    private DeltaGenerator block(Run run, Block block, boolean single, String childForm) {
        return new DeltaGenerator(session, openBlock(run, block, single), childForm);
    }

    /** Draws a block here and returns the path of its container. */
    private int[] openBlock(Run run, Block block, boolean single) {
        int index = run.emit(path, block);
        int[] child = Arrays.copyOf(path, path.length + 1);
        child[path.length] = index;
        run.openContainer(child, single);
        return child;
    }

    @Override
    public St sidebar() {
        run();
        return new DeltaGenerator(session, new int[] {1}, null);
    }

    @Override
    public St container() {
        return container(false);
    }

    @Override
    public St container(boolean border) {
        return block(run(), new Block("container", props("border", border)), false, form);
    }

    @Override
    public List<St> columns(int count) {
        if (count < 1) {
            throw new StreamlitApiException("columns() needs at least one column, not " + count + ".");
        }
        double[] weights = new double[count];
        Arrays.fill(weights, 1);
        return columns(weights);
    }

    @Override
    public List<St> columns(double... weights) {
        Run run = run();
        if (weights.length == 0 || Arrays.stream(weights).anyMatch(w -> !(w > 0) || Double.isInfinite(w))) {
            throw new StreamlitApiException("Column weights must be positive numbers: "
                    + Arrays.toString(weights) + ".");
        }
        List<Double> list = Arrays.stream(weights).boxed().toList();
        DeltaGenerator row = block(run, new Block("columns", props("weights", list, "gap", "small")), false, form);
        List<St> columns = new ArrayList<>();
        for (double weight : weights) {
            columns.add(row.block(run, new Block("column", props("weight", weight)), false, form));
        }
        return List.copyOf(columns);
    }

    @Override
    public St expander(String label) {
        return expander(label, false);
    }

    @Override
    public St expander(String label, boolean expanded) {
        return block(run(), new Block("expander", props("label", label, "expanded", expanded)), false, form);
    }

    @Override
    public List<St> tabs(String... labels) {
        Run run = run();
        if (labels.length == 0) {
            throw new StreamlitApiException("tabs() needs at least one label.");
        }
        DeltaGenerator strip = block(run, new Block("tabs", props("labels", List.of(labels))), false, form);
        List<St> tabs = new ArrayList<>();
        for (String label : labels) {
            tabs.add(strip.block(run, new Block("tab", props("label", label)), false, form));
        }
        return List.copyOf(tabs);
    }

    @Override
    public St empty() {
        return block(run(), new Block("empty", Map.of()), true, form);
    }

    @Override
    public St popover(String label) {
        return block(run(), new Block("popover", props("label", label)), false, form);
    }

    // ---- forms ------------------------------------------------------------------------------------------

    @Override
    public Form form(String key) {
        return form(key, o -> { });
    }

    @Override
    public Form form(String key, Consumer<FormOptions> options) {
        Run run = run();
        if (form != null) {
            throw new StreamlitApiException("Forms cannot be nested in other forms.");
        }
        Objects.requireNonNull(key, "A form needs a key");
        FormOptions o = new FormOptions();
        options.accept(o);
        int[] inside = openBlock(run, new Block("form", props("key", key, "border", o.isBorder(),
                "clearOnSubmit", o.isClearOnSubmit(), "enterToSubmit", o.isEnterToSubmit())), false);
        run.openForm(key, inside, o.isClearOnSubmit());
        return new FormContainer(session, inside, key);
    }

    @Override
    public void form(String key, Consumer<FormOptions> options, Consumer<Form> body) {
        try (Form inside = form(key, options)) {
            body.accept(inside);
        }
    }

    @Override
    public boolean formSubmitButton(String label, Consumer<ButtonOptions> options) {
        Run run = run();
        if (form == null) {
            throw new StreamlitApiException("formSubmitButton() must be used inside a form().");
        }
        ButtonOptions o = new ButtonOptions();
        options.accept(o);
        String key = o.getKey() != null ? o.getKey() : "FormSubmitter:" + form + "-" + label;
        WidgetSpec spec = new WidgetSpec("form_submit_button", label, key, new Object[] {o.getHelp(), o.getType(), o.getIcon()},
                Boolean.FALSE, false, true, false, o.getOnClick(), o.getCallbackArgs(), null);
        boolean clicked = (Boolean) run.registerWidget(spec, form);
        run.submitButtonDrawn(form);
        emit(new Widget(spec.id(run.page().path(), form), "form_submit_button", label, o.getHelp(), o.isDisabled(),
                "visible", null, props("form", form, "buttonType", o.getType().name().toLowerCase(Locale.ROOT),
                        "icon", o.getIcon()), form));
        return clicked;
    }

    // ---- pages -------------------------------------------------------------------------------------------

    @Override
    public void switchPage(Class<? extends Page> page) {
        Run run = run();
        switchTo(run, session.engine().pages().find(page).orElseThrow(() -> new StreamlitApiException(
                "switchPage(): the app has no page of type " + page.getName() + ".")));
    }

    @Override
    public void switchPage(String path) {
        Run run = run();
        switchTo(run, session.engine().pages().find(path).orElseThrow(() -> new StreamlitApiException(
                "switchPage(): the app has no page at \"" + path + "\".")));
    }

    private void switchTo(Run run, PageDescriptor target) {
        if (!session.engine().access().canOpen(target, session.user())) {
            throw new StreamlitApiException("switchPage(): you may not open " + target.path() + ".");
        }
        if (run.inCallback()) {
            run.warn("Calling st.switchPage() within a callback is a no-op.");
            return;
        }
        run.switchTo(target);
        throw new RerunRequestedException();
    }

    @Override
    public void pageLink(Class<? extends Page> page, String label, String icon) {
        PageDescriptor target = session.engine().pages().find(page).orElseThrow(() -> new StreamlitApiException(
                "pageLink(): the app has no page of type " + page.getName() + "."));
        emit(new PageLink(target.path(), label == null ? target.title() : label,
                icon == null || icon.isEmpty() ? null : icon));
    }

    @Override
    public QueryParams queryParams() {
        run();
        return session.query();
    }

    // ---- data ------------------------------------------------------------------------------------------

    @Override
    public void metric(String label, Object value, Object delta, Consumer<MetricOptions> options) {
        MetricOptions o = new MetricOptions();
        options.accept(o);
        emit(new Metric(label, String.valueOf(value), delta == null ? null : String.valueOf(delta),
                o.getDeltaColor().name().toLowerCase(Locale.ROOT), o.getHelp()));
    }

    @Override
    public void json(Object value, boolean expanded) {
        Run run = run();
        String text = value instanceof CharSequence raw ? prettyJson(raw.toString()) : session.engine().jsonWriter()
                .writeValueAsString(value);
        run.emit(path, new Json(text, expanded));
    }

    /** A JSON string is shown parsed and indented; text that is not JSON is shown as a JSON string. */
    private String prettyJson(String raw) {
        try {
            return session.engine().jsonWriter().writeValueAsString(session.engine().dataElements().parse(raw));
        } catch (RuntimeException notJson) {
            return session.engine().jsonWriter().writeValueAsString(raw);
        }
    }

    @Override
    public void table(Collection<?> rows, Consumer<TableOptions> options) {
        TableOptions o = new TableOptions();
        options.accept(o);
        run();
        emit(session.engine().dataElements().table(rows, o, false));
    }

    @Override
    public void dataframe(Collection<?> rows, Consumer<TableOptions> options) {
        TableOptions o = new TableOptions();
        options.accept(o);
        run();
        emit(session.engine().dataElements().table(rows, o, true));
    }

    @Override
    public void image(byte[] data, String caption) {
        emit(new Image("data:" + ImageTypes.of(data) + ";base64,"
                + Base64.getEncoder().encodeToString(data), caption, null));
    }

    @Override
    public void image(String url, String caption) {
        String lower = url.strip().toLowerCase(Locale.ROOT);
        boolean safe = lower.startsWith("https://") || lower.startsWith("http://")
                || (lower.startsWith("/") && !lower.startsWith("//"));
        if (!safe) {
            throw new StreamlitApiException("image(): only http(s) or same-site URLs are shown, not \""
                    + url + "\". Pass the bytes for anything else.");
        }
        emit(new Image(url.strip(), caption, null));
    }

    @Override
    public void image(Path file, String caption) {
        try {
            image(Files.readAllBytes(file), caption);
        } catch (IOException e) {
            throw new UncheckedIOException("image(): cannot read " + file, e);
        }
    }

    private void chart(String kind, Collection<?> rows, Consumer<ChartOptions> options) {
        ChartOptions o = new ChartOptions();
        options.accept(o);
        run();
        emit(session.engine().dataElements().chart(kind, rows, o));
    }

    @Override
    public void lineChart(Collection<?> rows, Consumer<ChartOptions> options) {
        chart("line", rows, options);
    }

    @Override
    public void barChart(Collection<?> rows, Consumer<ChartOptions> options) {
        chart("bar", rows, options);
    }

    @Override
    public void areaChart(Collection<?> rows, Consumer<ChartOptions> options) {
        chart("area", rows, options);
    }

    @Override
    public void scatterChart(Collection<?> rows, Consumer<ChartOptions> options) {
        chart("scatter", rows, options);
    }

    @Override
    public void chart(Map<String, ?> chartJsConfig, int height) {
        run();
        emit(new Chart(session.engine().dataElements().write(chartJsConfig), height));
    }

    // ---- progress and status ------------------------------------------------------------------------------

    @Override
    public ProgressBar progress(int percent, String text) {
        Run run = run();
        int index = run.emit(path, new Progress(clampPercent(percent), text));
        int[] container = path;
        return (next, nextText) -> run().replace(container, index,
                new Progress(clampPercent(next), nextText));
    }

    private static int clampPercent(int percent) {
        if (percent < 0 || percent > 100) {
            throw new StreamlitApiException("progress() takes a percentage from 0 to 100, not " + percent + ".");
        }
        return percent;
    }

    @Override
    public void spinner(String text, Runnable task) {
        Run run = run();
        int index = run.emit(path, new Spinner(text));
        try {
            task.run();
        } finally {
            Run current = Run.current();
            if (current != null && !current.isInterrupted()) {
                current.replace(path, index, new Block("empty", Map.of()));
            }
        }
    }

    @Override
    public StatusContainer status(String label) {
        Run run = run();
        Map<String, Object> props = props("label", label, "state", "running", "expanded", false);
        return new StatusBlock(session, openBlock(run, new Block("status", props), false), form);
    }

    @Override
    public void toast(String text, String icon) {
        emit(new Toast(text, icon));
    }
}
