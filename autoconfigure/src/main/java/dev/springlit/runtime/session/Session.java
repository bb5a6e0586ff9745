package dev.springlit.runtime.session;

import java.security.Principal;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
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
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.RunQueue;
import dev.springlit.runtime.run.RunRequest;
import dev.springlit.runtime.run.Runner;
import dev.springlit.runtime.upload.SessionFiles;
import dev.springlit.runtime.widget.WidgetMeta;
import dev.springlit.support.LogText;

/**
 * One browser tab's session: its identity, its queue of runs, and the composition root of its parts: the
 * {@link TabLink} to its tab (connection, what it shows, the ordered outbox), the {@link Runner} that works off its
 * {@link RunQueue} and alone commits its state, where its tab is ({@link TabAddress}), its
 * {@link SessionResources}, when it ends while parked ({@link Parking}); how it arrived from the store
 * ({@link SessionArrival}), its first run before a tab ({@link PendingFirstRun}) and how it ends
 * ({@link SessionEnding}). Runs happen one at a time on the shared run executor (never a thread per session); a
 * newer interaction interrupts a running page at its next {@code St} or {@code SessionState} call.
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
    private final St st = StFactory.main(new SessionOwner(this));
    /** Made at the first refusal: most tabs never send a bad message, and every idle tab would keep it. */
    private volatile RefusalWarnings refusals;
    /** What pages get from st.session(): this session without its internals. */
    private final TabHandle handle = new TabHandle(this);
    private final SessionArrival arrival = new SessionArrival(this);
    private final PendingFirstRun pending = new PendingFirstRun(this);
    private final SessionEnding ending = new SessionEnding(this);
    private final TabAddress address;
    private volatile Principal user;
    private final Parking parking = new Parking(tab);
    /** Its tab's numbered interactions and its version in the session store (S9.3, S9.4). */
    private final SessionLedger ledger = new SessionLedger();
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
        this.address = new TabAddress(this, page);
        this.runner = new Runner(forRuns, engine.runServices());
        tab.acknowledgeWith(ledger::acknowledged);
    }

    @Override
    public String id() {
        return id;
    }

    public PageDescriptor page() {
        return address.page();
    }

    /** Where its tab is: the page it shows and its query parameters, and navigating elsewhere. */
    public TabAddress address() {
        return address;
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
        RefusalWarnings warnings = refusals;
        if (warnings == null) {
            synchronized (this) {
                warnings = refusals;
                if (warnings == null) {
                    warnings = new RefusalWarnings(log);
                    refusals = warnings;
                }
            }
        }
        return warnings;
    }

    /** When it ends once its tab is gone, and whose address it counts for. */
    Parking parking() {
        return parking;
    }

    SessionEngine engine() {
        return engine;
    }

    /** The session's main container, the {@code st} every run of it draws with. */
    St st() {
        return st;
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

    /** Its arrival from the session store, if it came from there (S9.2). */
    SessionArrival arrival() {
        return arrival;
    }

    /** Its first run while no tab is attached yet, and that run's adoption (the server-rendered first page). */
    PendingFirstRun pending() {
        return pending;
    }

    /** How it ends on this node: for good, by expiry, or handed over. */
    SessionEnding ending() {
        return ending;
    }

    /** Whether a tab is attached now. */
    public boolean isConnected() {
        return tab.isConnected();
    }

    @Override
    public boolean isAlive() {
        return !ending.hasEnded();
    }

    /** How many runs have finished or started; the browser sees it as the run number. */
    public int runCount() {
        return runner.runCount();
    }

    /** Whether nothing is running or waiting to run. */
    public boolean isIdle() {
        return runner.isIdle();
    }


    /**
     * Attaches a tab. A new session starts its first run; a session the tab comes back to shows what it
     * showed (its whole tree is sent) and runs only what is still queued.
     */
    public void attach(ClientConnection newConnection, boolean fresh) {
        tab.attach(newConnection, attachedMessage(true), fresh, runner::runCount);
        if (fresh) {
            enqueue(RunRequest.first());
        } else {
            parking.touch(); // a tab that comes back is a real one
            if (tab.isReplacing() && runner.isIdle()) {
                enqueue(RunRequest.rerun()); // no run drew here what it showed (S9.2): the tree it got is empty
            }
            runner.kick();
        }
    }

    /** What tells an attached tab which session it has; {@code reset}: the tab's page starts empty. */
    ServerMessage.SessionAttached attachedMessage(boolean reset) {
        PageDescriptor shown = address.page();
        return new ServerMessage.SessionAttached(id, shown.path(), shown.title(), reset, ledger.acknowledged(),
                ledger.received());
    }

    /** The tab went away; the session is parked until it comes back or the TTL ends it. */
    public void detach(ClientConnection gone) {
        tab.detach(gone);
    }

    /** Sends a message to the attached tab, if any. */
    public void send(ServerMessage message) {
        tab.send(message);
    }

    /** Tells the tab a message of its was refused, and logs it; nothing else changes. */
    public void reject(String code, String message) {
        refusals().warn("Springlit session " + tag + " refused a message (" + code + "): " + LogText.clean(message));
        engine.observer().messageRejected(code);
        send(new ServerMessage.Error(code, message));
    }


    /** An interaction from the tab: widget values (raw, as sent) and maybe a clicked button. */
    public void interact(Map<String, Object> widgets, String trigger) {
        parking.touch();
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
        parking.touch();
        enqueue(RunRequest.interaction(widgets, trigger).numbered(seq));
    }

    /** An interaction whose run first applies {@code prelude} to the state (see the page tester). */
    public void interact(Map<String, Object> widgets, String trigger, Consumer<SessionState> prelude) {
        parking.touch();
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


    /** The session's query parameters. */
    SessionQuery query() {
        return address.query();
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

    /** The session's uploads and downloads. */
    public SessionFiles files() {
        return resources.files();
    }

    /** Whether a widget with this id was drawn by this session's last runs, and is of {@code kind}. */
    public boolean hasWidget(String widgetId, WidgetKind kind) {
        WidgetMeta meta = runner.data().widgets().get(widgetId);
        return meta != null && meta.kind() == kind;
    }

    @Override
    public String toString() {
        return "Session " + tag;
    }
}
