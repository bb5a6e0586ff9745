package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.session.CommittedState;
import dev.springlit.runtime.session.Session;
import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.element.Button;
import dev.springlit.element.Element;
import dev.springlit.element.Widget;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.scope.CurrentSessionState;

/**
 * Drives the page runtime without a browser or a Spring context: one engine with one page ("/"), tabs
 * that attach a {@link RecordingConnection}, clicks by button label, and deterministic waits.
 *
 * <p>Waiting uses a barrier: an empty {@link Session#update} task is queued behind everything already asked
 * of the session (tasks never interrupt and are never merged, and interrupted or rerun requests go back in
 * front of the queue), so when it has run the session is idle as far as the test's requests go.
 */
public final class RuntimeHarness implements AutoCloseable {

    static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** What pages inject: speaks for the session whose run executes on the calling thread. */
    final SessionState state = new CurrentSessionState();
    final SpringlitEngine engine;
    final PageDescriptor page;

    final PageDescriptor other;

    private RuntimeHarness(RuntimeSettings settings, Page page, Page otherPage) {
        this(settings, RunLimits.defaults(), page, otherPage);
    }

    private RuntimeHarness(RuntimeSettings settings, RunLimits limits, Page page, Page otherPage) {
        this.page = new PageDescriptor("/", "Test page", "", 0, "testPage", page);
        this.other = new PageDescriptor("/other", "Other page", "", 1, "otherPage", otherPage);
        this.engine = new SpringlitEngine(new PageRegistry(List.of(this.page, this.other)), settings,
                JsonMapper.builder().build(), limits);
    }

    /** An app whose runs have the given thread and time limits. */
    static RuntimeHarness start(RunLimits limits, Page page) {
        return new RuntimeHarness(RuntimeSettings.defaults(), limits, page, st -> { });
    }

    static RuntimeHarness start(Page page) {
        return new RuntimeHarness(RuntimeSettings.defaults(), page, st -> { });
    }

    static RuntimeHarness start(RuntimeSettings settings, Page page) {
        return new RuntimeHarness(settings, page, st -> { });
    }

    /** An app with a home page ("/") and a second page ("/other"), reached with {@link Tab#navigate}. */
    static RuntimeHarness start(Page page, Page otherPage) {
        return new RuntimeHarness(RuntimeSettings.defaults(), page, otherPage);
    }

    static RuntimeSettings settings(boolean enforceSerializable, boolean showErrorDetails, Duration ttl) {
        return RuntimeSettings.builder().enforceSerializableSessionState(enforceSerializable)
                .showErrorDetails(showErrorDetails).disconnectedSessionTtl(ttl).build();
    }

    /** A new session, not attached to any tab yet. */
    Tab create() {
        Session session = engine.sessions().create(page).orElseThrow(() -> new AssertionError("no session created"));
        return new Tab(session);
    }

    /** A new tab: a session whose first run has ended. */
    Tab open() {
        Tab tab = create();
        tab.attach(true);
        tab.awaitIdle();
        return tab;
    }

    @Override
    public void close() {
        engine.close();
    }

    /** Polls {@code condition} (every few ms) until it holds, failing with {@code what} after {@link #TIMEOUT}. */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("Timed out after " + TIMEOUT.toSeconds() + " s waiting for: " + what);
            }
            try {
                Thread.sleep(2);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("Interrupted while waiting for: " + what);
            }
        }
    }

    /** A browser tab, as the transport would drive it. */
    static final class Tab {

        final Session session;
        RecordingConnection connection = new RecordingConnection();

        Tab(Session session) {
            this.session = session;
        }

        /** Attaches the current connection ({@code fresh}: a new tab, which starts the first run). */
        void attach(boolean fresh) {
            session.attach(connection, fresh);
        }

        /** The tab reconnects with a new connection (the old one is dropped first). */
        RecordingConnection reconnect() {
            session.detach(connection);
            connection = new RecordingConnection();
            session.attach(connection, false);
            return connection;
        }

        /** Blocks until everything asked of the session so far has been worked off (see class comment). */
        void awaitIdle() {
            try {
                session.update(s -> { }, false).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                fail("The session did not become idle within " + TIMEOUT.toSeconds() + " s");
            } catch (ExecutionException e) {
                throw new AssertionError("The session refused the barrier task", e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }

        /** Clicks the one button labelled {@code label} and waits for the run(s) it causes. */
        void click(String label) {
            clickAsync(label);
            awaitIdle();
        }

        /** Clicks without waiting. */
        void clickAsync(String label) {
            session.interact(Map.of(), buttonId(label));
        }

        /** Switches the session to {@code target} (same state) and waits for its run. */
        void navigate(PageDescriptor target) {
            session.address().navigate(target);
            awaitIdle();
        }

        /** Asks for a plain rerun and waits for it. */
        void rerun() {
            session.requestRerun();
            awaitIdle();
        }

        /** The id of the one button on screen labelled {@code label}. */
        String buttonId(String label) {
            List<Button> matching = elements().stream()
                    .filter(Button.class::isInstance).map(Button.class::cast)
                    .filter(b -> b.label().equals(label)).toList();
            if (matching.size() != 1) {
                fail("Expected one button labelled \"" + label + "\" on screen, found " + matching.size()
                        + " in " + elements());
            }
            return matching.get(0).id();
        }

        /** The id of the one input widget on screen labelled {@code label}. */
        String widgetId(String label) {
            List<Widget> matching = elements(Widget.class).stream().filter(w -> w.label().equals(label)).toList();
            if (matching.size() != 1) {
                fail("Expected one widget labelled \"" + label + "\" on screen, found " + matching.size()
                        + " in " + elements());
            }
            return matching.get(0).id();
        }

        /** What the tab shows in its main body: what its connection was sent, applied as a browser does. */
        List<Element> elements() {
            return new ArrayList<>(connection.elements());
        }

        <E extends Element> List<E> elements(Class<E> type) {
            return elements().stream().filter(type::isInstance).map(type::cast).toList();
        }

        Map<String, Object> state() {
            return CommittedState.of(session).values();
        }

        /** How the last run that ended for this tab's connection ended. */
        RunStatus lastStatus() {
            List<ServerMessage.Delta> ends = connection.runEnds();
            if (ends.isEmpty()) {
                fail("No run has ended yet");
            }
            return ends.get(ends.size() - 1).status();
        }

        /** The statuses of all runs that ended for this tab's connection, in order. */
        List<RunStatus> statuses() {
            return connection.runEnds().stream().map(ServerMessage.Delta::status).toList();
        }
    }

    /** A value some other thread sets; {@link #await} reads it. */
    static <T> T awaitValue(String what, Supplier<T> value) {
        await(what, () -> value.get() != null);
        return value.get();
    }
}
