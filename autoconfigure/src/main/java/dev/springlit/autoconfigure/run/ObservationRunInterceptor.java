package dev.springlit.autoconfigure.run;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import dev.springlit.RunInterceptor;
import dev.springlit.RunInvocation;

/**
 * A Micrometer {@code Observation} named {@value #NAME} around each page body and callback, so runs appear in
 * traces and metrics as requests do: low-cardinality keys {@code springlit.page} (the page's path),
 * {@code springlit.invocation} ({@code body} or {@code callback}) and {@code springlit.outcome} ({@code ok},
 * {@code error}, {@code stopped}, {@code rerun}, {@code interrupted}); a page's exception is the observation's
 * error. The observation is current while the page code runs, so its own observations nest under it.
 */
final class ObservationRunInterceptor implements RunInterceptor {

    static final String NAME = "springlit.run";

    private final ObservationRegistry registry;

    ObservationRunInterceptor(ObservationRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void around(RunInvocation run) throws Exception {
        String invocation = run.isCallback() ? "callback" : "body";
        Observation observation = Observation.createNotStarted(NAME, registry)
                .contextualName("springlit " + invocation + " " + run.pagePath())
                .lowCardinalityKeyValue("springlit.page", run.pagePath())
                .lowCardinalityKeyValue("springlit.invocation", invocation)
                .start();
        RunOutcome outcome = RunOutcome.OK;
        try (Observation.Scope scope = observation.openScope()) {
            run.proceed();
        } catch (Throwable thrown) {
            outcome = RunOutcome.of(thrown);
            if (outcome == RunOutcome.ERROR) {
                observation.error(thrown);
            }
            throw thrown;
        } finally {
            observation.lowCardinalityKeyValue("springlit.outcome", outcome.tag());
            observation.stop();
        }
    }
}
