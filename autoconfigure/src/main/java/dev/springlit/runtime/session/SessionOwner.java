package dev.springlit.runtime.session;

import dev.springlit.Context;
import dev.springlit.QueryParams;
import dev.springlit.SessionHandle;
import dev.springlit.User;
import dev.springlit.element.Block;
import dev.springlit.element.ElementPath;
import dev.springlit.runtime.draw.Canvas;
import dev.springlit.runtime.draw.DrawTools;
import dev.springlit.runtime.draw.Owner;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.run.Run;
import dev.springlit.runtime.upload.SessionFiles;

/**
 * A session as its drawers see it: the run bound to the calling thread, who and where the tab is, its files. It
 * keeps {@code Session} out of {@code draw/}; each call is one delegation, made on a run's thread.
 */
final class SessionOwner implements Owner {

    private final Session session;

    SessionOwner(Session session) {
        this.session = session;
    }

    @Override
    public Canvas canvas() {
        return Run.canvasOf(session.forRuns());
    }

    @Override
    public String tag() {
        return session.tag();
    }

    @Override
    public DrawTools tools() {
        return session.engine().drawTools();
    }

    @Override
    public QueryParams query() {
        return session.query();
    }

    @Override
    public SessionHandle handle() {
        return session.handle();
    }

    @Override
    public Context context(String pagePath) {
        return session.identity().contextForPage().atPath(pagePath);
    }

    @Override
    public User user() {
        return session.engine().access().user(session.user());
    }

    @Override
    public boolean canOpen(PageDescriptor page) {
        return session.engine().access().canOpen(page, session.user());
    }

    @Override
    public void login(PageDescriptor page, String registrationId) {
        LoginRedirects.login(session, page, registrationId);
    }

    @Override
    public void logout() {
        LoginRedirects.logout(session);
    }

    @Override
    public void updateBlock(ElementPath path, Block block) {
        session.tab().output().updateBlock(path, block);
    }

    @Override
    public SessionFiles files() {
        return session.files();
    }

    @Override
    public String uploadUrl(String widgetId) {
        return session.engine().fileRoutes().upload(session.id(), widgetId);
    }

    @Override
    public String downloadUrl(String widgetId, String version) {
        return session.engine().fileRoutes().download(session.id(), widgetId, version);
    }
}
