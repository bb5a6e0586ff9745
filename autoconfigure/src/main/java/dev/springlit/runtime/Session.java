package dev.springlit.runtime;

import java.security.Principal;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.SessionHandle;
import dev.springlit.SessionState;
import dev.springlit.element.Alert;
import dev.springlit.element.Block;
import dev.springlit.element.Element;
import dev.springlit.support.LogText;

/**
 * One browser tab's session: its state, the page it shows, the copy of what its browser shows, and the
 * queue of interactions waiting for a run. Runs happen one at a time on the shared run executor (never a
 * thread per session); a newer interaction interrupts a running page at its next {@code St} or
 * {@code SessionState} call.
 */
public final class Session implements SessionHandle {

    private static final Log log = LogFactory.getLog(Session.class);
    /** One generator per thread: a shared SecureRandom is a lock every new tab waits on. */
    /**
     * How many interactions may wait for a run. Clicks are never merged (every click counts), so a slow page could
     * gather many; past this bound they are refused with an error instead of filling the heap.
     */
    static final int MAX_PENDING = 1_000;

    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(SecureRandom::new);

    private final String id;
    private final SpringlitEngine engine;
    private final Object lock = new Object();
    /**
     * Makes taking the drawn ops and posting them one step, so messages are posted in the order they were drawn;
     * held only for that (rendering happens in {@link #outbox}, after it is released). The flush thread only
     * tries it.
     */
    private final ReentrantLock sendLock = new ReentrantLock();
    private final Outbox outbox = new Outbox();
    private final PageOutput output = new PageOutput();
    private final ArrayDeque<RunRequest> pending = new ArrayDeque<>(2);

    private final DeltaGenerator st = new DeltaGenerator(this, 0);
    private volatile SessionData data = SessionData.empty();
    private volatile PageDescriptor page;
    private ClientConnection connection;
    private long parkedSinceNanos;
    private boolean draining;
    private volatile boolean destroyed;
    private Run current;
    private int runCount;
    /** The number of the last run whose end was sent (guarded by sendLock). */
    private int lastEndedRun;
    private Set<String> warnedKeys;
    private SessionBeans beans;
    private SessionFiles files;
    private SessionQuery query;
    private volatile Principal user;
    /** Widget values a tab re-sent after the server lost its session (S1.5), by widget id, until drawn. */
    private Map<String, Object> restored;
    /** What the log calls this session: never its id, which is the tab's credential. */
    private final String tag;
    /** The client address that created the session, for streamlit.server.max-sessions-per-address; may be null. */
    private volatile String clientAddress;
    /**
     * Whether the tab did anything after its first run (an interaction, a navigation, a reconnect): an untouched
     * parked session lives only streamlit.server.untouched-session-ttl, so a flood of hellos cannot hold the
     * server's sessions for the whole disconnected-session TTL.
     */
    private volatile boolean touched;
    private final RefusalWarnings refusals = new RefusalWarnings(log);
    /** What pages get from st.session(): this session without its internals. */
    private final TabHandle handle = new TabHandle(this);

    Session(SpringlitEngine engine, PageDescriptor page) {
        this.id = newId();
        this.tag = SessionTag.of(id);
        this.engine = engine;
        this.page = page;
        this.parkedSinceNanos = System.nanoTime();
    }

    /** 128 random bits, URL-safe: the session id is also what authorizes uploads and reconnects. */
    private static String newId() {
        byte[] bytes = new byte[16];
        RANDOM.get().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String id() {
        return id;
    }

    public PageDescriptor page() {
        return page;
    }

    /** This session as {@code st.session()} hands it to pages: update, rerun, is alive, nothing else. */
    SessionHandle handle() {
        return handle;
    }

    /** What logs call this session (see {@link SessionTag}): it identifies it without revealing its id. */
    public String tag() {
        return tag;
    }

    /** The refusal warnings of this session's tab: at most one log line a second (see {@link RefusalWarnings}). */
    public RefusalWarnings refusals() {
        return refusals;
    }

    String clientAddress() {
        return clientAddress;
    }

    void setClientAddress(String clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** Whether the tab has done anything since its first run (see {@code untouched-session-ttl}). */
    boolean isTouched() {
        return touched;
    }

    SpringlitEngine engine() {
        return engine;
    }

    /** The session's main container, the {@code st} every run of it draws with. */
    DeltaGenerator st() {
        return st;
    }

    SessionData data() {
        return data;
    }

    PageOutput output() {
        return output;
    }

    /** Whether a tab is attached now. */
    public boolean isConnected() {
        synchronized (lock) {
            return connection != null;
        }
    }

    @Override
    public boolean isAlive() {
        return !destroyed;
    }

    /** How many runs have finished or started; the browser sees it as the run number. */
    public int runCount() {
        synchronized (lock) {
            return runCount;
        }
    }

    // ---- connection lifecycle -------------------------------------------------------------------------

    /**
     * Attaches a tab. A new session starts its first run; a session the tab comes back to shows what it
     * showed (its whole tree is sent) and runs only what is still queued.
     */
    public void attach(ClientConnection newConnection, boolean fresh) {
        ClientConnection previous;
        sendLock.lock();
        try {
            boolean running;
            synchronized (lock) {
                previous = connection;
                connection = newConnection;
                running = lastEndedRun < runCount;
            }
            output.drain(true);
            outbox.post(newConnection, new ServerMessage.SessionAttached(id, page.path(), page.title(), true));
            if (!fresh) {
                List<ServerMessage.Op> tree = output.snapshot();
                outbox.post(newConnection, new ServerMessage.Delta(runCount(), tree, running ? null : RunStatus.OK));
            }
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
        if (previous != null && previous != newConnection) {
            previous.close("This session was taken over by a newer connection of the same tab.");
        }
        if (fresh) {
            enqueue(RunRequest.first());
        } else {
            touched = true; // a tab that comes back is a real one
            kick();
        }
    }

    /** The tab went away; the session is parked until it comes back or the TTL ends it. */
    public void detach(ClientConnection gone) {
        synchronized (lock) {
            if (connection == gone) {
                connection = null;
                parkedSinceNanos = System.nanoTime();
            }
        }
    }

    /** Nanoseconds (System.nanoTime) since when no tab is attached, or -1 while one is. */
    long parkedSince() {
        synchronized (lock) {
            return connection == null ? parkedSinceNanos : -1;
        }
    }

    /** Sends a message to the attached tab, if any. */
    public void send(ServerMessage message) {
        sendLock.lock();
        try {
            outbox.post(connection(), message);
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
    }

    private ClientConnection connection() {
        synchronized (lock) {
            return connection;
        }
    }

    /**
     * The flush thread's call: sends what a running run drew, unless the run is posting right now (what it drew
     * goes with that) or another thread is delivering (it takes this too).
     */
    void flushIfFree(int run) {
        if (sendLock.tryLock()) {
            try {
                postDrawn(run, null);
            } finally {
                sendLock.unlock();
            }
            outbox.deliverIfFree();
        }
    }

    /** Sends what the run drew since the last flush and, with a {@code status}, that it ended; returns once sent. */
    void flush(int run, RunStatus status) {
        sendLock.lock();
        try {
            postDrawn(run, status);
        } finally {
            sendLock.unlock();
        }
        outbox.deliver();
    }

    /** Posts the ops drawn since the last post; called with the send lock held. */
    private void postDrawn(int run, RunStatus status) {
        List<ServerMessage.Op> ops = output.drain(status != null);
        if (ops.isEmpty() && status == null) {
            return;
        }
        if (status != null) {
            lastEndedRun = Math.max(lastEndedRun, run);
        }
        outbox.post(connection(), new ServerMessage.Delta(run, ops, status));
    }

    /** Tells the tab a message of its was refused, and logs it; nothing else changes. */
    public void reject(String code, String message) {
        refusals.warn("Springlit session " + tag + " refused a message (" + code + "): " + LogText.clean(message));
        engine.observer().messageRejected(code);
        send(new ServerMessage.Error(code, message));
    }

    // ---- interactions -------------------------------------------------------------------------------

    /** An interaction from the tab: widget values (raw, as sent) and maybe a clicked button. */
    public void interact(Map<String, Object> widgets, String trigger) {
        touched = true;
        enqueue(RunRequest.interaction(widgets, trigger));
    }

    /** An interaction whose run first applies {@code prelude} to the state (see the page tester). */
    public void interact(Map<String, Object> widgets, String trigger, Consumer<SessionState> prelude) {
        touched = true;
        enqueue(RunRequest.interaction(widgets, trigger, prelude));
    }

    /**
     * The tab's Stop: the page run going on now ends as if it had called {@code st.stop()} (what it drew stays,
     * its state is kept); runs already asked for still follow. Nothing happens when no page is running.
     */
    public void stopRun() {
        synchronized (lock) {
            if (current != null && !current.request().isTask()) {
                current.stopByUser();
            }
        }
    }

    /** Whether nothing is running or waiting to run. */
    public boolean isIdle() {
        synchronized (lock) {
            return current == null && pending.isEmpty() && !draining;
        }
    }

    /** The session's query parameters (created on first use). */
    SessionQuery query() {
        synchronized (lock) {
            if (query == null) {
                query = new SessionQuery(this);
            }
            return query;
        }
    }

    /** The signed-in user of the tab (from the WebSocket handshake), or {@code null}. */
    public Principal user() {
        return user;
    }

    /** Records the tab's user; a session keeps the user of the connection that created or last attached it. */
    public void setUser(Principal user) {
        this.user = user;
    }

    /** The query parameters as the address bar shows them ("?a=1&b=2", or ""). */
    public String querySearch() {
        SessionQuery shown = existingQuery();
        return shown == null ? "" : shown.toSearch();
    }

    /** The query parameters if anything created them yet, else null; read under the lock like every access. */
    private SessionQuery existingQuery() {
        synchronized (lock) {
            return query;
        }
    }

    /** Takes the query parameters from the tab's address bar ({@code location.search}). */
    public void setQuery(String search) {
        if ((search == null || search.isEmpty()) && existingQuery() == null) {
            return;
        }
        query().replaceFrom(search);
    }

    /**
     * S1.5: the tab had a session this server no longer knows (it restarted, or the session expired) and sends
     * its widgets' values; each is used once, when a widget with that id is drawn, without firing callbacks.
     */
    public void restoreWidgetValues(Map<String, Object> values) {
        if (values == null || values.isEmpty()) {
            return;
        }
        synchronized (lock) {
            restored = new HashMap<>(values);
        }
    }

    /** The restored browser value for {@code widgetId}, taken (used once), or {@code null}. */
    Object takeRestored(String widgetId) {
        synchronized (lock) {
            if (restored == null) {
                return null;
            }
            Object value = restored.remove(widgetId);
            if (restored.isEmpty()) {
                restored = null;
            }
            return value;
        }
    }

    /** Shows another page with the given query parameters (a followed link, back/forward) and runs it. */
    public void navigate(PageDescriptor target, String search) {
        touched = true;
        setQuery(search);
        navigate(target);
    }

    /** Shows another page in this session (same state) and runs it. */
    public void navigate(PageDescriptor target) {
        synchronized (lock) {
            page = target;
        }
        send(new ServerMessage.PageChanged(target.path(), target.title()));
        enqueue(RunRequest.rerun());
    }

    @Override
    public void requestRerun() {
        enqueue(RunRequest.rerun());
    }

    @Override
    public CompletableFuture<Void> update(Consumer<SessionState> change, boolean rerun) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        RunRequest task = RunRequest.task(change, done);
        if (!enqueue(task)) {
            task.taskAbandoned(ended());
            return done;
        }
        if (rerun) {
            requestRerun();
        }
        return done;
    }

    private IllegalStateException ended() {
        return new IllegalStateException("The Springlit session " + tag + " has ended.");
    }

    /** Adds a request, interrupting a run it supersedes, and makes sure the queue is being worked off. */
    boolean enqueue(RunRequest request) {
        boolean full;
        synchronized (lock) {
            if (destroyed) {
                return false;
            }
            full = pending.size() >= MAX_PENDING && !request.isTask();
            if (!full) {
                addPending(request);
            }
        }
        if (full) {
            // a page slower than its tab's clicks: refuse more work rather than queue without end
            reject("too_many_pending", "The page is still working through " + MAX_PENDING
                    + " earlier interactions; this one was dropped.");
            return false;
        }
        kick();
        return true;
    }

    /** Queues a request (merging where allowed) and interrupts a run it supersedes; called with the lock held. */
    private void addPending(RunRequest request) {
        RunRequest last = pending.peekLast();
        if (last != null && last.canAbsorb(request)) {
            pending.pollLast();
            pending.addLast(last.absorb(request));
        } else {
            pending.addLast(request);
        }
        if (current != null && supersedes(request, current.request())) {
            current.interrupt();
        }
    }

    /**
     * A newer request replaces a running one unless both are clicks: the running click would only be
     * replayed before the new one, so interrupting it gains nothing. Tasks never interrupt.
     */
    private static boolean supersedes(RunRequest newer, RunRequest running) {
        if (newer.isTask() || running.isTask()) {
            return false;
        }
        return newer.trigger() == null || running.trigger() == null;
    }

    private void kick() {
        synchronized (lock) {
            if (draining || destroyed || pending.isEmpty()) {
                return;
            }
            draining = true;
        }
        engine.runExecutor().execute(this::drain);
    }

    /** Works off the queue, one run at a time; runs on the run executor. */
    private void drain() {
        while (true) {
            Run run;
            synchronized (lock) {
                RunRequest next = pending.pollFirst();
                if (next == null || destroyed) {
                    draining = false;
                    return;
                }
                run = new Run(this, next, page, next.isTask() ? runCount : ++runCount,
                        rejection -> reject(rejection.code(), rejection.message()));
                current = run;
            }
            RunStatus status;
            try {
                status = run.execute();
            } catch (Throwable unexpected) {
                log.error("Springlit run failed outside the page; the session keeps its previous state", unexpected);
                status = RunStatus.ERROR;
            }
            boolean abandoned;
            synchronized (lock) {
                abandoned = run.isAbandoned();
                if (!abandoned) {
                    current = null;
                }
            }
            if (abandoned) {
                // the session went on without this run (see abandon); another thread drains its queue now
                engine.watchdog().abandonedRunEnded(run);
                return;
            }
            synchronized (lock) {
                if (status == RunStatus.INTERRUPTED && !destroyed) {
                    requeueFront(run.request());
                } else if (status == RunStatus.RERUN) {
                    pending.addFirst(RunRequest.rerun());
                }
                if (run.switchTarget() != null && status == RunStatus.RERUN) {
                    page = run.switchTarget();
                }
            }
            if (run.switchTarget() != null && status == RunStatus.RERUN) {
                SessionQuery shown = existingQuery();
                if (shown != null) {
                    shown.replaceFrom("");
                }
                send(new ServerMessage.PageChanged(run.switchTarget().path(), run.switchTarget().title()));
            }
            if (run.request().isTask()) {
                run.request().taskDone();
            }
        }
    }

    /** An interrupted request goes back first, under the values that came after it. */
    private void requeueFront(RunRequest interrupted) {
        RunRequest next = pending.peekFirst();
        if (next != null && interrupted.canAbsorb(next)) {
            pending.pollFirst();
            pending.addFirst(interrupted.absorb(next));
        } else {
            pending.addFirst(interrupted);
        }
    }

    /** Commits a completed run's state; returns false (and commits nothing) if the session gave up on the run. */
    boolean commit(Run run, SessionData committed) {
        synchronized (lock) {
            if (run.isAbandoned()) {
                return false;
            }
            data = committed;
            return true;
        }
    }

    /**
     * Remembers the widgets an interrupted run drew (and streamed to the tab) without committing any of its
     * state, so that a click on one of them, which is what interrupted the run, is not refused as unknown.
     * Returns false (and keeps nothing) if the session gave up on the run.
     */
    boolean keepWidgets(Run run, Map<String, WidgetMeta> drawn) {
        synchronized (lock) {
            if (run.isAbandoned()) {
                return false;
            }
            if (drawn.isEmpty()) {
                return true;
            }
            SessionData committed = data;
            Map<String, WidgetMeta> widgets = new HashMap<>(committed.widgets());
            widgets.putAll(drawn);
            data = new SessionData(committed.values(), committed.unkeyed(), widgets);
            return true;
        }
    }

    /**
     * Gives up on {@code run}, which ran past its deadline and ignored the interrupt: from now on it can neither
     * commit nor draw (see Run#markAbandoned) and the tab is told with {@code notice}; then {@link #resume()} lets
     * the session go on, its next request on another thread. Returns false if the run already ended.
     */
    boolean abandon(Run run, Alert notice) {
        synchronized (lock) {
            if (current != run) {
                return false;
            }
            run.markAbandoned();
            current = null;
            draining = false;
        }
        if (run.request().isTask()) {
            run.request().taskAbandoned(new IllegalStateException("The SessionHandle.update task ran longer than "
                    + "streamlit.runner.max-run-time and was abandoned; its changes were discarded."));
        } else {
            sendLock.lock();
            try {
                output.append(0, notice);
                postDrawn(run.number(), RunStatus.ERROR);
            } finally {
                sendLock.unlock();
            }
            outbox.deliverOn(engine.flushExecutor()); // called on the housekeeping thread, which never renders
        }
        return true;
    }

    /** Works off what is queued, on another thread, after {@link #abandon}. */
    void resume() {
        kick();
    }

    /** Whether the S4.7 warning for {@code key} is still to be shown (once per session and key). */
    boolean firstWarningFor(String key) {
        synchronized (lock) {
            if (warnedKeys == null) {
                warnedKeys = new HashSet<>();
            }
            return warnedKeys.add(key);
        }
    }

    /** The session's uploads and downloads. */
    public SessionFiles files() {
        synchronized (lock) {
            if (files == null) {
                files = new SessionFiles();
                if (destroyed) {
                    files.discardAll(); // a late upload request must not leave files behind a gone session
                }
            }
            return files;
        }
    }

    /** Whether a widget with this id was drawn by this session's last runs, and is of {@code kind}. */
    public boolean hasWidget(String widgetId, String kind) {
        WidgetMeta meta = data.widgets().get(widgetId);
        return meta != null && meta.kind().equals(kind);
    }

    /** The session's {@code @StreamlitSessionScope} beans. */
    SessionBeans beans() {
        synchronized (lock) {
            if (beans == null) {
                beans = new SessionBeans();
            }
            return beans;
        }
    }

    /** Ends the session: interrupts its run, closes its tab, and runs its beans' destruction callbacks. */
    void destroy() {
        Run running;
        ClientConnection c;
        SessionBeans owned;
        SessionFiles ownedFiles;
        List<RunRequest> dropped;
        synchronized (lock) {
            if (destroyed) {
                return;
            }
            destroyed = true;
            dropped = new ArrayList<>(pending);
            pending.clear();
            running = current;
            c = connection;
            connection = null;
            owned = beans;
            beans = null;
            ownedFiles = files;
            files = null;
        }
        if (running != null) {
            running.interrupt();
        }
        for (RunRequest request : dropped) {
            request.taskAbandoned(ended());
        }
        if (c != null) {
            c.close("The session has ended.");
        }
        if (owned != null) {
            owned.destroy();
        }
        if (ownedFiles != null) {
            ownedFiles.discardAll(); // uploads' memory and temporary files go with the session
        }
    }

    /** The visible state, for tests and tools: a copy, never the live map. */
    public Map<String, Object> stateSnapshot() {
        return new LinkedHashMap<>(data.values());
    }

    /** The elements the browser shows in the main body, for tests and tools. */
    public List<Element> mainElements() {
        return new ArrayList<>(output.elements(0));
    }

    /** The committed value of the widget with this id (keyed or not), for tests and tools. */
    public Object widgetValue(String widgetId) {
        SessionData committed = data;
        WidgetMeta meta = committed.widgets().get(widgetId);
        if (meta != null && meta.key() != null) {
            return committed.values().get(meta.key());
        }
        return committed.unkeyed().get(widgetId);
    }

    /** A Java value for the widget with this id, as the browser would send it (for the page tester). */
    @SuppressWarnings("unchecked")
    public Object toBrowserValue(String widgetId, Object value) {
        WidgetMeta meta = data.widgets().get(widgetId);
        if (meta == null || !(meta.decoder() instanceof WidgetCodec<?> codec)) {
            throw new IllegalArgumentException("There is no value widget with id \"" + widgetId + "\" in this session.");
        }
        return ((WidgetCodec<Object>) codec).encode(value);
    }

    /** The elements under the container at {@code path} (root index first), depth first, for tests and tools. */
    public List<Element> elementsUnder(int[] path) {
        return output.elementsUnder(path);
    }

    /** The blocks under root {@code root} by path, in document order, for tests and tools. */
    public Map<int[], Block> blocks(int root) {
        return output.blocks(root);
    }

    /** The elements the browser shows in the sidebar, for tests and tools. */
    public List<Element> sidebarElements() {
        return new ArrayList<>(output.elements(1));
    }

    @Override
    public String toString() {
        return "Session " + tag;
    }
}
