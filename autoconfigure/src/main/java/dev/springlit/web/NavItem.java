package dev.springlit.web;

/**
 * A page as the sidebar shows it.
 *
 * @param path    where it is served
 * @param title   its title
 * @param icon    its icon, or ""
 * @param current whether it is the page being shown
 */
public record NavItem(String path, String title, String icon, boolean current) {
}
