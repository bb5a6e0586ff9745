package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.SessionState;
import dev.springlit.element.Button;
import dev.springlit.element.Text;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.output.ServerMessage;
import dev.springlit.runtime.session.SessionPersistence;
import dev.springlit.runtime.SpringlitEngine;

/** S10.4 with S9.1: a fragment run commits to the shared session store like a page run (state is shared). */
class FragmentRunsStoredTest {

    private static final Duration TTL = Duration.ofMinutes(2);

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    @Test
    void s10_4_aFragmentRunsStateIsInTheStoreBeforeItsTabHearsItEndedAndAnotherNodeContinuesFromIt() {
        AtomicInteger pageRuns = new AtomicInteger();
        SessionState state = new CurrentSessionState();
        PageDescriptor page = new PageDescriptor("/", "Fragment counter", "", 0, "fragmentCounter", st -> {
            pageRuns.incrementAndGet();
            st.fragment("counter", f -> {
                if (f.button("Inc")) {
                    state.put("count", state.getOrDefault("count", 0) + 1);
                }
                f.text("count=" + state.getOrDefault("count", 0));
            });
        });
        SnapshotCodec codec = new SnapshotCodec(getClass().getClassLoader(), List.of());
        RedisSessionStore store = new RedisSessionStore(redis.connections());
        try (SpringlitEngine a = node(page, store, codec, "node-a"); SpringlitEngine b = node(page, store, codec, "node-b")) {
            List<Object> storedAtRunEnd = new java.util.concurrent.CopyOnWriteArrayList<>();
            ClusterTab[] tab = new ClusterTab[1];
            tab[0] = ClusterTab.open(a, null, delta -> {
                if (tab[0] != null && tab[0].session != null) {
                    storedAtRunEnd.add(codec.decode(store.load(tab[0].session.id()).orElseThrow().snapshot())
                            .values().get("count"));
                }
            });
            click(tab[0], 1);
            click(tab[0], 2);

            assertThat(pageRuns).as("the clicks reran only the fragment").hasValue(1);
            assertThat(storedAtRunEnd).containsExactly(1, 2);

            ClusterTab onB = ClusterTab.open(b, tab[0].session.id());
            assertThat(lastText(onB)).isEqualTo("count=2");
            click(onB, 3);
            assertThat(lastText(onB)).isEqualTo("count=3");
        }
    }

    /** Clicks "Inc", which lies inside the fragment (ClusterTab's own lookup reads only the top level). */
    private static void click(ClusterTab tab, long seq) {
        String id = sets(tab).stream().map(ServerMessage.SetOp::element).filter(Button.class::isInstance)
                .map(Button.class::cast).filter(b -> b.label().equals("Inc")).reduce((x, y) -> y).orElseThrow().id();
        tab.session.interact(Map.of(), id, seq);
        tab.awaitIdle();
    }

    private static String lastText(ClusterTab tab) {
        return sets(tab).stream().map(ServerMessage.SetOp::element).filter(Text.class::isInstance)
                .map(e -> ((Text) e).text()).reduce((x, y) -> y).orElseThrow();
    }

    private static List<ServerMessage.SetOp> sets(ClusterTab tab) {
        return tab.messages().stream().filter(ServerMessage.Delta.class::isInstance)
                .flatMap(m -> ((ServerMessage.Delta) m).ops().stream()).filter(ServerMessage.SetOp.class::isInstance)
                .map(ServerMessage.SetOp.class::cast).toList();
    }

    private static SpringlitEngine node(PageDescriptor page, RedisSessionStore store, SnapshotCodec codec,
                                        String name) {
        SpringlitEngine engine = new SpringlitEngine(new PageRegistry(List.of(page)),
                RuntimeSettings.builder().disconnectedSessionTtl(TTL).build(), JsonMapper.builder().build());
        engine.setPersistence(SessionPersistence.shared(store, codec, name, TTL));
        return engine;
    }
}
