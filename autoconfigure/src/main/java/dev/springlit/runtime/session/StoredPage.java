package dev.springlit.runtime.session;

/**
 * The page and query parameters a session's stored state was committed with (S9.2): a tab that moved to another
 * node and asks for the same ones shows what that state drew, so the node need not draw it again.
 *
 * @param path  the page's path inside the app
 * @param query the query parameters without the leading {@code ?} ("" for none)
 */
public record StoredPage(String path, String query) {

    /** Whether a tab at {@code path} with {@code search} ({@code location.search}, "?" optional) asks for this page. */
    public boolean matches(String path, String search) {
        String asked = search == null ? "" : search.startsWith("?") ? search.substring(1) : search;
        return this.path != null && this.path.equals(path) && (query == null ? "" : query).equals(asked);
    }
}
