package dev.springlit.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Button;
import dev.springlit.element.Chart;
import dev.springlit.element.Code;
import dev.springlit.element.Divider;
import dev.springlit.element.Element;
import dev.springlit.element.ExceptionElement;
import dev.springlit.element.Heading;
import dev.springlit.element.Image;
import dev.springlit.element.Json;
import dev.springlit.element.Markdown;
import dev.springlit.element.Metric;
import dev.springlit.element.Progress;
import dev.springlit.element.Table;
import dev.springlit.element.Text;
import dev.springlit.element.Toast;
import dev.springlit.element.Widget;
import dev.springlit.runtime.CurrentSessionState;
import dev.springlit.runtime.PageDescriptor;
import dev.springlit.runtime.PageRegistry;
import dev.springlit.runtime.RunStatus;
import dev.springlit.runtime.RuntimeSettings;
import dev.springlit.runtime.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Tests a page without a browser, like Streamlit's {@code AppTest}: each tester is one browser tab (one
 * session) running the real runtime, so reruns, callbacks, widget state and errors behave exactly as in the
 * browser.
 *
 * <pre>{@code
 * try (PageTester tester = PageTester.of(CounterPage.class)) {
 *     tester.run();
 *     tester.button("Increment").click().run();
 *     assertThat(tester.markdown(0).value()).isEqualTo("Count = 1");
 *     assertThat(tester.sessionState().get("count")).isEqualTo(1);
 * }
 * }</pre>
 *
 * Interactions ({@code click()}, state writes between runs) are queued and take effect in the next
 * {@link #run()}. In a {@code @SpringBootTest}, get testers on the real beans from {@link PageTesterFactory}.
 */
public final class PageTester implements AutoCloseable {

    /** How long {@link #run()} waits for a run to finish. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private static final Object REMOVED = new Object();

    private final SpringlitEngine engine;
    private final AutoCloseable owner;
    private final PageDescriptor firstPage;
    private final RecordingConnection connection = new RecordingConnection();
    private final Map<String, Object> pendingValues = new LinkedHashMap<>();
    private final Map<String, Object> pendingWrites = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> pendingForms = new LinkedHashMap<>();
    private final PageTester root;
    private final int[] scope;
    private String pendingTrigger;
    private String initialQuery;
    private PageDescriptor pendingPage;
    private Session session;

    PageTester(SpringlitEngine engine, PageDescriptor firstPage, AutoCloseable owner) {
        this.engine = engine;
        this.firstPage = firstPage;
        this.owner = owner;
        this.root = this;
        this.scope = null;
    }

    /** A view of {@code root}'s page limited to the container at {@code scope}. */
    private PageTester(PageTester root, int[] scope) {
        this.engine = root.engine;
        this.firstPage = root.firstPage;
        this.owner = null;
        this.root = root;
        this.scope = scope;
    }

    /**
     * A tester for a {@code @StreamlitPage} class, created as a bean in a small Spring context of its own
     * (so constructor injection of {@link SessionState} works). {@code properties} are {@code key=value}
     * pairs such as {@code "streamlit.runner.enforce-serializable-session-state=true"}. Unlike a deployed app, the
     * tester shows exceptions' details unless {@code "streamlit.client.show-error-details=false"} is given.
     */
    public static PageTester of(Class<? extends Page> pageClass, String... properties) {
        AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
        Map<String, Object> values = new LinkedHashMap<>();
        for (String property : properties) {
            int equals = property.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("A property must be \"key=value\": " + property);
            }
            values.put(property.substring(0, equals).strip(), property.substring(equals + 1).strip());
        }
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("pageTester", values));
        // A development tool: failures show their details unless the test asks for what production shows.
        context.getEnvironment().getPropertySources().addLast(new MapPropertySource("pageTesterDefaults",
                Map.of("streamlit.client.show-error-details", "true")));
        context.register(SpringlitAutoConfiguration.class, pageClass);
        context.refresh();
        SpringlitEngine engine = context.getBean(SpringlitEngine.class);
        PageDescriptor page = engine.pages().find(pageClass).orElseThrow(() -> new IllegalArgumentException(
                pageClass.getName() + " is not a @StreamlitPage; annotate it or use PageTester.of(Page)."));
        return new PageTester(engine, page, context);
    }

    /**
     * A tester for a page instance (a lambda will do), served at "/", with {@link RuntimeSettings#defaults()}
     * (exceptions show their details).
     */
    public static PageTester of(Page page) {
        return of(page, RuntimeSettings.defaults());
    }

    /** A tester for a page instance with the given settings. */
    public static PageTester of(Page page, RuntimeSettings settings) {
        PageDescriptor descriptor = new PageDescriptor("/", "Page", "", 0, "page", page);
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(descriptor)), settings,
                JsonMapper.builder().build());
        return new PageTester(engine, descriptor, engine);
    }

    /**
     * The {@link SessionState} to hand to a page built by hand for {@link #of(Page)}: like the injected bean,
     * it speaks for whichever tab's run is executing.
     */
    public static SessionState sessionStateProxy() {
        return new CurrentSessionState();
    }

    /** Another tab on the same app: its own session, the same beans. Closing it leaves this one open. */
    public PageTester newTab() {
        return new PageTester(engine, firstPage, null);
    }

    // ---- running ----------------------------------------------------------------------------------------

    /** Runs the page (first run, or the rerun that the queued interactions cause) and waits for it. */
    public PageTester run() {
        return run(DEFAULT_TIMEOUT);
    }

    /**
     * Like {@link #run()} with its own timeout.
     *
     * @throws PageRunTimeoutException when the run has not finished in time
     */
    public PageTester run(Duration timeout) {
        if (root != this) {
            root.run(timeout);
            return this;
        }
        int before = connection.finishedRuns();
        Consumer<SessionState> writes = takeWrites();
        if (session == null) {
            session = engine.sessions().create(firstPage)
                    .orElseThrow(() -> new IllegalStateException("streamlit.server.max-sessions is reached"));
            if (writes != null) {
                session.update(writes, false);
            }
            session.setQuery(initialQuery);
            session.attach(connection, true);
        } else {
            if (pendingPage != null) {
                session.navigate(pendingPage);
                pendingPage = null;
            }
            session.interact(new LinkedHashMap<>(pendingValues), pendingTrigger, writes);
        }
        pendingValues.clear();
        pendingTrigger = null;
        awaitRun(before, timeout);
        return this;
    }

    private Consumer<SessionState> takeWrites() {
        if (pendingWrites.isEmpty()) {
            return null;
        }
        Map<String, Object> writes = new LinkedHashMap<>(pendingWrites);
        pendingWrites.clear();
        return state -> writes.forEach((key, value) -> {
            if (value == REMOVED) {
                if (state.contains(key)) {
                    state.remove(key);
                }
            } else {
                state.put(key, value);
            }
        });
    }

    private void awaitRun(int before, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (connection.finishedRuns() <= before || !session.isIdle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new PageRunTimeoutException(timeout);
                }
                connection.awaitChange(Math.max(1, Math.min(10, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the page run", e);
        }
    }

    /** Shows another page of the app in this tab (same session) from the next {@link #run()} on. */
    public PageTester switchPage(Class<? extends Page> pageClass) {
        root.pendingPage = engine.pages().find(pageClass).orElseThrow(() -> new IllegalArgumentException(
                "The app has no page of type " + pageClass.getName()));
        return this;
    }

    void queueTrigger(String widgetId) {
        root.pendingTrigger = widgetId;
    }

    void queueValue(String widgetId, Object value) {
        root.pendingValues.put(widgetId, value);
    }

    /** A form widget's edit waits, as in the browser, until the form is submitted. */
    void queueFormValue(String form, String widgetId, Object value) {
        root.pendingForms.computeIfAbsent(form, f -> new LinkedHashMap<>()).put(widgetId, value);
    }

    /**
     * A submit sends the form's held edits with the click. A form that clears on submit then holds its widgets'
     * defaults as new edits, as the browser does (S6.2).
     */
    void queueSubmit(String form, String widgetId) {
        Map<String, Object> held = root.pendingForms.remove(form);
        if (held != null) {
            root.pendingValues.putAll(held);
        }
        root.pendingTrigger = widgetId;
        for (WidgetElement widget : root.widgets()) {
            widget.holdFormDefault(form);
        }
    }

    /** What the browser shows for a widget: the form's held edit, if any, else the server's value. */
    Object shownValue(Widget widget) {
        Map<String, Object> held = widget.form() == null ? null : root.pendingForms.get(widget.form());
        return held != null && held.containsKey(widget.id()) ? held.get(widget.id()) : widget.value();
    }

    // ---- containers ---------------------------------------------------------------------------------------

    /** The sidebar's elements and widgets. */
    public PageTester sidebar() {
        return new PageTester(root, new int[] {1});
    }

    /** The form with this key. */
    public PageTester form(String key) {
        return scoped("form", b -> key.equals(b.prop("key")), "form with key \"" + key + "\"").get(0);
    }

    /** Every column, in page order (all rows of columns). */
    public List<PageTester> columns() {
        return scoped("column", b -> true, "column");
    }

    /** Every tab, in page order. */
    public List<PageTester> tabs() {
        return scoped("tab", b -> true, "tab");
    }

    /** The tab with this label. */
    public PageTester tab(String label) {
        return scoped("tab", b -> label.equals(b.prop("label")), "tab \"" + label + "\"").get(0);
    }

    /** The expander with this label. */
    public PageTester expander(String label) {
        return scoped("expander", b -> label.equals(b.prop("label")), "expander \"" + label + "\"").get(0);
    }

    /** Every container made with st.container(), in page order. */
    public List<PageTester> containers() {
        return scoped("container", b -> true, "container");
    }

    /** Submits this form (the view of {@link #form(String)}) with its first submit button. */
    public PageTester submit() {
        List<WidgetElement> buttons = widgets().stream().filter(w -> w.kind().equals("form_submit_button")).toList();
        if (buttons.isEmpty()) {
            throw new AssertionError("There is no submit button here; the elements are " + elements());
        }
        return buttons.get(0).click();
    }

    private List<PageTester> scoped(String kind, Predicate<Block> match,
                                    String what) {
        List<PageTester> views = new ArrayList<>();
        for (int rootIndex = 0; rootIndex < 2; rootIndex++) {
            for (Map.Entry<int[], Block> block : started().blocks(rootIndex).entrySet()) {
                if (block.getValue().kind().equals(kind) && match.test(block.getValue())
                        && (scope == null ? rootIndex == 0 || kind.equals("form") : startsWith(block.getKey(), scope))) {
                    views.add(new PageTester(root, block.getKey()));
                }
            }
        }
        if (views.isEmpty()) {
            throw new AssertionError("The page has no " + what + ".");
        }
        return views;
    }

    private static boolean startsWith(int[] path, int[] prefix) {
        if (path.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (path[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    // ---- what the page shows ------------------------------------------------------------------------------

    private Session started() {
        if (root != this) {
            return root.started();
        }
        if (session == null) {
            throw new IllegalStateException("Call run() first: the page has not run yet.");
        }
        return session;
    }

    /** Every element of the main body (or of this view's container), depth first in page order. */
    public List<Element> elements() {
        return scope == null ? started().mainElements() : started().elementsUnder(scope);
    }

    /** Every element of the sidebar, in order. */
    public List<Element> sidebarElements() {
        return started().sidebarElements();
    }

    /**
     * Sets the address bar's query parameters ({@code "?region=north&tag=a&tag=b"}) for the next run, as if the
     * user had opened the page with them.
     */
    public PageTester setQuery(String search) {
        if (root.session == null) {
            root.initialQuery = search;
        } else {
            root.session.setQuery(search);
        }
        return this;
    }

    /** The query parameters as the address bar shows them after the last run ("?a=1", or ""). */
    public String query() {
        return started().querySearch();
    }

    /** The query parameters after the last run, key → values (repeated keys keep every value, in order). */
    public Map<String, List<String>> queryParams() {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String search = query();
        for (String pair : (search.startsWith("?") ? search.substring(1) : search).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            params.computeIfAbsent(key, k -> new ArrayList<>()).add(value);
        }
        return params;
    }

    /** The path of the page this tab shows. */
    public String pagePath() {
        return started().page().path();
    }

    /** How the last run ended. */
    public RunStatus lastRunStatus() {
        return connection.lastStatus();
    }

    /** The protocol errors the session reported so far (unknown widget ids, values of the wrong type). */
    public List<String> protocolErrors() {
        return connection.errors();
    }

    /** The titles ({@code st.title}). */
    public List<TextElement> titles() {
        return texts("title");
    }

    public TextElement title(int index) {
        return pick(titles(), index, "title");
    }

    public List<TextElement> headers() {
        return texts("header");
    }

    public TextElement header(int index) {
        return pick(headers(), index, "header");
    }

    public List<TextElement> subheaders() {
        return texts("subheader");
    }

    public TextElement subheader(int index) {
        return pick(subheaders(), index, "subheader");
    }

    /** Markdown elements, including {@code st.write} lines (not captions). */
    public List<TextElement> markdowns() {
        return texts("markdown");
    }

    public TextElement markdown(int index) {
        return pick(markdowns(), index, "markdown");
    }

    public List<TextElement> captions() {
        return texts("caption");
    }

    public TextElement caption(int index) {
        return pick(captions(), index, "caption");
    }

    public List<TextElement> texts() {
        return texts("text");
    }

    public TextElement text(int index) {
        return pick(texts(), index, "text");
    }

    public List<TextElement> codes() {
        return texts("code");
    }

    public TextElement code(int index) {
        return pick(codes(), index, "code");
    }

    public List<TextElement> jsons() {
        return texts("json");
    }

    public TextElement json(int index) {
        return pick(jsons(), index, "json");
    }

    public List<TextElement> errors() {
        return texts("error");
    }

    public TextElement error(int index) {
        return pick(errors(), index, "error");
    }

    public List<TextElement> warnings() {
        return texts("warning");
    }

    public TextElement warning(int index) {
        return pick(warnings(), index, "warning");
    }

    public List<TextElement> infos() {
        return texts("info");
    }

    public TextElement info(int index) {
        return pick(infos(), index, "info");
    }

    public List<TextElement> successes() {
        return texts("success");
    }

    public TextElement success(int index) {
        return pick(successes(), index, "success");
    }

    public List<TextElement> dividers() {
        return texts("divider");
    }

    /** Every element of type {@code type}, in page order (for metrics, tables, charts, progress bars, ...). */
    public <E extends Element> List<E> elementsOf(Class<E> type) {
        return elements().stream().filter(type::isInstance).map(type::cast).toList();
    }

    /** The metric at {@code index}: {@code tester.metric(0).value()}. */
    public Metric metric(int index) {
        return pick(elementsOf(Metric.class), index, "metric");
    }

    /** The table or data frame at {@code index}, with its columns and cells. */
    public Table table(int index) {
        return pick(elementsOf(Table.class), index, "table");
    }

    /** The chart at {@code index}; {@code config()} is its Chart.js configuration. */
    public Chart chart(int index) {
        return pick(elementsOf(Chart.class), index, "chart");
    }

    /** The progress bar at {@code index}. */
    public Progress progress(int index) {
        return pick(elementsOf(Progress.class), index, "progress");
    }

    /** The toasts the last run showed. */
    public List<Toast> toasts() {
        return elementsOf(Toast.class);
    }

    /** The images, in page order. */
    public List<Image> images() {
        return elementsOf(Image.class);
    }

    /** The status containers' blocks (label, state), in page order. */
    public List<Block> statuses() {
        return elementsOf(Block.class).stream().filter(b -> b.kind().equals("status")).toList();
    }

    /** The exceptions the page shows. */
    public List<ExceptionInfo> exceptions() {
        List<ExceptionInfo> found = new ArrayList<>();
        for (Element element : elements()) {
            if (element instanceof ExceptionElement e) {
                found.add(new ExceptionInfo(e.type(), e.message(), e.stack(), e.reference()));
            }
        }
        return found;
    }

    /** The buttons, in page order. */
    public List<ButtonElement> buttons() {
        List<ButtonElement> found = new ArrayList<>();
        for (Element element : elements()) {
            if (element instanceof Button b) {
                found.add(new ButtonElement(this, b));
            }
        }
        return found;
    }

    public ButtonElement button(int index) {
        return pick(buttons(), index, "button");
    }

    /** The button with this label (the first, if several). */
    public ButtonElement button(String label) {
        return buttons().stream().filter(b -> b.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No button labelled \"" + label + "\"; the page has "
                        + buttons()));
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
                found.add(new WidgetElement(this, w, started().widgetValue(w.id())));
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

    private WidgetElement widget(String kind, String label) {
        return widgets().stream().filter(w -> w.kind().equals(kind) && w.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("No " + kind + " labelled \"" + label + "\"; the page has "
                        + widgets()));
    }

    public WidgetElement numberInput(String label) {
        return widget("number_input", label);
    }

    public WidgetElement slider(String label) {
        return widget("slider", label);
    }

    public WidgetElement rangeSlider(String label) {
        return widget("range_slider", label);
    }

    /** A {@code st.selectSlider} or {@code st.selectRangeSlider}. */
    public WidgetElement selectSlider(String label) {
        return widget("select_slider", label);
    }

    public WidgetElement textInput(String label) {
        return widget("text_input", label);
    }

    public WidgetElement textArea(String label) {
        return widget("text_area", label);
    }

    public WidgetElement checkbox(String label) {
        return widget("checkbox", label);
    }

    public WidgetElement toggle(String label) {
        return widget("toggle", label);
    }

    public WidgetElement radio(String label) {
        return widget("radio", label);
    }

    public WidgetElement selectbox(String label) {
        return widget("selectbox", label);
    }

    public WidgetElement multiselect(String label) {
        return widget("multiselect", label);
    }

    public WidgetElement dateInput(String label) {
        return widget("date_input", label);
    }

    public WidgetElement timeInput(String label) {
        return widget("time_input", label);
    }

    public WidgetElement colorPicker(String label) {
        return widget("color_picker", label);
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
        return widget("file_uploader", label);
    }

    public WidgetElement downloadButton(String label) {
        return widget("download_button", label);
    }

    /** A form's submit button by label. */
    public WidgetElement formSubmitButton(String label) {
        return widget("form_submit_button", label);
    }

    String storeUpload(String widgetId, String name, String contentType, byte[] bytes) {
        return started().files().upload(widgetId, name, contentType, bytes).id();
    }

    Object browserValue(String widgetId, Object value) {
        return started().toBrowserValue(widgetId, value);
    }

    /** Session state between runs: reads see the last run's result; writes apply at the start of the next run. */
    public SessionState sessionState() {
        return new TesterSessionState(() -> started().stateSnapshot(), root.pendingWrites, REMOVED);
    }

    private List<TextElement> texts(String kind) {
        List<TextElement> found = new ArrayList<>();
        for (Element element : elements()) {
            TextElement text = describe(element);
            if (text != null && text.kind().equals(kind)) {
                found.add(text);
            }
        }
        return found;
    }

    private static TextElement describe(Element element) {
        if (element instanceof Heading h) {
            String kind = h.level() == 1 ? "title" : h.level() == 2 ? "header" : "subheader";
            return new TextElement(kind, h.text(), element);
        } else if (element instanceof Markdown m) {
            return new TextElement(m.caption() ? "caption" : "markdown", m.body(), element);
        } else if (element instanceof Text t) {
            return new TextElement("text", t.text(), element);
        } else if (element instanceof Code c) {
            return new TextElement("code", c.code(), element);
        } else if (element instanceof Json j) {
            return new TextElement("json", j.json(), element);
        } else if (element instanceof Alert a) {
            return new TextElement(a.level().cssName(), a.body(), element);
        } else if (element instanceof Divider) {
            return new TextElement("divider", "", element);
        }
        return null;
    }

    private static <T> T pick(List<T> items, int index, String kind) {
        if (index < 0 || index >= items.size()) {
            throw new AssertionError("The page shows " + items.size() + " " + kind + " element(s); there is no "
                    + kind + "(" + index + ")" + (items.isEmpty() ? "" : ": " + items));
        }
        return items.get(index);
    }

    /** Ends the session (and the tester's own Spring context, if it made one). */
    @Override
    public void close() {
        if (root != this) {
            return;
        }
        if (session != null) {
            engine.sessions().remove(session);
        }
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the page tester failed", e);
            }
        }
    }
}
