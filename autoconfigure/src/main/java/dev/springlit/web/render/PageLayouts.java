package dev.springlit.web.render;

import org.springframework.aop.support.AopUtils;
import org.springframework.core.annotation.AnnotatedElementUtils;

import dev.springlit.Layout;
import dev.springlit.StreamlitPage;
import dev.springlit.runtime.page.PageDescriptor;

/** A page's layout: its {@code @StreamlitPage(layout = ...)}, else the app's. */
final class PageLayouts {

    private PageLayouts() {
    }

    /** "wide" or "centered". */
    static String of(PageDescriptor page, Appearance look) {
        StreamlitPage annotation = page.page() == null ? null
                : AnnotatedElementUtils.findMergedAnnotation(AopUtils.getTargetClass(page.page()), StreamlitPage.class);
        Layout layout = annotation == null ? Layout.DEFAULT : annotation.layout();
        return switch (layout) {
            case WIDE -> "wide";
            case CENTERED -> "centered";
            case DEFAULT -> look.layout();
        };
    }
}
