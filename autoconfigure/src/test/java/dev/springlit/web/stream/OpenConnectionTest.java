package dev.springlit.web.stream;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.springlit.web.stream.OpenConnection.Added;

/** What connections may hold of unfinished messages: {@link OpenConnection} against {@link UnfinishedMessages}. */
class OpenConnectionTest {

    private final UnfinishedMessages budget = new UnfinishedMessages(1_000);

    private OpenConnection connection(boolean attached) {
        OpenConnection connection = new OpenConnection(null, null, null, "192.0.2.1", 0);
        connection.attached = attached;
        return connection;
    }

    @Test
    void fragmentsAreHeldUntilTheLastAndTheirBytesGiveBackWhenTheMessageIsWhole() {
        OpenConnection tab = connection(true);

        assertThat(tab.add("{\"type\":", 8, false, 500, budget, 1)).isEqualTo(Added.KEPT);
        assertThat(budget.held()).isEqualTo(8);
        assertThat(tab.unfinishedSince).isEqualTo(1);
        assertThat(tab.add("\"rerun\"}", 8, true, 500, budget, 2)).isEqualTo(Added.COMPLETE);

        assertThat(tab.takeComplete()).isEqualTo("{\"type\":\"rerun\"}");
        assertThat(budget.held()).isZero();
        assertThat(tab.unfinishedSince).isZero();
    }

    @Test
    void connectionsWithoutASessionShareHalfTheTotalAndTabsTheWhole() {
        OpenConnection first = connection(false);
        OpenConnection second = connection(false);
        OpenConnection tab = connection(true);

        assertThat(first.add("a".repeat(400), 400, false, 500, budget, 1)).isEqualTo(Added.KEPT);
        assertThat(second.add("b".repeat(200), 200, false, 500, budget, 1)).as("over half of 1,000")
                .isEqualTo(Added.NO_ROOM);
        assertThat(tab.add("c".repeat(500), 500, false, 600, budget, 1)).isEqualTo(Added.KEPT);
        assertThat(budget.held()).isEqualTo(900);

        first.close(budget);
        assertThat(budget.held()).as("after a close").isEqualTo(500);
        assertThat(first.add("a", 1, true, 500, budget, 2)).as("a fragment arriving after the close")
                .isEqualTo(Added.CLOSED);
        tab.close(budget);
        assertThat(budget.held()).isZero();
    }

    @Test
    void anOversizedMessageIsLetGoAtOnceAndSkippedWhole() {
        OpenConnection tab = connection(true);
        assertThat(tab.add("a".repeat(300), 300, false, 500, budget, 1)).isEqualTo(Added.KEPT);
        assertThat(tab.add("a".repeat(300), 300, false, 500, budget, 1)).isEqualTo(Added.SKIPPED);
        assertThat(budget.held()).as("the oversized message's bytes are let go at once").isZero();
        assertThat(tab.add("a", 1, true, 500, budget, 1)).isEqualTo(Added.OVERSIZED_END);
        assertThat(tab.add("{}", 2, true, 500, budget, 1)).as("the next message").isEqualTo(Added.COMPLETE);
        assertThat(tab.takeComplete()).isEqualTo("{}");
    }

    @Test
    void anOversizedMessageBeingSkippedStillHasToEndWithinTheCompletionTimeoutCountedFromItsFirstFragment() {
        OpenConnection tab = connection(true);
        assertThat(tab.add("a".repeat(300), 300, false, 500, budget, 7)).isEqualTo(Added.KEPT);
        assertThat(tab.add("a".repeat(300), 300, false, 500, budget, 8)).isEqualTo(Added.SKIPPED);
        assertThat(tab.unfinishedSince).as("the watchdog's completion rule still applies").isEqualTo(7);
        assertThat(tab.add("a", 1, true, 500, budget, 9)).isEqualTo(Added.OVERSIZED_END);
        assertThat(tab.unfinishedSince).as("once it ended").isZero();

        OpenConnection other = connection(true);
        assertThat(other.add("a".repeat(600), 600, false, 500, budget, 11)).as("oversized from its first fragment")
                .isEqualTo(Added.SKIPPED);
        assertThat(other.unfinishedSince).isEqualTo(11);
    }
}
