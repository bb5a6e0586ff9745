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
    // ---- fragments (S10.4), as Streamlit's script_requests coalesce fragment reruns ----------------------------

    private static RunRequest inFragment(String fragment, Map<String, Object> values, String trigger) {
        return RunRequest.interaction(values, trigger).inFragment(fragment);
    }

    @Test
    void s10_4_aFragmentRequestDoesNotOverrideAWaitingPageRequestItMergesIntoIt() {
        queue.offer(RunRequest.interaction(Map.of("a", 1), null), null);
        queue.offer(inFragment("f", Map.of("b", 2), null), null);

        RunRequest next = queue.next();
        assertThat(next.fragment()).isNull();
        assertThat(next.widgets()).containsExactlyInAnyOrderEntriesOf(Map.of("a", 1, "b", 2));
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void s10_4_aPageRequestTurnsAWaitingFragmentRequestIntoAPageRun() {
        queue.offer(inFragment("f", Map.of(), "inside"), null);
        queue.offer(RunRequest.interaction(Map.of("a", 1), null), null);

        RunRequest next = queue.next();
        assertThat(next.fragment()).isNull();
        assertThat(next.trigger()).isEqualTo("inside");
        assertThat(next.widgets()).containsEntry("a", 1);
    }

    @Test
    void s10_4_requestsOfOneFragmentMergeAndThoseOfTwoFragmentsStayApart() {
        queue.offer(inFragment("f", Map.of("a", 1), null), null);
        queue.offer(inFragment("f", Map.of("a", 2), null), null);
        queue.offer(inFragment("g", Map.of("b", 1), null), null);

        RunRequest first = queue.next();
        assertThat(first.fragment()).isEqualTo("f");
        assertThat(first.widgets()).containsExactlyEntriesOf(Map.of("a", 2));
        assertThat(queue.next().fragment()).isEqualTo("g");
    }

    @Test
    void s10_4_aPageRequestSupersedesARunningFragmentRunAndAFragmentRequestNeverSupersedesThePage() {
        RunRequest runningFragment = inFragment("f", Map.of("a", 1), null);
        RunRequest runningPage = RunRequest.interaction(Map.of("a", 1), null);

        assertThat(queue.offer(RunRequest.interaction(Map.of("p", 1), null), runningFragment))
                .isEqualTo(RunQueue.Admission.SUPERSEDES_RUNNING);
        assertThat(queue.offer(inFragment("f", Map.of("a", 2), null), runningPage))
                .isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.offer(inFragment("g", Map.of("b", 2), null), runningFragment))
                .isEqualTo(RunQueue.Admission.QUEUED);
        assertThat(queue.offer(inFragment("f", Map.of("a", 3), null), runningFragment))
                .isEqualTo(RunQueue.Admission.SUPERSEDES_RUNNING);
    }

    @Test
    void s10_2_aTimerTickInterruptsNothingAndMergesIntoWhatWaits() {
        assertThat(queue.offer(RunRequest.tick("clock"), inFragment("clock", Map.of(), null)))
                .isEqualTo(RunQueue.Admission.QUEUED);
        queue.offer(RunRequest.tick("clock"), null);
        assertThat(queue.size()).isEqualTo(1);
        assertThat(queue.next().isAuto()).isTrue();

        queue.offer(RunRequest.interaction(Map.of("a", 1), null), null);
        queue.offer(RunRequest.tick("clock"), null);
        RunRequest merged = queue.next();
        assertThat(merged.fragment()).isNull();
        assertThat(merged.isAuto()).isFalse();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void s10_4_anInterruptedFragmentRequestGoesBackFirstAndAPageRequestAfterItMakesItAPageRun() {
        RunRequest interrupted = inFragment("f", Map.of(), "inside");
        queue.offer(RunRequest.interaction(Map.of("p", 1), null), interrupted);

        queue.requeueInterrupted(interrupted);

        RunRequest next = queue.next();
        assertThat(next.trigger()).isEqualTo("inside"); // the click is replayed once, in the page run
        assertThat(next.fragment()).isNull();
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void s10_3_aFragmentScopedRerunGoesFirstAndRerunsThatFragment() {
        queue.offer(RunRequest.interaction(Map.of(), "later"), null);
        queue.rerunFirst("f");

        RunRequest next = queue.next();
        assertThat(next.fragment()).isEqualTo("f");
        assertThat(next.trigger()).isNull();
    }
}
