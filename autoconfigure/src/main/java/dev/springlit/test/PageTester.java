// Over 300 lines: the public entry of the page tester, mostly Javadoc with examples: its factories (page class, instance, lambda, settings), the tab set-up users chain (user, locale, time zone, theme, headers, cookies, query) and the run, clock and state calls, each a short delegation to TesterSession; element accessors live in its superclasses.
package dev.springlit.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.core.env.MapPropertySource;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.User;
import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Widget;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.run.RuntimeSettings;
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
 * {@link #run()}. Like the browser, the tester is a client of the engine: its tab applies the messages the session
 * sends to its own element tree, which is what every accessor reads, and it sends interactions as the protocol
 * does; the element accessors are inherited from {@code PageTexts}, {@code PageWidgets}, {@code PageContainers} and
 * {@code PageChats}. In a {@code @SpringBootTest}, get testers on the real beans from {@link PageTesterFactory}.
 */
public final class PageTester extends PageChats implements AutoCloseable {

    /** How long {@link #run()} waits for a run to finish. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    private final SpringlitEngine engine;
    private final AutoCloseable owner;
    private final PageDescriptor firstPage;
    private final TesterSession session;
    private final PageTester root;
    private final ElementPath scope;

    PageTester(SpringlitEngine engine, PageDescriptor firstPage, AutoCloseable owner) {
        this.engine = engine;
        this.firstPage = firstPage;
        this.owner = owner;
        this.session = new TesterSession(engine, firstPage);
        this.root = this;
        this.scope = null;
    }

    /** A view of {@code root}'s page limited to the container at {@code scope}. */
    private PageTester(PageTester root, ElementPath scope) {
        this.engine = root.engine;
        this.firstPage = root.firstPage;
        this.owner = null;
        this.session = root.session;
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
        context.registerBean(dev.springlit.runtime.run.FragmentScheduler.class, TesterClock::new); // advance() moves it
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
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(descriptor)),
                settings.withFragmentScheduler(new TesterClock()), JsonMapper.builder().build());
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
     * Like {@link #run()} with its own timeout. A run that has not finished in time is stopped, as Streamlit's
     * {@code AppTest} does: it ends at its next {@code St} or {@code SessionState} call with
     * {@link RunStatus#STOPPED}, keeps what it drew, commits none of its state and is not run again.
     *
     * @throws PageRunTimeoutException when the run has not finished in time
     */
    public PageTester run(Duration timeout) {
        session.run(timeout);
        return this;
    }

    // ---- who and where -------------------------------------------------------------------------------------

    /**
     * Runs the page as {@code user} ({@code User.of("alice", Set.of("ROLE_ADMIN"), Map.of("email", "a@x.org"))}):
     * {@code st.user()} shows it, page roles and the app's HTTP rules judge it, and runs see it as Spring Security's
     * {@code Authentication}. Before the first run only: a session never changes users (use {@link #newTab()}).
     */
    public PageTester as(User user) {
        session.setUser(user);
        return this;
    }

    /** The browser's languages, first preferred, for {@code st.context()}; from the next run on. */
    public PageTester withLocale(Locale... locales) {
        session.changeContext(c -> c.withBrowser(List.of(locales), c.timeZone(), c.theme()));
        return this;
    }

    /** The browser's time zone for {@code st.context()}; from the next run on. */
    public PageTester withTimeZone(ZoneId zone) {
        session.changeContext(c -> c.withBrowser(c.locales(), zone, c.theme()));
        return this;
    }

    /** The browser's colour theme, {@code "light"} or {@code "dark"}, for {@code st.context()}. */
    public PageTester withTheme(String theme) {
        session.changeContext(c -> c.withBrowser(c.locales(), c.timeZone(), theme));
        return this;
    }

    /** One more header of the tab's handshake, for {@code st.context()}. */
    public PageTester withHeader(String name, String value) {
        session.changeContext(c -> c.withHeader(name, value));
        return this;
    }

    /** One more cookie of the tab's handshake, for {@code st.context()}. */
    public PageTester withCookie(String name, String value) {
        session.changeContext(c -> c.withCookie(name, value));
        return this;
    }

    /**
     * Where the last {@code st.login()} or {@code st.logout()} sent the tab ({@code "POST /logout"},
     * {@code "GET /_springlit/login?page=%2Fprofile"}), if it was sent anywhere.
     */
    public Optional<String> redirect() {
        return session.redirect();
    }

    /** Shows another page of the app in this tab (same session) from the next {@link #run()} on. */
    public PageTester switchPage(Class<? extends Page> pageClass) {
        session.switchPage(engine.pages().find(pageClass).orElseThrow(() -> new IllegalArgumentException(
                "The app has no page of type " + pageClass.getName())));
        return this;
    }

    /**
     * Moves the tester's clock on by {@code duration}: each runEvery fragment reruns as often as its timer falls due
     * meanwhile (S10.2), each run finished before the next tick, as if that much time had passed without a click.
     */
    public PageTester advance(Duration duration) {
        session.advance(duration, DEFAULT_TIMEOUT);
        return this;
    }

    void queueTrigger(String widgetId) {
        session.queueTrigger(widgetId);
    }

    void queueValue(String widgetId, Object value) {
        session.queueValue(widgetId, value);
    }

    void queueFormValue(String form, String widgetId, Object value) {
        session.queueFormValue(form, widgetId, value);
    }

    void queueSubmit(String form, String widgetId) {
        session.queueSubmit(form, widgetId);
    }

    /** What the browser shows for a widget: its form's held edit, if any, else the server's value (S6.2). */
    Object shownValue(Widget widget) {
        return session.shownValue(widget);
    }

    String storeUpload(String widgetId, String name, String contentType, byte[] bytes) {
        return session.storeUpload(widgetId, name, contentType, bytes);
    }

    Object browserValue(String widgetId, Object value) {
        return session.committed().toBrowserValue(widgetId, value);
    }

    // ---- what the page shows ------------------------------------------------------------------------------

    @Override
    public List<Element> elements() {
        return session.elementsUnder(scope == null ? ElementPath.MAIN : scope);
    }

    /** Every element of the sidebar, in order. */
    public List<Element> sidebarElements() {
        return session.elementsUnder(ElementPath.SIDEBAR);
    }

    @Override
    PageTester tester() {
        return this;
    }

    @Override
    ElementPath scope() {
        return scope;
    }

    @Override
    PageTester view(ElementPath scope) {
        return new PageTester(root, scope);
    }

    @Override
    Map<ElementPath, Block> blocks(int rootIndex) {
        return session.blocks(rootIndex);
    }

    @Override
    Object widgetValue(String widgetId) {
        return session.committed().widgetValue(widgetId);
    }

    /**
     * Sets the address bar's query parameters ({@code "?region=north&tag=a&tag=b"}) for the next run, as if the
     * user had opened the page with them.
     */
    public PageTester setQuery(String search) {
        session.setQuery(search);
        return this;
    }

    /** The query parameters as the address bar shows them after the last run ("?a=1", or ""). */
    public String query() {
        return session.query();
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
        return session.pagePath();
    }

    /** How the last run ended. */
    public RunStatus lastRunStatus() {
        return session.tab().lastStatus();
    }

    /** The protocol errors the session reported so far (unknown widget ids, values of the wrong type). */
    public List<String> protocolErrors() {
        return session.tab().errors();
    }

    /** Session state between runs: reads see the last run's result; writes apply at the start of the next run. */
    public SessionState sessionState() {
        return session.sessionState();
    }

    /** Ends the session (and the tester's own Spring context, if it made one). */
    @Override
    public void close() {
        if (root != this) {
            return;
        }
        session.close();
        if (owner != null) {
            try {
                owner.close();
            } catch (Exception e) {
                throw new IllegalStateException("Closing the page tester failed", e);
            }
        }
    }
}
