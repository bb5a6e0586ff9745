package dev.springlit.runtime.session;

import java.security.Principal;
import java.util.concurrent.CompletableFuture;

import dev.springlit.St;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.Run;
import dev.springlit.runtime.run.RunSession;
import dev.springlit.runtime.run.RunTab;
import dev.springlit.runtime.run.RunResult;
import dev.springlit.runtime.scope.ScopedBeans;

/**
 * A session as its runs see it ({@link RunSession}): it keeps the rest of {@code Session} out of {@code run/} and
 * adds nothing public to it; each call is one delegation.
 */
final class SessionForRuns implements RunSession {

    private final Session session;

    SessionForRuns(Session session) {
        this.session = session;
    }

    @Override
    public String id() {
        return session.id();
    }

    @Override
    public String tag() {
        return session.tag();
    }

    @Override
    public Principal user() {
        return session.user();
    }

    @Override
    public St st() {
        return session.st();
    }

    @Override
    public ScopedBeans beans() {
        return session.resources().beans();
    }

    @Override
    public PageDescriptor page() {
        return session.page();
    }

    @Override
    public RunTab tab() {
        return session.tab();
    }

    @Override
    public boolean firstWarningFor(String key) {
        return session.resources().firstWarningFor(key);
    }

    @Override
    public Object takeRestored(String widgetId) {
        return session.resources().takeRestored(widgetId);
    }

    @Override
    public void reject(String code, String message) {
        session.reject(code, message);
    }

    @Override
    public void switchedTo(PageDescriptor target) {
        session.address().switchedTo(target);
    }

    @Override
    public CompletableFuture<Boolean> commit(Run run, RunResult result) {
        return session.engine().persistence().commit(session, run, result, session.engine().runServices().runExecutor());
    }
}
