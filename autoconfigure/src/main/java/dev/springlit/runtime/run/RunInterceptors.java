package dev.springlit.runtime.run;

import java.util.List;

import dev.springlit.RunInterceptor;
import dev.springlit.RunInvocation;
import dev.springlit.runtime.page.PageDescriptor;

/**
 * The application's {@link RunInterceptor}s, the first outermost, around a page body or a callback. {@code Run}
 * calls it in one place around the body and one place around each callback; with no interceptors the page code
 * runs directly.
 */
public final class RunInterceptors {

    /** No interceptors. */
    public static final RunInterceptors NONE = new RunInterceptors(List.of());

    /** Page code: the body's render or one callback. */
    @FunctionalInterface
    public interface PageCode {
        void run() throws Exception;
    }

    private final List<RunInterceptor> chain;

    public RunInterceptors(List<RunInterceptor> chain) {
        this.chain = List.copyOf(chain);
    }

    /** How many interceptors there are. */
    public int size() {
        return chain.size();
    }

    public void around(PageDescriptor page, String sessionTag, boolean callback, PageCode code) throws Exception {
        if (chain.isEmpty()) {
            code.run();
            return;
        }
        new Invocation(page, sessionTag, callback, code, 0).proceed();
    }

    private final class Invocation implements RunInvocation {

        private final PageDescriptor page;
        private final String sessionTag;
        private final boolean callback;
        private final PageCode code;
        private final int index;
        private boolean proceeded;

        Invocation(PageDescriptor page, String sessionTag, boolean callback, PageCode code, int index) {
            this.page = page;
            this.sessionTag = sessionTag;
            this.callback = callback;
            this.code = code;
            this.index = index;
        }

        @Override
        public String pagePath() {
            return page.path();
        }

        @Override
        public String pageTitle() {
            return page.title();
        }

        @Override
        public String sessionTag() {
            return sessionTag;
        }

        @Override
        public boolean isCallback() {
            return callback;
        }

        @Override
        public void proceed() throws Exception {
            if (proceeded) {
                throw new IllegalStateException("A RunInterceptor called proceed() twice; page code runs once");
            }
            proceeded = true;
            if (index == chain.size()) {
                code.run();
            } else {
                chain.get(index).around(new Invocation(page, sessionTag, callback, code, index + 1));
            }
        }
    }
}
