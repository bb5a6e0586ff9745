package dev.springlit.runtime.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

/** The queue's coalescing and supersede rules on their own, without threads (S2.4), like script_requests.py's test. */
class RunQueueTest {

    private final RunQueue queue = new RunQueue();

    @Test
    void s2_4_valuesThatArriveWhileARequestWaitsAreMergedNewerWinning() {
        queue.offer(RunRequest.interaction(Map.of("a", 1, "b", 1), null), null);
        queue.offer(RunRequest.interaction(Map.of("b", 2), null), null);

        RunRequest next = queue.next();
        assertThat(next.widgets()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void s2_4_everyClickCountsTwoTriggersAreNeverMerged() {
        queue.offer(RunRequest.interaction(Map.of(), "go"), null);
        queue.offer(RunRequest.interaction(Map.of(), "go"), null);
        queue.offer(RunRequest.interaction(Map.of("x", 3), null), null);

        assertThat(queue.size()).isEqualTo(2);
        assertThat(queue.next().trigger()).isEqualTo("go");
        RunRequest second = queue.next();
        assertThat(second.trigger()).isEqualTo("go");
        assertThat(second.widgets()).containsEntry("x", 3);
    }

    @Test
    void s2_4_aNewerRequestSupersedesTheRunningOneUnlessBothAreClicks() {
        RunRequest runningValues = RunRequest.interaction(Map.of("a", 1), null);
        RunRequest runningClick = RunRequest.interaction(Map.of(), "go");

        assertThat(queue.offer(RunRequest.interaction(Map.of("a", 2), null), runningValues))
                .isEqualTo(RunQueue.Admission.SUPERSEDES_RUNNING);
        assertThat(queue.offer(RunRequest.interaction(Map.of(), "go"), runningValues))
                .isEqualTo(RunQueue.Admission.SUPERSEDES_RUNNING);
        assertThat(queue.offer(RunRequest.rerun(), runningClick)).isEqualTo(RunQueue.Admission.SUPERSEDES_RUNNING);
        assertThat(queue.offer(RunRequest.interaction(Map.of(), "go"), runningClick))
                .isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.offer(RunRequest.interaction(Map.of(), "go"), null)).isEqualTo(RunQueue.Admission.QUEUED);
    }

    @Test
    void tasksNeitherInterruptNorAreInterrupted() {
        RunRequest task = RunRequest.task(state -> { }, new CompletableFuture<>());

        assertThat(queue.offer(task, RunRequest.interaction(Map.of("a", 1), null))).isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.offer(RunRequest.rerun(), task)).isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.next().isTask()).isTrue();
    }

    @Test
    void s2_4_anInterruptedRequestGoesBackFirstUnderTheValuesThatCameAfterIt() {
        RunRequest interrupted = RunRequest.interaction(Map.of("a", 1, "b", 1), null);
        queue.offer(RunRequest.interaction(Map.of("b", 2), null), interrupted);
        queue.offer(RunRequest.interaction(Map.of(), "go"), interrupted);

        queue.requeueInterrupted(interrupted);

        RunRequest next = queue.next();
        assertThat(next.widgets()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(next.trigger()).isEqualTo("go");
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void s2_4_anInterruptedClickIsReplayedBeforeALaterClickNotMergedIntoIt() {
        RunRequest interrupted = RunRequest.interaction(Map.of(), "first");
        queue.offer(RunRequest.interaction(Map.of(), "second"), interrupted);

        queue.requeueInterrupted(interrupted);

        assertThat(queue.next().trigger()).isEqualTo("first");
        assertThat(queue.next().trigger()).isEqualTo("second");
    }

    @Test
    void s2_5_aRerunAskedForByARunGoesBeforeWhatWaits() {
        queue.offer(RunRequest.interaction(Map.of(), "go"), null);

        queue.rerunFirst();

        RunRequest next = queue.next();
        assertThat(next.trigger()).isNull();
        assertThat(next.widgets()).isEmpty();
        assertThat(queue.next().trigger()).isEqualTo("go");
    }

    @Test
    void interactionsPastTheLimitAreRefusedButTasksStillQueue() {
        for (int i = 0; i < RunQueue.MAX_PENDING; i++) {
            assertThat(queue.offer(RunRequest.interaction(Map.of(), "go"), null)).isEqualTo(RunQueue.Admission.QUEUED);
        }

        assertThat(queue.offer(RunRequest.interaction(Map.of(), "go"), null)).isEqualTo(RunQueue.Admission.FULL);
        assertThat(queue.offer(RunRequest.task(state -> { }, new CompletableFuture<>()), null))
                .isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.size()).isEqualTo(RunQueue.MAX_PENDING + 1);
        assertThat(queue.clear()).hasSize(RunQueue.MAX_PENDING + 1);
        assertThat(queue.isEmpty()).isTrue();
    }
}
