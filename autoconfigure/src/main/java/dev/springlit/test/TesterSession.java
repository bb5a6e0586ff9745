package dev.springlit.test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.springlit.SessionState;
import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.element.ElementPath;
import dev.springlit.element.Widget;
import dev.springlit.runtime.session.CommittedState;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * One page tester's tab and session: it opens the session like a browser's hello, sends interactions as the
 * protocol would (widget values in the browser's form, at most one clicked button), holds what the test queued
 * for the next run, and waits for runs by watching its {@link TesterTab}. The test thread is the only caller.
 */
final class TesterSession {

    /** A queued state write that removes the key. */
    static final Object REMOVED = new Object();

    private final SpringlitEngine engine;
    private final PageDescriptor firstPage;
    private final Map<String, Object> pendingValues = new LinkedHashMap<>();
    private final Map<String, Object> pendingWrites = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> pendingForms = new LinkedHashMap<>();
    private final TesterTab tab = new TesterTab(null);
    private String pendingTrigger;
    private String initialQuery;
    private PageDescriptor pendingPage;
    private Session session;
    /** Who the tab is and where (PageTester.as, withLocale, …); given to the session when it starts. */
    private dev.springlit.runtime.identity.TabContext context = dev.springlit.runtime.identity.TabContext.serverDefaults();
    private dev.springlit.User user;

    TesterSession(SpringlitEngine engine, PageDescriptor firstPage) {
        this.engine = engine;
        this.firstPage = firstPage;
    }

    /** Runs the page (first run, or the rerun that the queued interactions cause) and waits for it. */
    void run(Duration timeout) {
        Consumer<SessionState> writes = takeWrites();
        if (session == null) {
            session = engine.sessions().create(firstPage)
                    .orElseThrow(() -> new IllegalStateException("streamlit.server.max-sessions is reached"));
            session.setUser(user);
            session.identity().setContext(context);
            if (writes != null) {
                session.update(writes, false);
            }
            session.address().setQuery(initialQuery);
            session.attach(tab, true);
            awaitRun(0, timeout);
            return;
        }
        int before = tab.finishedRuns();
        if (pendingPage != null) {
            session.address().navigate(pendingPage, ""); // as a followed link: the new page's address has no query
            pendingPage = null;
        }
        session.interact(new LinkedHashMap<>(pendingValues), pendingTrigger, writes);
        pendingValues.clear();
        pendingTrigger = null;
        awaitRun(before, timeout);
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
            while (tab.finishedRuns() <= before || !session.isIdle()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    session.stopRun(); // a page left running would go on changing what the test reads next
                    throw new PageRunTimeoutException(timeout);
                }
                tab.awaitChange(Math.max(1, Math.min(10, left / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the page run", e);
        }
    }

    /** Moves the tester's clock (S10.2), waiting after each timer tick until the session is idle again. */
    void advance(Duration duration, Duration timeout) {
        started();
        if (!(engine.settings().fragmentScheduler() instanceof TesterClock clock)) {
            throw new IllegalStateException("advance() needs a tester made by PageTester.of(...), whose clock the test "
                    + "moves; this engine's runEvery timers follow the real clock.");
        }
        clock.advance(duration, () -> awaitRun(Integer.MIN_VALUE, timeout)); // no run count to wait for: idle is all
    }

    void switchPage(PageDescriptor page) {
        pendingPage = page;
    }

    void queueTrigger(String widgetId) {
        pendingTrigger = widgetId;
    }

    void queueValue(String widgetId, Object value) {
        pendingValues.put(widgetId, value);
    }

    /** A form widget's edit waits, as in the browser, until the form is submitted. */
    void queueFormValue(String form, String widgetId, Object value) {
        pendingForms.computeIfAbsent(form, f -> new LinkedHashMap<>()).put(widgetId, value);
    }

    /**
     * A submit sends the form's held edits with the click. A form that clears on submit then holds its widgets'
     * defaults as new edits, as the browser does (S6.2).
     */
    void queueSubmit(String form, String widgetId) {
        Map<String, Object> held = pendingForms.remove(form);
        if (held != null) {
            pendingValues.putAll(held);
        }
        pendingTrigger = widgetId;
        for (int root = 0; root < 2; root++) {
            for (Element element : started().elementsUnder(ElementPath.root(root))) {
                if (element instanceof Widget widget && form.equals(widget.form())
                        && widget.props().containsKey(Widget.FORM_DEFAULT)) {
                    queueFormValue(form, widget.id(), widget.prop(Widget.FORM_DEFAULT));
                }
            }
        }
    }

    /** What the browser shows for a widget: its form's held edit, if any, else the server's value. */
    Object shownValue(Widget widget) {
        Map<String, Object> held = widget.form() == null ? null : pendingForms.get(widget.form());
        return held != null && held.containsKey(widget.id()) ? held.get(widget.id()) : widget.value();
    }

    /** The address bar's query parameters: before the first run they are what the tab opens with. */
    void setQuery(String search) {
        tab.setSearch(search);
        if (session == null) {
            initialQuery = search;
        } else {
            session.address().setQuery(search);
        }
    }

    /** The tab's user; before the first run only, as a session never changes users (S12.3). */
    void setUser(dev.springlit.User newUser) {
        if (session != null) {
            throw new IllegalStateException("A session never changes users: call as(...) before the first run, or "
                    + "open a newTab() for another user.");
        }
        user = newUser == null || !newUser.isLoggedIn() ? null : newUser;
    }

    /** Changes what st.context() shows, from the next run on. */
    void changeContext(java.util.function.UnaryOperator<dev.springlit.runtime.identity.TabContext> change) {
        context = change.apply(context);
        if (session != null) {
            session.identity().setContext(context);
        }
    }

    /** Where st.login() or st.logout() last sent the tab, as "METHOD url". */
    java.util.Optional<String> redirect() {
        return tab.lastRedirect();
    }

    private TesterTab started() {
        if (session == null) {
            throw new IllegalStateException("Call run() first: the page has not run yet.");
        }
        return tab;
    }

    List<Element> elementsUnder(ElementPath path) {
        return started().elementsUnder(path);
    }

    Map<ElementPath, Block> blocks(int root) {
        return started().blocks(root);
    }

    String query() {
        return started().search();
    }

    String pagePath() {
        return started().page();
    }

    /** The tab, which holds how runs ended and the errors it was sent, from before the first run on. */
    TesterTab tab() {
        return tab;
    }

    /** What the session's runs committed (state and widget values, as AppTest reads them). */
    CommittedState committed() {
        started();
        return CommittedState.of(session);
    }

    String storeUpload(String widgetId, String name, String contentType, byte[] bytes) {
        started();
        return session.files().upload(widgetId, name, contentType, bytes).id();
    }

    /** Session state between runs: reads see the last run's result; writes apply at the start of the next run. */
    SessionState sessionState() {
        return new TesterSessionState(() -> committed().values(), pendingWrites, REMOVED);
    }

    /** Ends the session. */
    void close() {
        if (session != null) {
            engine.sessions().remove(session);
        }
    }
}
