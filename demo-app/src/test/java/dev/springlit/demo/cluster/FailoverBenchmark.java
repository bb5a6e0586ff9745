package dev.springlit.demo.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Issue 14's failover benchmark: the time from SIGKILL of the node a tab is on to that tab showing its state again
 * through nginx (reconnected, session taken over by the other node, page drawn), p50 and p99 over
 * {@code bench.failoverKills} kills (20). The nodes take turns: the one killed is started again before the next kill.
 * Not a test; run by the bench profile with {@code -Dbench.store.skip=false} from demo-app's directory.
 */
public final class FailoverBenchmark {

    public static void main(String[] args) throws Exception {
        int kills = Integer.getInteger("bench.failoverKills", 20);
        List<Long> millis = new ArrayList<>();
        try (RedisNode redis = RedisNode.start();
             DemoNode a = DemoNode.on("node-a", redis.port());
             DemoNode b = DemoNode.on("node-b", redis.port())) {
            a.start();
            b.start();
            try (NginxProcess nginx = NginxProcess.start(List.of(a.port(), b.port()), NginxProcess.Balancing.FAILOVER,
                    ""); ProtocolTab tab = new ProtocolTab(nginx.port())) {
                tab.connect(Duration.ofSeconds(60));
                tab.click(Duration.ofSeconds(60));
                for (int i = 0; i < kills; i++) {
                    // the tab's node: nginx sends it to A whenever A is up, so after A's kill it is on B and stays
                    // there once A is back (its connection lives on), and after B's kill it is on A again
                    DemoNode victim = i % 2 == 0 ? a : b;
                    int shown = tab.shownCount();
                    long killed = System.nanoTime();
                    victim.kill();
                    tab.awaitDropAndReconnect(Duration.ofSeconds(60));
                    long back = System.nanoTime();
                    if (tab.shownCount() != shown) {
                        throw new IllegalStateException("the tab showed " + tab.shownCount() + " instead of " + shown);
                    }
                    millis.add((back - killed) / 1_000_000);
                    tab.click(Duration.ofSeconds(60));
                    victim.start();
                }
            }
        }
        List<Long> sorted = millis.stream().sorted().toList();
        String result = "Failover (SIGKILL of the tab's node to its state shown again through nginx), " + kills
                + " kills: p50 " + pct(sorted, 0.50) + " ms, p99 " + pct(sorted, 0.99) + " ms, max "
                + sorted.get(sorted.size() - 1) + " ms; all " + millis + "; load average "
                + Files.readString(Path.of("/proc/loadavg")).strip();
        System.out.println(result);
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "failover-benchmark.txt"), result + "\n");
        System.exit(0);
    }

    private static long pct(List<Long> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
