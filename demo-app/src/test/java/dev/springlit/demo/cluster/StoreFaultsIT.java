package dev.springlit.demo.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The session store failing under a tab that clicks, through nginx in front of two demo JVMs (S9.1): while Redis is
 * stopped every click still counts on its node, the tab is told the store is unavailable and its clicks stay
 * unacknowledged (kept to re-send); once Redis is back (empty: it keeps nothing on disk) the next run stores the whole
 * session again, and a SIGKILL of the tab's node then finds every click on the other node.
 */
@Timeout(300)
class StoreFaultsIT {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Test
    void S9_1_whileRedisIsDownClicksCountWithAClearErrorAndOnceItIsBackTheSessionIsStoredWhole() throws Exception {
        try (RedisNode redis = RedisNode.start();
             DemoNode a = DemoNode.on("node-a", redis.port());
             DemoNode b = DemoNode.on("node-b", redis.port())) {
            a.start();
            b.start();
            try (NginxProcess nginx = NginxProcess.start(List.of(a.port(), b.port()), NginxProcess.Balancing.FAILOVER,
                    ""); ProtocolTab tab = new ProtocolTab(nginx.port())) {
                tab.connect(PATIENCE); // on A, which nginx prefers
                for (int i = 0; i < 3; i++) {
                    tab.click(PATIENCE);
                }
                assertThat(tab.shownCount()).isEqualTo(3);

                redis.stop();
                for (int i = 0; i < 3; i++) {
                    tab.clickAndAwaitRunEnd(PATIENCE);
                }
                assertThat(tab.shownCount()).as("the clicks count on the node").isEqualTo(6);
                assertThat(tab.errors).as("the tab is told").contains("store_unavailable");
                assertThat(tab.acknowledged()).as("not stored: the tab keeps them to re-send").isEqualTo(3);

                redis.startAgain();
                long deadline = System.nanoTime() + PATIENCE.toNanos();
                do {
                    assertThat(System.nanoTime()).as("stored again once Redis is back").isLessThan(deadline);
                    tab.clickAndAwaitRunEnd(PATIENCE); // the first commits may fail while Lettuce reconnects
                } while (tab.acknowledged() != tab.shownCount()); // click n shows Count = n
                int stored = tab.shownCount();
                assertThat(tab.acknowledged()).as("every click, those made while Redis was down too").isEqualTo(stored);

                a.kill();
                tab.awaitDropAndReconnect(PATIENCE);
                assertThat(tab.shownCount()).as("B took the whole session over from Redis").isEqualTo(stored);
                tab.click(PATIENCE);
                assertThat(tab.shownCount()).isEqualTo(stored + 1);
            }
        }
    }
}
