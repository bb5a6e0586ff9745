package dev.springlit.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.springlit.runtime.session.Session;
import dev.springlit.MissingStateKeyException;
import dev.springlit.SessionHandle;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StateKey;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.Text;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.scope.SessionBeanScope;

/** Section 3 of SEMANTICS.md: the SessionState API. */
class SessionStateTest extends ScriptedPageTest {

    private static final String MISSING_VALUE = "SessionState has no key \"value\". Did you forget to initialize it?";

    private final SessionState state = new CurrentSessionState();
    // ---- S3.1 ---------------------------------------------------------------------------------------------

    @Test
    void S3_1_getOfAMissingKeyThrowsWithAHintToSetDefault() {
        Throwable thrown = catchThrowable(() -> page.call(tab, st -> state.get("value")));

        assertThat(thrown).isInstanceOf(MissingStateKeyException.class).isInstanceOf(NoSuchElementException.class);
        assertThat(thrown.getMessage()).startsWith(MISSING_VALUE).contains("setDefault(\"value\"");
        assertThat(((MissingStateKeyException) thrown).key()).isEqualTo("value");
        assertThatThrownBy(() -> page.call(tab, st -> state.getInt("value")))
                .isInstanceOf(MissingStateKeyException.class).hasMessageStartingWith(MISSING_VALUE);
        assertThatThrownBy(() -> page.call(tab, st -> state.get(StateKey.of("value", String.class))))
                .isInstanceOf(MissingStateKeyException.class).hasMessageStartingWith(MISSING_VALUE);
    }

    @Test
    void S3_1_removeAndUpdateOfAMissingKeyThrowTheSameMessage() {
        assertThatThrownBy(() -> page.run(tab, st -> state.remove("value")))
                .isInstanceOf(MissingStateKeyException.class).hasMessageStartingWith(MISSING_VALUE);
        assertThatThrownBy(() -> page.run(tab, st -> state.update("value", (Integer v) -> v + 1)))
                .isInstanceOf(MissingStateKeyException.class).hasMessageStartingWith(MISSING_VALUE);
        assertThat(tab.state()).isEmpty();
    }

    @Test
    void S3_1_containsGetOrDefaultPutSetDefaultUpdateAndRemove() {
        List<Object> seen = page.call(tab, st -> {
            List<Object> out = new ArrayList<>();
            out.add(state.contains("a"));
            out.add(state.getOrDefault("a", "fallback"));
            out.add(state.contains("a")); // getOrDefault stores nothing
            out.add(state.setDefault("a", 1));
            out.add(state.setDefault("a", 2)); // stores only if missing, returns what is stored
            state.put("b", "text");
            out.add(state.get("b"));
            out.add(state.update("a", (Integer v) -> v + 10));
            out.add(state.getOrDefault("a", -1));
            state.put("n", null);
            out.add(state.contains("n"));
            out.add(state.get("n"));
            out.add(state.getOrDefault("n", "fallback"));
            state.remove("b");
            out.add(state.contains("b"));
            return out;
        });

        assertThat(seen).containsExactly(false, "fallback", false, 1, 1, "text", 11, 11, true, null, null, false);
        assertThat(tab.state()).containsOnlyKeys("a", "n").containsEntry("a", 11);

        assertThat((Object) page.call(tab, st -> state.get("a"))).as("committed at the end of the run").isEqualTo(11);
    }

    @Test
    void S3_1_typedGettersAndStateKeys() {
        StateKey<Integer> count = StateKey.of("count", Integer.class);
        StateKey<String> name = StateKey.of("name", String.class);
        List<Object> seen = page.call(tab, st -> {
            List<Object> out = new ArrayList<>();
            out.add(state.setDefault(count, 1));
            out.add(state.update(count, c -> c + 1));
            Integer typed = state.get(count);
            out.add(typed);
            state.put(name, "Ada");
            out.add(state.get(name));
            state.put("long", 7L);
            out.add(state.getInt("long"));
            out.add(state.getDouble("long"));
            out.add(state.getLong("count"));
            state.put("flag", true);
            out.add(state.getBoolean("flag"));
            out.add(state.getString("name"));
            out.add(state.get("count", Long.class));
            return out;
        });

        assertThat(seen).containsExactly(1, 2, 2, "Ada", 7, 7.0, 2L, true, "Ada", 2L);
        assertThatThrownBy(() -> page.call(tab, st -> state.get(StateKey.of("name", Integer.class))))
                .isInstanceOf(ClassCastException.class)
                .hasMessage("SessionState key \"name\" holds a java.lang.String, not a java.lang.Integer.");
        assertThatThrownBy(() -> page.call(tab, st -> state.getString("count")))
                .isInstanceOf(ClassCastException.class);
    }

    @Test
    void S3_1_keysSizeToMapSnapshotAndClear() {
        List<Object> seen = page.call(tab, st -> {
            List<Object> out = new ArrayList<>();
            state.put("a", 1);
            state.put("b", null);
            Map<String, Object> snapshot = state.toMap();
            state.put("c", 3);
            out.add(Set.copyOf(state.keys()));
            out.add(state.size());
            out.add(new HashMap<>(snapshot));
            try {
                snapshot.put("z", 26);
            } catch (UnsupportedOperationException immutable) {
                // either way the state must not change
            }
            out.add(state.contains("z"));
            Set<String> keys = state.keys();
            try {
                keys.remove("a");
            } catch (UnsupportedOperationException immutable) {
                // either way the state must not change
            }
            out.add(state.contains("a"));
            return out;
        });
        Map<String, Object> expectedSnapshot = new HashMap<>();
        expectedSnapshot.put("a", 1);
        expectedSnapshot.put("b", null);

        assertThat(seen).containsExactly(Set.of("a", "b", "c"), 3, expectedSnapshot, false, true);

        List<Object> afterClear = page.call(tab, st -> {
            state.clear();
            return List.of(state.size(), state.keys(), state.toMap());
        });
        assertThat(afterClear).containsExactly(0, Set.of(), Map.of());
        assertThat(tab.state()).isEmpty();
    }

    // ---- S3.2 ---------------------------------------------------------------------------------------------

    @Test
    void S3_2_visibleKeysAreUserKeysAndKeyedWidgetsOnly() {
        Set<String> keys = page.call(tab, st -> {
            state.put("user", 1);
            st.button("Unkeyed");
            st.button("Keyed", b -> b.key("keyedButton"));
            return state.keys();
        });

        assertThat(keys).containsExactlyInAnyOrder("user", "keyedButton");
        assertThat(tab.state()).containsOnlyKeys("user", "keyedButton");
        assertThat(tab.state().keySet()).noneMatch(k -> k.startsWith("$$"));
    }

    @Test
    void S3_2_keysBeginningWithDollarDollarAreReserved() {
        List<Consumer<St>> writes = List.of(
                st -> state.put("$$x", 1),
                st -> state.setDefault("$$x", 1),
                st -> state.put(StateKey.of("$$typed", Integer.class), 1));
        for (Consumer<St> write : writes) {
            assertThatThrownBy(() -> page.run(tab, write)).isInstanceOf(StreamlitApiException.class)
                    .hasMessage("Keys beginning with $$ are reserved.");
        }
        assertThat(tab.state()).isEmpty();
    }

    // ---- S3.3 ---------------------------------------------------------------------------------------------

    @Test
    void S3_3_valuesAreStoredByReference() {
        List<String> stored = new ArrayList<>();
        page.run(tab, st -> state.put("list", stored));
        Object sameInstance = page.call(tab, st -> {
            @SuppressWarnings("unchecked")
            List<String> list = (List<String>) state.get("list");
            list.add("mutated");
            return list;
        });
        Object later = page.call(tab, st -> state.get("list"));

        assertThat(sameInstance).isSameAs(stored);
        assertThat(later).isSameAs(stored);
        assertThat(stored).containsExactly("mutated");
        assertThat(tab.state().get("list")).isSameAs(stored);
    }

    // ---- S3.4 ---------------------------------------------------------------------------------------------

    @Test
    void S3_4_sessionStateAndStThrowIllegalStateExceptionOutsideARun() {
        List<Consumer<SessionState>> calls = List.of(
                s -> s.contains("a"), s -> s.get("a"), s -> s.getOrDefault("a", 1), s -> s.put("a", 1),
                s -> s.setDefault("a", 1), s -> s.update("a", (Integer v) -> v), s -> s.remove("a"), SessionState::keys,
                SessionState::size, SessionState::toMap, SessionState::clear);
        for (Consumer<SessionState> call : calls) {
            assertThatThrownBy(() -> call.accept(state)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("outside a Springlit run").hasMessageContaining("SessionHandle");
        }

        AtomicReference<St> leakedSt = new AtomicReference<>();
        page.run(tab, leakedSt::set);
        assertThatThrownBy(() -> leakedSt.get().text("from the test thread")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("SessionHandle");
        assertThatThrownBy(() -> leakedSt.get().button("B")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SessionBeanScope().get("bean", Object::new)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void S3_4_aThreadStartedByThePageCannotUseSessionStateOrSt() {
        List<Throwable> fromOtherThread = new CopyOnWriteArrayList<>();
        page.run(tab, st -> {
            Thread other = new Thread(() -> {
                for (Runnable call : List.<Runnable>of(() -> state.put("x", 1), () -> state.get("x"), () -> st.text("x"))) {
                    try {
                        call.run();
                    } catch (Throwable t) {
                        fromOtherThread.add(t);
                    }
                }
            });
            other.start();
            try {
                other.join();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            st.text("page went on");
        });

        assertThat(fromOtherThread).hasSize(3).allSatisfy(t -> assertThat(t).isInstanceOf(IllegalStateException.class));
        assertThat(tab.state()).doesNotContainKey("x");
        assertThat(tab.elements()).containsExactly(new Text("page went on"));
    }

    @Test
    void S3_4_aSessionHandleLetsAnotherThreadUpdateTheSessionAndRerun() throws Exception {
        AtomicReference<SessionHandle> handle = new AtomicReference<>();
        page.run(tab, st -> {
            handle.set(st.session());
            state.put("count", 1);
        });
        assertThat(handle.get().id()).isEqualTo(tab.session.id());
        assertThat(handle.get().isAlive()).isTrue();
        assertThat(handle.get()).as("st.session() hides attach, send and navigate").isNotInstanceOf(Session.class);
        page.run(tab, st -> st.text("report=" + state.getOrDefault("report", "pending")));
        int runsBefore = tab.session.runCount();

        CompletableFuture.runAsync(() -> handle.get().update(s -> {
            s.put("report", "ready");
            s.put("count", s.getInt("count") + 1);
        }, false).join()).get(RuntimeHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        tab.awaitIdle();

        assertThat(tab.state()).containsEntry("report", "ready").containsEntry("count", 2);
        assertThat(tab.session.runCount()).as("update without rerun draws nothing").isEqualTo(runsBefore);

        CompletableFuture.runAsync(() -> handle.get().update(s -> s.put("report", "final"), true).join())
                .get(RuntimeHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        tab.awaitIdle();
        assertThat(tab.session.runCount()).isEqualTo(runsBefore + 1);
        assertThat(tab.elements()).containsExactly(new Text("report=final"));

        CompletableFuture.runAsync(() -> handle.get().requestRerun()).get(1, TimeUnit.SECONDS);
        tab.awaitIdle();
        assertThat(tab.session.runCount()).isEqualTo(runsBefore + 2);
    }
}
