package dev.springlit.web.render;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.session.TabHello;

/**
 * A page's {@code GET} for a new tab: opens a pending session for it (the limits of a hello apply: past them the
 * shell goes out empty and the tab's hello is refused as before), runs the page once and puts that run into the
 * shell ({@link FirstRunShell}). The request thread runs it itself when it can, and waits for it at most
 * {@code waitMillis}.
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

    byte[] into(ShellBytes html, PageDescriptor page, HttpServletRequest request) {
        String query = request.getQueryString();
        TabHello tab = TabHello.ofPageRequest(page, query == null || query.isEmpty() ? "" : "?" + query,
                request.getUserPrincipal(), request.getRemoteAddr());
        // the run may execute on this thread (see SessionOpening.openPending): the page sees no request there, as on
        // the run threads its later runs use, so a page never works in its first run only
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        LocaleContext locale = LocaleContextHolder.getLocaleContext();
        RequestContextHolder.resetRequestAttributes();
        LocaleContextHolder.resetLocaleContext();
        try {
            return opening.openPending(tab, waitMillis).map(run -> shell.splice(html, run)).orElseGet(html::utf8);
        } finally {
            LocaleContextHolder.setLocaleContext(locale);
            RequestContextHolder.setRequestAttributes(attributes);
        }
    }
}
