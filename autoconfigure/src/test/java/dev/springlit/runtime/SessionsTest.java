package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;

import dev.springlit.runtime.session.SessionRegistry;
import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.SessionState;
import dev.springlit.StreamlitSessionScope;
import dev.springlit.element.Element;
import dev.springlit.element.Text;
import dev.springlit.runtime.RuntimeHarness.Tab;
import dev.springlit.runtime.output.RunStatus;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.scope.SessionBeanScope;

/** Section 1 of SEMANTICS.md: sessions. */
class SessionsTest {

    private final SessionState state = new CurrentSessionState();
    private RuntimeHarness harness;

    @AfterEach
    void close() {
        if (harness != null) {
            harness.close();
        }
    }

    /** A {@code @StreamlitSessionScope}-style bean: one per session, destroyed with it. */
    public static class Cart implements DisposableBean {
        static final List<Cart> destroyed = new CopyOnWriteArrayList<>();
        final List<String> items = new ArrayList<>();

        @Override
        public void destroy() {
            destroyed.add(this);
        }
    }

    /** A bean factory (no context) with the session scope and a session-scoped {@link Cart} bean. */
    private static DefaultListableBeanFactory beanFactory() {
        DefaultListableBeanFactory factory = new DefaultListableBeanFactory();
        factory.registerScope(StreamlitSessionScope.NAME, new SessionBeanScope());
        RootBeanDefinition cart = new RootBeanDefinition(Cart.class);
        cart.setScope(StreamlitSessionScope.NAME);
        factory.registerBeanDefinition("cart", cart);
        return factory;
    }

    /** A counter page: a button that increments {@code count}, and the count as text. */
    private Page counterPage(AtomicInteger renders) {
        return st -> {
            renders.incrementAndGet();
            state.setDefault("count", 0);
            if (st.button("Inc")) {
                state.put("count", state.getInt("count") + 1);
            }
            st.text("count=" + state.get("count"));
        };
    }

    @Test
    void S1_1_twoTabsNeverShareSessionStateButShareSingletons() {
        DefaultListableBeanFactory beans = beanFactory();
        Map<String, Set<Cart>> cartsBySession = new ConcurrentHashMap<>();
        Map<String, Set<St>> stsBySession = new ConcurrentHashMap<>();
        Page counter = counterPage(new AtomicInteger());
        harness = RuntimeHarness.start(st -> {
            stsBySession.computeIfAbsent(st.session().id(), id -> ConcurrentHashMap.newKeySet()).add(st);
            Cart cart = beans.getBean("cart", Cart.class);
            cartsBySession.computeIfAbsent(st.session().id(), id -> ConcurrentHashMap.newKeySet()).add(cart);
            counter.render(st);
        });

        Tab a = harness.open();
        Tab b = harness.open();
        a.click("Inc");
        a.click("Inc");

        assertThat(a.session.id()).isNotEqualTo(b.session.id());
        assertThat(a.state()).containsEntry("count", 2);
        assertThat(b.state()).containsEntry("count", 0);
        assertThat(a.elements()).contains(new Text("count=2"));
        assertThat(b.elements()).contains(new Text("count=0"));

        b.click("Inc");
        assertThat(a.state()).containsEntry("count", 2);
        assertThat(b.state()).containsEntry("count", 1);
        assertThat(stsBySession.get(a.session.id())).as("one st per tab, the same in every run").hasSize(1)
                .doesNotContainAnyElementsOf(stsBySession.get(b.session.id()));

        assertThat(cartsBySession.get(a.session.id())).as("one session bean per tab, the same in every run").hasSize(1);
        assertThat(cartsBySession.get(b.session.id())).hasSize(1);
        assertThat(cartsBySession.get(a.session.id())).doesNotContainAnyElementsOf(cartsBySession.get(b.session.id()));
        assertThat(a.session.page().page()).as("the page bean is one singleton for all tabs")
                .isSameAs(b.session.page().page());
    }

    @Test
    void S1_2_theFirstRunStartsWhenTheTabConnectsAndFiresNoCallbacks() {
        AtomicInteger renders = new AtomicInteger();
        AtomicInteger callbacks = new AtomicInteger();
        List<Boolean> buttonValues = new CopyOnWriteArrayList<>();
        harness = RuntimeHarness.start(st -> {
            renders.incrementAndGet();
            buttonValues.add(st.button("Go", b -> b.onClick(callbacks::incrementAndGet)));
            buttonValues.add(st.button("Keyed", b -> b.key("k").onClick(callbacks::incrementAndGet)));
        });

        Tab tab = harness.create();
        tab.awaitIdle();
        assertThat(renders).as("creating a session runs nothing").hasValue(0);
        assertThat(tab.session.runCount()).isZero();
        assertThat(tab.connection.messages()).isEmpty();

        tab.attach(true);
        tab.awaitIdle();

        assertThat(renders).hasValue(1);
        assertThat(tab.session.runCount()).isEqualTo(1);
        assertThat(callbacks).as("no callback fires on the first run").hasValue(0);
        assertThat(buttonValues).containsExactly(false, false);
        assertThat(tab.state()).containsExactly(Map.entry("k", false));
        List<ServerMessage> messages = tab.connection.messages();
        assertThat(messages.get(0)).isEqualTo(new ServerMessage.SessionAttached(tab.session.id(), "/", "Test page", true));
        assertThat(tab.connection.runEnds()).singleElement()
                .satisfies(d -> assertThat(d.run()).isEqualTo(1))
                .satisfies(d -> assertThat(d.status()).isEqualTo(RunStatus.OK));
    }

    @Test
    void S1_4_aParkedSessionReattachedWithinTheTtlKeepsItsStateAndGetsItsTreeWithoutAnExtraRun() {
        AtomicInteger renders = new AtomicInteger();
        harness = RuntimeHarness.start(counterPage(renders));
        Tab tab = harness.open();
        tab.click("Inc");
        assertThat(renders).hasValue(2);
        List<Element> shown = tab.elements();
        RecordingConnection old = tab.connection;

        RecordingConnection fresh = tab.reconnect();
        tab.awaitIdle();

        assertThat(renders).as("re-attaching runs nothing").hasValue(2);
        assertThat(tab.session.runCount()).isEqualTo(2);
        assertThat(tab.state()).containsEntry("count", 1);
        List<ServerMessage> messages = fresh.messages();
        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isEqualTo(new ServerMessage.SessionAttached(tab.session.id(), "/", "Test page", true));
        ServerMessage.Delta tree = (ServerMessage.Delta) messages.get(1);
        assertThat(tree.run()).isEqualTo(2);
        assertThat(tree.status()).isEqualTo(RunStatus.OK);
        assertThat(tree.ops()).allSatisfy(op -> assertThat(op).isInstanceOf(ServerMessage.SetOp.class));
        assertThat(tree.ops().stream().map(op -> ((ServerMessage.SetOp) op).element()).toList())
                .as("the whole tree is sent again").isEqualTo(shown);
        assertThat(shown).contains(new Text("count=1"));

        int oldMessages = old.messages().size();
        tab.click("Inc");
        assertThat(tab.state()).containsEntry("count", 2);
        assertThat(fresh.runEnds()).last().satisfies(d -> assertThat(d.run()).isEqualTo(3));
        assertThat(old.messages()).as("the dropped connection gets nothing more").hasSize(oldMessages);
    }

    @Test
    void S1_4_onlyAParkedSessionOlderThanTheTtlIsDestroyed() {
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, true, Duration.ofSeconds(120)), st -> st.text("x"));
        Tab tab = harness.open();
        SessionRegistry sessions = harness.engine.sessions();

        harness.engine.housekeeping().runNow("expire"); // the housekeeping thread's sweep, now
        assertThat(sessions.find(tab.session.id())).as("attached").contains(tab.session);
        tab.session.detach(tab.connection);
        harness.engine.housekeeping().runNow("expire"); // the housekeeping thread's sweep, now
        assertThat(sessions.find(tab.session.id())).as("parked within the TTL").contains(tab.session);
        assertThat(tab.session.isAlive()).isTrue();
    }

    @Test
    void S1_4_afterTheTtlTheSessionIsDestroyedAndItsSessionBeansGetTheirDestructionCallbacks() throws Exception {
        DefaultListableBeanFactory beans = beanFactory();
        Map<String, Cart> cartBySession = new ConcurrentHashMap<>();
        harness = RuntimeHarness.start(RuntimeHarness.settings(false, true, Duration.ofMillis(150)), st -> {
            Cart cart = beans.getBean("cart", Cart.class);
            cart.items.add("apple");
            cartBySession.put(st.session().id(), cart);
            st.text("items=" + cart.items.size());
        });
        Tab parked = harness.open();
        Tab attached = harness.open();
        parked.rerun();
        Cart parkedCart = cartBySession.get(parked.session.id());
        Cart attachedCart = cartBySession.get(attached.session.id());
        assertThat(parkedCart.items).as("one bean per session, kept across runs").hasSize(2);
        assertThat(parked.elements()).contains(new Text("items=2"));

        parked.session.detach(parked.connection);
        RuntimeHarness.await("the parked session's beans to be destroyed", () -> Cart.destroyed.contains(parkedCart));

        assertThat(parked.session.isAlive()).isFalse();
        assertThat(harness.engine.sessions().find(parked.session.id())).isEmpty();
        assertThat(Cart.destroyed).contains(parkedCart).doesNotContain(attachedCart);
        assertThat(Cart.destroyed.stream().filter(c -> c == parkedCart)).hasSize(1);
        assertThat(harness.engine.sessions().find(attached.session.id())).as("an attached session never expires")
                .contains(attached.session);
        assertThat(attached.session.isAlive()).isTrue();

        CompletableFuture<Void> late = parked.session.update(s -> s.put("x", 1), true);
        assertThatThrownBy(() -> late.get(1, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void S1_4_aBackgroundUpdateStillQueuedWhenTheSessionEndsFails() {
        AtomicReference<Gate> gateForNextRun = new AtomicReference<>();
        harness = RuntimeHarness.start(st -> {
            Gate gate = gateForNextRun.getAndSet(null);
            if (gate != null) {
                gate.pass();
            }
            st.text("x");
        });
        Tab tab = harness.open();
        Gate gate = new Gate();
        gateForNextRun.set(gate);
        tab.session.requestRerun();
        gate.awaitEntered();
        try {
            CompletableFuture<Void> queued = tab.session.update(s -> s.put("late", 1), false);

            harness.engine.sessions().remove(tab.session);

            assertThatThrownBy(() -> queued.get(RuntimeHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                    .as("the future fails (and does not hang) when the session is gone")
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(IllegalStateException.class);
        } finally {
            gate.open();
        }
        assertThat(tab.session.isAlive()).isFalse();
        assertThat(tab.connection.closeReason()).isEqualTo("The session has ended.");
    }
}
