package dev.springlit.web.render;

import jakarta.servlet.http.HttpServletRequest;

import dev.springlit.runtime.SessionOpening;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.session.TabHello;

/**
 * A page's {@code GET} for a new tab: opens a pending session for it (the limits of a hello apply: past them the
 * shell goes out empty and the tab's hello is refused as before), runs the page once and puts that run into the
 * shell ({@link FirstRunShell}). The request thread waits for the run at most {@code waitMillis}.
 * <p>
 * Threading: any number of request threads at once.
 */
final class FirstRuns {

    private final SessionOpening opening;
    private final FirstRunShell shell;
    private final long waitMillis;

    FirstRuns(SessionOpening opening, FirstRunShell shell, long waitMillis) {
        this.opening = opening;
        this.shell = shell;
        this.waitMillis = waitMillis;
    }

    String into(String html, PageDescriptor page, HttpServletRequest request) {
        String query = request.getQueryString();
        TabHello tab = TabHello.ofPageRequest(page, query == null || query.isEmpty() ? "" : "?" + query,
                request.getUserPrincipal(), request.getRemoteAddr());
        return opening.openPending(tab, waitMillis).map(run -> shell.splice(html, run)).orElse(html);
    }
}
