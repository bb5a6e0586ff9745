package dev.springlit.web.render;

import java.util.List;

/**
 * How every page looks around what it draws ({@code streamlit.ui.*} and {@code streamlit.theme.*}), for the page
 * shell: the theme's stylesheet, the default layout, the sidebar's initial state, the logo, the About text and
 * the app's own stylesheets and icon.
 *
 * @param base         "light", "dark" or null (the system's scheme)
 * @param layout       "centered" or "wide": pages that do not choose
 * @param sidebar      "auto", "expanded" or "collapsed"
 * @param logo         image URL above the page list, or ""
 * @param logoLink     where the logo leads, or "" (the home page)
 * @param about        the About dialog's text, or ""
 * @param stylesheets  the app's own stylesheet URLs, after Springlit's
 * @param favicon      the tab icon URL, or "" (the page's icon)
 * @param themeCss     the theme's stylesheet ({@link ThemeStylesheet}), or null when nothing is themed
 * @param uploadLimit  what a file uploader says of streamlit.server.max-upload-size ("50MB"), or ""
 */
public record Appearance(String base, String layout, String sidebar, String logo, String logoLink, String about,
                         List<String> stylesheets, String favicon, String themeCss, String uploadLimit) {

    /** Where the theme's stylesheet is served. */
    public static final String THEME_PATH = "/_springlit/theme.css";

    public Appearance {
        stylesheets = List.copyOf(stylesheets);
    }

    /** Springlit's own look: system scheme, centered, no logo. */
    public static Appearance plain() {
        return new Appearance(null, "centered", "auto", "", "", "", List.of(), "", null, "");
    }

    /** How big a size is for people: "50MB", "512KB" (whole units, as Streamlit's uploader says it). */
    public static String humanSize(long bytes) {
        if (bytes >= 1024L * 1024 * 1024 && bytes % (1024L * 1024 * 1024) == 0) {
            return bytes / (1024L * 1024 * 1024) + "GB";
        }
        if (bytes >= 1024L * 1024) {
            return Math.round(bytes / (1024.0 * 1024)) + "MB";
        }
        if (bytes >= 1024) {
            return Math.round(bytes / 1024.0) + "KB";
        }
        return bytes + "B";
    }

    public boolean themed() {
        return themeCss != null;
    }
}
