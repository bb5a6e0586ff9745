package dev.springlit.runtime.draw;

import dev.springlit.Page;
import dev.springlit.StreamlitApiException;
import dev.springlit.element.PageLink;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.control.RerunRequestedException;

/** Page links and page switches: moving between the app's pages. */
final class NavigationDrawer {

    private NavigationDrawer() {
    }

    static void switchPage(DeltaGenerator st, Class<? extends Page> page) {
        Canvas run = st.run();
        switchTo(st, run, st.owner().tools().pages().find(page).orElseThrow(() -> new StreamlitApiException(
                "switchPage(): the app has no page of type " + page.getName() + ".")));
    }

    static void switchPage(DeltaGenerator st, String path) {
        Canvas run = st.run();
        switchTo(st, run, st.owner().tools().pages().find(path).orElseThrow(() -> new StreamlitApiException(
                "switchPage(): the app has no page at \"" + path + "\".")));
    }

    private static void switchTo(DeltaGenerator st, Canvas run, PageDescriptor target) {
        if (!st.owner().canOpen(target)) {
            throw new StreamlitApiException("switchPage(): you may not open " + target.path() + ".");
        }
        if (run.inCallback()) {
            run.warn("Calling st.switchPage() within a callback is a no-op.");
            return;
        }
        run.switchTo(target);
        throw new RerunRequestedException();
    }

    static void pageLink(DeltaGenerator st, Class<? extends Page> page, String label, String icon) {
        PageDescriptor target = st.owner().tools().pages().find(page).orElseThrow(() -> new StreamlitApiException(
                "pageLink(): the app has no page of type " + page.getName() + "."));
        st.emit(new PageLink(target.path(), label == null ? target.title() : label,
                icon == null || icon.isEmpty() ? null : icon));
    }
}
