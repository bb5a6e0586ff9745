package dev.springlit.runtime.draw;

import dev.springlit.Context;
import dev.springlit.QueryParams;
import dev.springlit.SessionHandle;
import dev.springlit.User;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.upload.SessionFiles;

/**
 * The session an {@code St} belongs to, as its drawers see it: its current run, who and where the tab is, its
 * files. The runtime implements it over its session; drawers never see the session itself. Called on a run's
 * thread.
 */
public interface Owner {

    /** This session's run bound to the calling thread, or {@code null}. */
    Canvas canvas();

    /** The session's name in logs and messages. */
    String tag();

    /** The engine-wide values drawers use. */
    DrawTools tools();

    QueryParams query();

    /** What {@code st.session()} returns. */
    SessionHandle handle();

    /** {@code st.context()} as seen from the page at {@code pagePath}. */
    Context context(String pagePath);

    /** {@code st.user()}. */
    User user();

    /** Whether the tab's user may open {@code page}. */
    boolean canOpen(PageDescriptor page);

    /** Sends the tab to the login hand-over, coming back to {@code page}. */
    void login(PageDescriptor page, String registrationId);

    /** Signs the tab's user out. */
    void logout();

    /** Redraws a block's own properties in place (a status container's label and state). */
    void updateBlock(ElementPath path, Block block);

    /** Uploaded files and download data of this session. */
    SessionFiles files();

    /** The URL file uploader {@code widgetId} posts its files to. */
    String uploadUrl(String widgetId);

    /** The URL of download button {@code widgetId}'s data; {@code version} changes with the data. */
    String downloadUrl(String widgetId, String version);
}
