package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.springlit.runtime.session.Session;
import dev.springlit.runtime.SpringlitEngine;

/**
 * A tab whose writes fail (it stopped reading past {@code streamlit.server.send-time-limit}, or it vanished while a
 * run's output was on its way) is disconnected and its session parked, so the TTLs apply to it. Tomcat closes the
 * socket of a failed write without telling the handler; the session stayed attached to the dead connection until
 * the silent-connection ping 20 s later (how a flood session once outlived its untouched TTL in SessionFloodIT).
 */
@SpringBootTest(classes = DemoApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "springlit-test.big-output-page=true",
        "streamlit.server.send-time-limit=1s",
        // room for every rerun's output: the write that times out is what ends the connection, not the backlog
        "streamlit.server.max-outbound-backlog=256MB"})
class SendTimeLimitIT {

    @LocalServerPort
    int port;

    @Autowired
    SpringlitEngine engine;

    @Test
    void aTabThatStopsReadingIsDisconnectedAfterTheSendTimeLimitAndItsSessionIsParked() throws Exception {
        try (SlowTab slow = SlowTab.open(port, engine)) {
            Session session = slow.session;
            // From here on the tab reads nothing: each rerun writes ~1 MB more, until a write waits past 1 s.
            long start = System.nanoTime();
            int reruns = 0;
            boolean open = true;
            while (session.isConnected() && System.nanoTime() - start < TimeUnit.SECONDS.toNanos(15)) {
                if (open && reruns < 64) {
                    open = slow.rerun(); // false: the server closed the connection; wait for the session
                    reruns++;
                }
                Thread.sleep(50);
            }
            long parkedAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            System.out.println("SendTimeLimitIT: the tab that stopped reading was parked after " + parkedAfterMs
                    + " ms");
            // the send time limit (1 s) and Tomcat's once-a-second check of it, with room for a loaded machine;
            // the silent-connection ping that parked it before comes after 20 s
            assertThat(session.isConnected()).as("the tab is still attached after %d ms", parkedAfterMs).isFalse();
            assertThat(session.isAlive()).as("its session is parked, not destroyed").isTrue();
        }
    }
}
