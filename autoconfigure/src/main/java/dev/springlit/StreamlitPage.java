package dev.springlit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.core.annotation.AliasFor;
import org.springframework.stereotype.Component;

/**
 * Marks a {@link Page} bean and says where it is served and how it appears in the sidebar.
 * Page classes are ordinary Spring beans: constructor injection, {@code @Transactional} services and
 * Spring Security all work as usual.
 *
 * <pre>{@code
 * @StreamlitPage(path = "/counter", title = "Counter", icon = "🔢", order = 1)
 * class CounterPage implements Page {
 *     public void render(St st) { st.title("Counter Example"); }
 * }
 * }</pre>
 *
 * Two pages with the same path, or a path under the framework's own {@code /_springlit/} routes, fail
 * startup with a message naming both beans.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface StreamlitPage {

    /** The URL path the page is served at, such as {@code "/"} or {@code "/counter"}. */
    String path();

    /** The title shown in the browser tab and the sidebar; defaults to the class name in words. */
    String title() default "";

    /** An emoji or short text shown before the title in the sidebar. */
    String icon() default "";

    /** Position in the sidebar: lower first; pages with the same order are sorted by title. */
    int order() default 0;

    /** The sidebar group this page is listed under (pages of one section are listed together); "" for none. */
    String section() default "";

    /** Leaves the page out of the sidebar; it can still be opened by its path, a page link or switchPage. */
    boolean hidden() default false;

    /**
     * Roles a user needs, any one of them ({@code "ADMIN"} or {@code "ROLE_ADMIN"}), to open the page: others do not
     * see it in the navigation and are refused when they navigate, switch or {@code GET} it, on top of the
     * application's HTTP security rules on its path. Empty: only those rules apply.
     */
    String[] roles() default {};

    /** How wide the content is: {@link Layout#WIDE}, {@link Layout#CENTERED}, or the app's ({@code streamlit.ui.layout}). */
    Layout layout() default Layout.DEFAULT;

    /** The bean name, as for {@link Component#value()}. */
    @AliasFor(annotation = Component.class)
    String value() default "";
}
