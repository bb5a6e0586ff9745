package dev.springlit.web.render;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import dev.springlit.runtime.session.SessionOpening;
import dev.springlit.runtime.page.PageAccess;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.web.http.CsrfHeader;
import dev.springlit.web.http.Routes;

/**
 * Serves {@code GET <page path>}: the HTML shell (title, sidebar with every page, empty body) that the
 * client fills over the WebSocket. One route per page, so the app's own controllers and static files keep
 * every other path. Every URL in it comes from {@link Routes}, relative to the {@code <base href>} of the request.
 */
public final class PageShell {

    /** Where the WebSocket endpoint lives (see {@link Routes#STREAM_PATH}). */
    public static final String STREAM_PATH = Routes.STREAM_PATH;
    /** Where the client's JS and CSS are served (see {@link Routes#STATIC_PATH}). */
    public static final String STATIC_PATH = Routes.STATIC_PATH;

    private final PageRegistry pages;
    private final ITemplateEngine templates;
    private final String appName;
    private final Routes routes;

    private final Supplier<PageAccess> access;
    private final Appearance look;
    private final RenderedShells shells = new RenderedShells();
    /** Renders a new tab's first run into its shell; null: shells go out empty and the socket draws the page. */
    private volatile FirstRuns firstRuns;

    public PageShell(PageRegistry pages, ITemplateEngine templates, String appName, Routes routes,
                     Supplier<PageAccess> access) {
        this(pages, templates, appName, routes, access, Appearance.plain());
    }

    public PageShell(PageRegistry pages, ITemplateEngine templates, String appName, Routes routes,
                     Supplier<PageAccess> access, Appearance look) {
        this.look = look;
        this.access = access;
        this.pages = pages;
        this.templates = templates;
        this.appName = appName;
        this.routes = routes;
    }

    /**
     * Renders each new tab's first run into its page's shell: the GET opens a pending session through
     * {@code opening} (same limits as a hello), waits up to {@code wait} for its first run and puts it in the shell
     * with the token the tab's hello adopts it with (docs/protocol.md, {@code adopt}).
     */
    public void renderFirstRuns(SessionOpening opening, ElementRenderer renderer, Duration wait) {
        this.firstRuns = wait.isZero() || wait.isNegative() ? null
                : new FirstRuns(opening, new FirstRunShell(renderer), wait.toMillis());
    }

    /** The routes, one GET per page path. */
    public RouterFunction<ServerResponse> routes() {
        RouterFunctions.Builder builder = RouterFunctions.route();
        for (PageDescriptor page : pages.pages()) {
            builder.GET(page.path(), request -> {
                Principal user = request.principal().orElse(null);
                if (!access.get().canOpen(page, user)) {
                    // a page's roles refuse a GET as the app's security refuses one (S12.4)
                    RuntimeException refusal = access.get().refusal(page, user);
                    if (refusal != null) {
                        throw refusal;
                    }
                    return ServerResponse.status(403).contentType(MediaType.TEXT_PLAIN)
                            .body("You may not open " + page.path() + ".");
                }
                // bytes, not a String: the converter would encode a String twice, once only to count its length
                return ServerResponse.ok()
                        .contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noStore())
                        .body(withFirstRun(page, request.servletRequest(), shell(page, request.servletRequest())));
            });
        }
        return builder.build();
    }

    private byte[] withFirstRun(PageDescriptor page, HttpServletRequest request, ShellBytes shell) {
        FirstRuns runs = firstRuns;
        return runs == null ? shell.utf8() : runs.into(shell, page, request);
    }

    /** The "page not found" page for {@code path}, listing the app's pages. */
    public String renderNotFound(String path, HttpServletRequest request) {
        Context context = common(request, request.getUserPrincipal());
        context.setVariable("pages", navigation(null, request.getUserPrincipal()));
        context.setVariable("path", path);
        lookOf(context, pages.pages());
        return templates.process("springlit/not-found", context);
    }

    /** The theme, logo, stylesheets and each page's layout (nav links carry it for client-side switches). */
    private void lookOf(Context context, List<PageDescriptor> all) {
        context.setVariable("look", look);
        context.setVariable("themePath", Routes.inApp(Appearance.THEME_PATH));
        Map<String, String> layouts = new HashMap<>(); // keyed as the sidebar's links spell the pages
        for (PageDescriptor p : all) {
            layouts.put(routes.page(p.path()), PageLayouts.of(p, look));
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
            nav.add(new NavItem(routes.page(p.path()), p.title(), p.icon(),
                    current != null && p.path().equals(current.path()), p.section(), start));
            lastSection = p.section();
        }
        return nav;
    }

    /** The shell for {@code page} as the user of {@code request} sees it. */
    ShellBytes shell(PageDescriptor page, HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        List<NavItem> sidebar = navigation(page, user);
        if (CsrfHeader.of(request) != null) {
            return ShellBytes.of(renderShell(page, request, user, sidebar));
        }
        return shells.get(new RenderedShells.Key(page.path(), routes.base(request), sidebar),
                () -> renderShell(page, request, user, sidebar));
    }

    private String renderShell(PageDescriptor page, HttpServletRequest request, Principal user, List<NavItem> sidebar) {
        Context context = common(request, user);
        context.setVariable("page", new NavItem(page.path(), page.title(), page.icon(), true, page.section(), false));
        context.setVariable("pages", sidebar);
        context.setVariable("streamPath", routes.stream());
        context.setVariable("script", routes.asset("springlit.js"));
        lookOf(context, pages.pages());
        context.setVariable("layout", PageLayouts.of(page, look));
        return templates.process("springlit/shell", context);
    }

    private Context common(HttpServletRequest request, Principal user) {
        Context context = new Context();
        context.setVariable("base", routes.base(request));
        context.setVariable("stylesheet", routes.asset("springlit.css"));
        context.setVariable("appName", appName);
        context.setVariable("csrf", CsrfHeader.of(request));
        return context;
    }
}
