package dev.springlit;

/**
 * A progress bar drawn by {@code st.progress}, updated in place while the page runs; the browser sees each
 * update within about 50 ms.
 *
 * <pre>{@code
 * ProgressBar bar = st.progress(0, "Loading…");
 * for (int i = 1; i <= 100; i++) { work(i); bar.update(i, "Loading… " + i + "%"); }
 * }</pre>
 */
public interface ProgressBar {

    /** Moves the bar to {@code percent} (0 to 100) with a new text ({@code null}: none). */
    void update(int percent, String text);
}
