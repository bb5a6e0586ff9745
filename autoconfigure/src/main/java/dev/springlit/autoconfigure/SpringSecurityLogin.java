package dev.springlit.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;

/**
 * {@code GET /_springlit/login?page=/p?q=1[&registration=id]}, where {@code st.login()} sends the tab: it saves the
 * page as Spring Security's saved request (so the app's login success handler comes back to it, as after any
 * refused request) and hands over to the login: the named OAuth2 client registration, the only one there is, or
 * the app's login page. A user who is already logged in goes straight back. Only the app's own pages are
 * accepted as the way back, so the endpoint is no open redirect.
 */
final class SpringSecurityLogin {

    static final String PATH = "/_springlit/login";
    /** HTTP session attribute: the page a login in progress comes back to if it fails (see SpringSecurityLoginFailure). */
    static final String RETURN_TO = "springlit.login.returnTo";

    private final PageRegistry pages;
    /** The app's OAuth2 client registration ids; empty without OAuth2 login. */
    private final java.util.function.Supplier<List<String>> registrations;

    SpringSecurityLogin(PageRegistry pages, java.util.function.Supplier<List<String>> registrations) {
        this.pages = pages;
        this.registrations = registrations;
    }

    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().GET(PATH, this::login).build();
    }

    private ServerResponse login(ServerRequest request) {
        String wanted = request.param("page").orElse("/");
        int question = wanted.indexOf('?');
        String path = question < 0 ? wanted : wanted.substring(0, question);
        String query = question < 0 ? "" : wanted.substring(question + 1);
        Optional<PageDescriptor> page = pages.find(path);
        if (page.isEmpty() || query.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '#')) {
            return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN)
                    .body("There is no page to come back to at this address.");
        }
        HttpServletRequest servlet = request.servletRequest();
        String back = servlet.getContextPath() + page.get().path() + (query.isEmpty() ? "" : "?" + query);
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current != null && current.isAuthenticated() && !(current instanceof AnonymousAuthenticationToken)) {
            return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create(back)).build();
        }
        List<String> ids = registrations.get();
        Optional<String> registration = request.param("registration");
        String login;
        if (registration.isPresent()) {
            if (!ids.contains(registration.get())) {
                return ServerResponse.badRequest().contentType(MediaType.TEXT_PLAIN)
                        .body("This app has no login called \"" + registration.get().replaceAll("[^A-Za-z0-9._-]", "?")
                                + "\".");
            }
            login = "/oauth2/authorization/" + registration.get();
        } else {
            login = ids.size() == 1 ? "/oauth2/authorization/" + ids.get(0) : "/login";
        }
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        // no "?continue" on the way back: the page's query parameters stay the tab's own
        cache.setMatchingRequestParameterName(null);
        cache.saveRequest(new PageRequest(servlet, page.get().path(), query), (HttpServletResponse) null);
        servlet.getSession().setAttribute(RETURN_TO, back);
        return ServerResponse.status(HttpStatus.SEE_OTHER).location(URI.create(servlet.getContextPath() + login))
                .build();
    }

    /** The login request seen as a GET of the page to come back to, for the saved request. */
    private static final class PageRequest extends HttpServletRequestWrapper {
        private final String path;
        private final String query;

        PageRequest(HttpServletRequest request, String path, String query) {
            super(request);
            this.path = path;
            this.query = query.isEmpty() ? null : query;
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getRequestURI() {
            return getContextPath() + path;
        }

        @Override
        public StringBuffer getRequestURL() {
            StringBuffer url = new StringBuffer(getScheme()).append("://").append(getServerName());
            int port = getServerPort();
            if (!(getScheme().equals("http") && port == 80) && !(getScheme().equals("https") && port == 443)) {
                url.append(':').append(port);
            }
            return url.append(getRequestURI());
        }

        @Override
        public String getServletPath() {
            return path;
        }

        @Override
        public String getPathInfo() {
            return null;
        }

        @Override
        public String getQueryString() {
            return query;
        }

        @Override
        public java.util.Map<String, String[]> getParameterMap() {
            return java.util.Map.of();
        }
    }
}
