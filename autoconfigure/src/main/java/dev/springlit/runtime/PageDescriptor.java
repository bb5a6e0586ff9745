package dev.springlit.runtime;

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
 */
public record PageDescriptor(String path, String title, String icon, int order, String beanName, Page page) {
}
