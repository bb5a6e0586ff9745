package dev.springlit.web;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.springlit.runtime.PageAccess;
import dev.springlit.runtime.PageDescriptor;
import dev.springlit.runtime.PageRegistry;

/**
 * Serves {@code GET <page path>}: the HTML shell (title, sidebar with every page, empty body) that the
 * client fills over the WebSocket. One route per page, so the app's own controllers and static files keep
 * every other path.
 */
public final class PageShell {

    /** Where the WebSocket endpoint lives. */
    public static final String STREAM_PATH = PageRegistry.FRAMEWORK_PREFIX + "/stream";
    /** Where the client's JS and CSS are served. */
    public static final String STATIC_PATH = PageRegistry.FRAMEWORK_PREFIX + "/static";

    private final PageRegistry pages;
    private final ITemplateEngine templates;
    private final String appName;
    private final String assetVersion;

    private final Supplier<PageAccess> access;
    private final Appearance look;

    public PageShell(PageRegistry pages, ITemplateEngine templates, String appName, String assetVersion,
                     Supplier<PageAccess> access) {
        this(pages, templates, appName, assetVersion, access, Appearance.plain());
    }

    public PageShell(PageRegistry pages, ITemplateEngine templates, String appName, String assetVersion,
                     Supplier<PageAccess> access, Appearance look) {
        this.look = look;
        this.access = access;
        this.pages = pages;
        this.templates = templates;
        this.appName = appName;
        this.assetVersion = assetVersion;
    }

    /** The routes, one GET per page path. */
    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (PageDescriptor page : pages.pages()) {
            routes.GET(page.path(), request -> ServerResponse.ok()
                            .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                            .cacheControl(CacheControl.noStore())
                            .body(render(page, request.principal().orElse(null))));
        }
        return routes.build();
    }

    /** The "page not found" page for {@code path}, listing the app's pages. */
    public String renderNotFound(String path, Principal user) {
        Context context = new Context();
        context.setVariable("pages", navigation(null, user));
        context.setVariable("path", path);
        context.setVariable("staticBase", STATIC_PATH);
        context.setVariable("assetVersion", assetVersion);
        context.setVariable("appName", appName);
        lookOf(context, pages.pages());
        return templates.process("springlit/not-found", context);
    }

    /** The theme, logo, stylesheets and each page's layout (nav links carry it for client-side switches). */
    private void lookOf(Context context, List<PageDescriptor> all) {
        context.setVariable("look", look);
        context.setVariable("themePath", Appearance.THEME_PATH);
        Map<String, String> layouts = new HashMap<>();
        for (PageDescriptor p : all) {
            layouts.put(p.path(), PageLayouts.of(p, look));
        }
        context.setVariable("layouts", layouts);
    }

    /** The sidebar: every listed page the user may open (Spring Security's rules, when present). */
    private List<NavItem> navigation(PageDescriptor current, Principal user) {
        List<NavItem> nav = new ArrayList<>();
        String lastSection = "";
        for (PageDescriptor p : pages.pages()) {
            if (p.hidden() || !access.get().canOpen(p, user)) {
                continue;
            }
            boolean start = !p.section().isEmpty() && !p.section().equals(lastSection);
            nav.add(new NavItem(p.path(), p.title(), p.icon(), current != null && p.path().equals(current.path()),
                    p.section(), start));
            lastSection = p.section();
        }
        return nav;
    }

    /** The shell's HTML for {@code page}, with the sidebar as an anonymous user sees it. */
    public String render(PageDescriptor page) {
        return render(page, null);
    }

    /** The shell's HTML for {@code page} as {@code user} sees it. */
    public String render(PageDescriptor page, Principal user) {
        Context context = new Context();
        List<NavItem> nav = navigation(page, user);
        context.setVariable("page", new NavItem(page.path(), page.title(), page.icon(), true, page.section(), false));
        context.setVariable("pages", nav);
        context.setVariable("streamPath", STREAM_PATH);
        context.setVariable("staticBase", STATIC_PATH);
        context.setVariable("assetVersion", assetVersion);
        context.setVariable("appName", appName);
        lookOf(context, pages.pages());
        context.setVariable("layout", PageLayouts.of(page, look));
        return templates.process("springlit/shell", context);
    }
}
