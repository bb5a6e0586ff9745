// Over 300 lines: the composition root of a tab's session and every entry point the web layer, the tester and the store call on it (attach, the first render's pending start and adoption, interact, navigate, stop, take-over, hand-over, end), each a short delegation to its parts (TabLink, Runner, SessionLedger, SessionResources, SessionQuery).
package dev.springlit.runtime.session;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import dev.springlit.SessionHandle;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.element.WidgetKind;
import dev.springlit.runtime.draw.StFactory;
import dev.springlit.runtime.identity.TabIdentity;
import dev.springlit.runtime.output.ClientConnection;
import dev.springlit.runtime.output.PageOutput;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.RunQueue;
import dev.springlit.runtime.run.RunRequest;
import dev.springlit.runtime.run.Runner;
import dev.springlit.runtime.run.SessionData;
import dev.springlit.runtime.upload.SessionFiles;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.support.LogText;

/**
 * One browser tab's session, and the composition root of its parts: the {@link TabLink} to its tab (connection,
 * what it shows, the ordered outbox), the {@link Runner} that works off its {@link RunQueue} and alone commits its
 * state, its query parameters and its {@link SessionResources}. Runs happen one at a time on the shared run
 * executor (never a thread per session); a newer interaction interrupts a running page at its next {@code St} or
 * {@code SessionState} call.
 */
public final class Session implements SessionHandle {

    private static final Log log = LogFactory.getLog(Session.class);

    private final String id;
    /** What the log calls this session: never its id, which is the tab's credential. */
    private final String tag;
    private final SessionEngine engine;
    private final TabLink tab = new TabLink();
    private final Runner runner;
    /** This session as its runs see it. */
    private final SessionForRuns forRuns = new SessionForRuns(this);
    private final SessionResources resources = new SessionResources();
    private final SessionQuery query = new SessionQuery(this);
    private final St st = StFactory.main(new SessionOwner(this));
    private final RefusalWarnings refusals = new RefusalWarnings(log);
    /** What pages get from st.session(): this session without its internals. */
    private final TabHandle handle = new TabHandle(this);
    private volatile PageDescriptor page;
    private volatile boolean destroyed;
    private volatile Principal user;
    /** The client address that created the session, for streamlit.server.max-sessions-per-address; may be null. */
    private volatile String clientAddress;
    /**
     * Whether the tab did anything after its first run (an interaction, a navigation, a reconnect): an untouched
     * parked session lives only streamlit.server.untouched-session-ttl, so a flood of hellos cannot hold the
     * server's sessions for the whole disconnected-session TTL.
     */
    private volatile boolean touched;
    /** Its tab's numbered interactions and its version in the session store (S9.3, S9.4). */
    private final SessionLedger ledger = new SessionLedger();
    /** File uploaders whose files stayed on the node this session was taken over from. */
    private volatile List<String> filesLeftBehind = List.of();
    /** Where the stored state of a session taken over was committed (S9.2), or null. */
    private volatile StoredPage storedPage;
    /** Set when the session moves to another node: its tab is told to reconnect rather than to stop. */
    private volatile String handOverReason;
    /** Who the tab is and where: st.context() and the logout token (see TabIdentity). */
    private final TabIdentity identity = new TabIdentity();

    Session(SessionEngine engine, PageDescriptor page) {
        this(engine, page, SessionIds.next());
    }

    /** A session with a known id: one taken over from the session store. */
    Session(SessionEngine engine, PageDescriptor page, String id) {
        this.id = id;
        this.tag = SessionTag.of(id);
        this.engine = engine;
        this.page = page;
        this.runner = new Runner(forRuns, engine.runServices());
        tab.acknowledgeWith(ledger::acknowledged);
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

    SessionEngine engine() {
        return engine;
    }

    /** The session's main container, the {@code st} every run of it draws with. */
    St st() {
        return st;
    }

    SessionData data() {
        return runner.data();
    }

    PageOutput output() {
        return tab.output();
    }

    /** The session's side of its tab. */
    TabLink tab() {
        return tab;
    }

    /** This session as its runs see it. */
    SessionForRuns forRuns() {
        return forRuns;
    }

    Runner runner() {
        return runner;
    }

    SessionResources resources() {
        return resources;
    }

    SessionLedger ledger() {
        return ledger;
    }

    /** Starts from the state another node committed (S9.2); called before a tab is attached. */
    void takeOver(SessionPersistence.TakenOver taken) {
        ledger.adopt(taken.stored().lastSeq(), taken.stored().version());
        filesLeftBehind = taken.snapshot().filesLeftBehind();
        // a rerun its last run asked for never committed (its node died first): a run here must draw the page
        storedPage = taken.snapshot().rerunRequested() ? null
                : new StoredPage(taken.snapshot().pagePath(), taken.snapshot().query());
        runner.restore(SessionPersistence.restore(taken.snapshot()));
        touched = true;
    }

    /** Tells the tab of a session taken over that its uploads stayed on the node it came from. */
    void tellFilesLeftBehind() {
        if (!filesLeftBehind.isEmpty()) {
            send(new ServerMessage.Error("files_left_behind", "The files uploaded in this tab stayed on the server "
                    + "that received them, which no longer serves it. Upload them again."));
        }
    }

    /** Whether a tab is attached now. */
    public boolean isConnected() {
        return tab.isConnected();
    }

    @Override
    public boolean isAlive() {
        return !destroyed;
    }

    /** How many runs have finished or started; the browser sees it as the run number. */
    public int runCount() {
        return runner.runCount();
    }

    /** Whether nothing is running or waiting to run. */
    public boolean isIdle() {
        return runner.isIdle();
    }

    // ---- the tab ------------------------------------------------------------------------------------------

    /**
     * Attaches a tab. A new session starts its first run; a session the tab comes back to shows what it
     * showed (its whole tree is sent) and runs only what is still queued.
     */
    public void attach(ClientConnection newConnection, boolean fresh) {
        PageDescriptor shown = page;
        ClientConnection previous = tab.attach(newConnection,
                new ServerMessage.SessionAttached(id, shown.path(), shown.title(), true, ledger.acknowledged(),
                        ledger.received()), fresh, runner::runCount);
        if (previous != null && previous != newConnection) {
            previous.close("This session was taken over by a newer connection of the same tab.");
        }
        if (fresh) {
            enqueue(RunRequest.first());
        } else {
            touched = true; // a tab that comes back is a real one
            if (tab.isReplacing() && runner.isIdle()) {
                enqueue(RunRequest.rerun()); // no run drew here what it showed (S9.2): the tree it got is empty
            }
            runner.kick();
        }
    }

    /**
     * S9.2: attaches the tab of a session taken over from the store without a run, when the tab says it still shows
     * the page ({@code tabShowsPage}: a reconnect, not a reload) and asks for the page and query parameters the
     * stored state was committed with; its last run completed, so nothing is drawn until its next interaction,
     * whose run replaces what the tab shows. Returns false, attaching nothing, otherwise.
     */
    boolean attachShown(ClientConnection newConnection, boolean tabShowsPage) {
        StoredPage stored = storedPage;
        if (!tabShowsPage || stored == null || !tab.isReplacing() && runner.runCount() > 0
                || !stored.matches(page.path(), query.toSearch())) {
            return false;
        }
        PageDescriptor shown = page;
        ClientConnection previous = tab.attachShown(newConnection, new ServerMessage.SessionAttached(id, shown.path(),
                shown.title(), false, ledger.acknowledged(), ledger.received()));
        if (previous != null && previous != newConnection) {
            previous.close("This session was taken over by a newer connection of the same tab.");
        }
        runner.drawnElsewhere();
        runner.kick(); // what the tab re-sends meanwhile may already wait
        return true;
    }

    /**
     * Starts the first run of a session no tab is attached to yet (a pending session: its page's GET renders the
     * run into the shell); it stays parked, so it ends as an untouched parked session unless a tab adopts it.
     */
    void startPending() {
        enqueue(RunRequest.first());
    }

    /**
     * Runs the first run of a pending session on the calling thread (its page's GET), handed to the run executor if
     * it outlives {@code millis} ({@code late} is told then; see {@link Runner#runFirstHere}). Returns its number
     * once it ended here, else -1 (handed over). A runner that is not idle runs it on the run executor as usual.
     */
    int runPendingHere(long millis, Runnable late) {
        if (!runner.runFirstHere(RunRequest.first(), millis, late)) {
            return enqueue(RunRequest.first()) ? awaitFirstRun(millis) : -1; // -1 at once when the session ended
        }
        return tab.firstRunEnded().getNow(-1);
    }

    /** The number of the pending session's first run once it ended, within {@code millis}; else -1. */
    int awaitFirstRun(long millis) {
        try {
            return tab.firstRunEnded().get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** What the session's tab shows now, as ops for a page that starts empty (what a GET renders). */
    List<ServerMessage.Op> shown() {
        return tab.output().snapshot();
    }

    /**
     * Attaches the tab whose page's GET rendered run {@code shownRun} of this pending session: no second run, and
     * no tree when nothing ran since (see {@link TabLink#adopt}).
     */
    void adopt(ClientConnection newConnection, int shownRun) {
        PageDescriptor shownPage = page;
        tab.adopt(newConnection, new ServerMessage.SessionAttached(id, shownPage.path(), shownPage.title(), true,
                ledger.acknowledged(), ledger.received()), shownRun, runner::runCount);
        runner.kick();
    }

    /** The tab went away; the session is parked until it comes back or the TTL ends it. */
    public void detach(ClientConnection gone) {
        tab.detach(gone);
    }

    /** Nanoseconds (System.nanoTime) since when no tab is attached, or -1 while one is. */
    long parkedSince() {
        return tab.parkedSince();
    }

    /** Sends a message to the attached tab, if any. */
    public void send(ServerMessage message) {
        tab.send(message);
    }

    /** Tells the tab a message of its was refused, and logs it; nothing else changes. */
    public void reject(String code, String message) {
        refusals.warn("Springlit session " + tag + " refused a message (" + code + "): " + LogText.clean(message));
        engine.observer().messageRejected(code);
        send(new ServerMessage.Error(code, message));
    }

    // ---- interactions -------------------------------------------------------------------------------------

    /** An interaction from the tab: widget values (raw, as sent) and maybe a clicked button. */
    public void interact(Map<String, Object> widgets, String trigger) {
        touched = true;
        enqueue(RunRequest.interaction(widgets, trigger));
    }

    /**
     * An interaction its tab numbered {@code seq} (S9.3; 0: not numbered). One received already, re-sent after a
     * reconnect, is dropped: every interaction is applied at most once.
     */
    public void interact(Map<String, Object> widgets, String trigger, long seq) {
        if (!ledger.receive(seq)) {
            return;
        }
        touched = true;
        enqueue(RunRequest.interaction(widgets, trigger).numbered(seq));
    }

    /** An interaction whose run first applies {@code prelude} to the state (see the page tester). */
    public void interact(Map<String, Object> widgets, String trigger, Consumer<SessionState> prelude) {
        touched = true;
        enqueue(RunRequest.interaction(widgets, trigger, prelude));
    }

    /**
     * Stops the running page, as Streamlit's stop button does: it ends at its next {@code St} or
     * {@code SessionState} call, keeps what it drew, commits none of its state and is not replayed. What waits
     * still runs after it. Returns false when nothing was running.
     */
    public boolean stopRun() {
        return runner.stopCurrent();
    }

    /** Shows another page with the given query parameters (a followed link, back/forward) and runs it. */
    public void navigate(PageDescriptor target, String search) {
        touched = true;
        setQuery(search);
        navigate(target);
    }

    /** Shows another page in this session (same state) and runs it. */
    public void navigate(PageDescriptor target) {
        page = target;
        send(new ServerMessage.PageChanged(target.path(), target.title()));
        enqueue(RunRequest.rerun());
    }

    /** st.switchPage took effect: the session shows {@code target}, without the old page's query parameters. */
    void switchedTo(PageDescriptor target) {
        page = target;
        query.replaceFrom("");
        send(new ServerMessage.PageChanged(target.path(), target.title()));
    }

    @Override
    public void requestRerun() {
        enqueue(RunRequest.rerun());
    }

    @Override
    public CompletableFuture<Void> update(Consumer<SessionState> change, boolean rerun) {
        return handle.update(change, rerun);
    }

    IllegalStateException ended() {
        return new IllegalStateException("The Springlit session " + tag + " has ended.");
    }

    /** Adds a request for a run; refuses it with an error to the tab when too many wait. */
    boolean enqueue(RunRequest request) {
        RunQueue.Admission admission = runner.offer(request);
        if (admission == RunQueue.Admission.FULL) {
            // a page slower than its tab's clicks: refuse more work rather than queue without end
            reject("too_many_pending", "The page is still working through " + RunQueue.MAX_PENDING
                    + " earlier interactions; this one was dropped.");
        }
        return admission != null && admission != RunQueue.Admission.FULL;
    }

    // ---- query parameters, user, resources ----------------------------------------------------------------

    /** The session's query parameters. */
    SessionQuery query() {
        return query;
    }

    /** Takes the query parameters from the tab's address bar ({@code location.search}). */
    public void setQuery(String search) {
        query.replaceFrom(search);
    }

    /** The tab's context and logout token. */
    public TabIdentity identity() {
        return identity;
    }

    /** The signed-in user of the tab (from the WebSocket handshake), or {@code null}. */
    public Principal user() {
        return user;
    }

    /** Records the tab's user; a session keeps the user of the connection that created or last attached it. */
    public void setUser(Principal user) {
        this.user = user;
    }

    /**
     * S1.5: the tab had a session this server no longer knows (it restarted, or the session expired) and sends
     * its widgets' values; each is used once, when a widget with that id is drawn, without firing callbacks.
     */
    public void restoreWidgetValues(Map<String, Object> values) {
        if (values != null && !values.isEmpty()) {
            resources.restore(values);
        }
    }

    /** The session's uploads and downloads. */
    public SessionFiles files() {
        return resources.files();
    }

    /** Whether a widget with this id was drawn by this session's last runs, and is of {@code kind}. */
    public boolean hasWidget(String widgetId, WidgetKind kind) {
        WidgetMeta meta = data().widgets().get(widgetId);
        return meta != null && meta.kind() == kind;
    }

    /** Ends the session: interrupts its run, closes its tab, and runs its beans' destruction callbacks. */
    void destroy() {
        SessionBeans beans = end();
        if (beans != null) {
            beans.destroy();
        }
    }

    /**
     * Its TTL ended on this node: ends it here and returns its beans undestroyed ({@code null}: none), for the node
     * that ends the session for good to destroy (S9.6).
     */
    SessionBeans expire() {
        return end();
    }

    private SessionBeans end() {
        synchronized (this) {
            if (destroyed) {
                return null;
            }
            destroyed = true;
        }
        for (RunRequest request : runner.stop()) {
            request.taskAbandoned(ended());
        }
        ClientConnection attached = tab.release();
        if (attached != null) {
            if (handOverReason != null) {
                attached.reconnect(handOverReason);
            } else {
                attached.close("The session has ended.");
            }
        }
        return resources.releaseKeepingBeans();
    }

    /**
     * Ends the session on this node only: it goes on elsewhere (another node owns it, or this one is stopping), so
     * its tab is told to reconnect at once instead of to stop. Its beans are let go without their destruction
     * callbacks: the session has not ended, and the next node creates its own (S9.6).
     */
    void handOver(String reason) {
        handOverReason = reason;
        end();
    }

    @Override
    public String toString() {
        return "Session " + tag;
    }
}
