package dev.springlit.autoconfigure.run;

import org.slf4j.MDC;

import dev.springlit.RunInterceptor;
import dev.springlit.RunInvocation;

/**
 * Puts the page's path ({@value #PAGE}) and the session's tag ({@value #SESSION}) in the log MDC while page code
 * runs, so a log pattern with {@code %X{springlit.page}} shows where a line came from. The tag, never the session
 * id: whoever reads a log must not be able to take over the tab. The thread's previous values come back afterwards.
 */
final class MdcRunInterceptor implements RunInterceptor {

    static final String PAGE = "springlit.page";
    static final String SESSION = "springlit.session";

    @Override
    public void around(RunInvocation run) throws Exception {
        String previousPage = MDC.get(PAGE);
        String previousSession = MDC.get(SESSION);
        MDC.put(PAGE, run.pagePath());
        MDC.put(SESSION, run.sessionTag());
        try {
            run.proceed();
        } finally {
            restore(PAGE, previousPage);
            restore(SESSION, previousSession);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) {
            MDC.remove(key);
        } else {
            MDC.put(key, value);
        }
    }
}
