package dev.springlit.test;

import dev.springlit.Page;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Makes {@link PageTester}s on an application's real page beans, with their real injected services. Get it
 * in a {@code @SpringBootTest} annotated with {@link AutoConfigurePageTester}.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigurePageTester
 * class CounterPageTest {
 *     @Autowired PageTesterFactory pages;
 *
 *     @Test void counts() {
 *         try (PageTester tester = pages.create(CounterPage.class).run()) {
 *             tester.button("Increment").click().run();
 *             assertThat(tester.markdown(0).value()).isEqualTo("Count = 1");
 *         }
 *     }
 * }
 * }</pre>
 */
public final class PageTesterFactory {

    private final SpringlitEngine engine;

    public PageTesterFactory(SpringlitEngine engine) {
        this.engine = engine;
    }

    /** A new tab (session) showing the page bean of {@code pageClass}; not yet run. */
    public PageTester create(Class<? extends Page> pageClass) {
        PageDescriptor page = engine.pages().find(pageClass).orElseThrow(() -> new IllegalArgumentException(
                "The application has no @StreamlitPage bean of type " + pageClass.getName()));
        return new PageTester(engine, page, null);
    }

    /** A new tab showing the page served at {@code path}; not yet run. */
    public PageTester create(String path) {
        PageDescriptor page = engine.pages().find(path).orElseThrow(() -> new IllegalArgumentException(
                "The application has no page at \"" + path + "\""));
        return new PageTester(engine, page, null);
    }
}
