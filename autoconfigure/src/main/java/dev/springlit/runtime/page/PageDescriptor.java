package dev.springlit.runtime.page;

import dev.springlit.Page;

/**
 * A page as the app knows it: where it is served, how the sidebar shows it, and the bean that draws it.
 *
 * @param path     the URL path
 * @param title    the title in the browser tab and the sidebar
 * @param icon     an emoji or "" for none
 * @param order    sidebar position
 * @param beanName the Spring bean's name
 * @param page     the bean
 * @param section  the sidebar group it is listed under, or "" for none
 * @param hidden   whether it is left out of the sidebar (it can still be opened and switched to)
 */
public record PageDescriptor(String path, String title, String icon, int order, String beanName, Page page,
                             String section, boolean hidden) {

    /** A page listed in the sidebar outside any section. */
    public PageDescriptor(String path, String title, String icon, int order, String beanName, Page page) {
        this(path, title, icon, order, beanName, page, "", false);
    }
}
