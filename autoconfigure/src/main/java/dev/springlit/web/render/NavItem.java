package dev.springlit.web.render;

import dev.springlit.web.http.Routes;

/**
 * A page as the sidebar shows it.
 *
 * @param path    its link, relative to the shell's base ({@link Routes#page})
 * @param title   its title
 * @param icon    its icon, or ""
 * @param current whether it is the page being shown
 * @param section the sidebar group it belongs to, or ""
 * @param sectionStart whether it is the first page of its section in the sidebar (the heading goes above it)
 */
public record NavItem(String path, String title, String icon, boolean current, String section, boolean sectionStart) {
}
