// Over 300 lines: the web layer's beans in one auto-configuration (templates, protocol codec, routes, page shell, uploads and downloads, Tomcat buffers, not-found page, security headers, static resources, login, the stream endpoint), each a few lines, so their conditions read in one place.
package dev.springlit.autoconfigure;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.ServerResponse;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import org.springframework.web.socket.server.standard.StandardWebSocketUpgradeStrategy;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

import tools.jackson.databind.json.JsonMapper;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;

import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.runtime.upload.UploadStore;
import dev.springlit.web.stream.ConnectionLimits;
import dev.springlit.web.render.ElementRenderer;
import dev.springlit.web.http.FileEndpoints;
import dev.springlit.web.render.NotFoundViewResolver;
import dev.springlit.web.render.Appearance;
import dev.springlit.web.render.PageShell;
import dev.springlit.web.protocol.ProtocolCodec;
import dev.springlit.web.http.Routes;
import dev.springlit.web.http.StylesheetImports;
import dev.springlit.web.render.SpringlitTemplates;
import dev.springlit.web.stream.StreamHandler;
import dev.springlit.web.http.AllowedHostsFilter;
import dev.springlit.web.http.SecurityHeaders;
import dev.springlit.web.http.SecurityHeadersFilter;
import dev.springlit.web.http.LeavingNodeInterceptor;
import dev.springlit.web.http.WellFormedOriginInterceptor;
import dev.springlit.web.stream.HandshakeCapture;
import dev.springlit.web.stream.HandshakeHeadersUpgrade;

/**
 * Serves pages to browsers: a route per page for the HTML shell, the WebSocket stream (same origin unless
 * {@code streamlit.server.allowed-origins} says more), and the client's JS and CSS from the jar.
 */
@AutoConfiguration(after = SpringlitAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SpringlitWebAutoConfiguration {

    /** Bumped with each release so browsers fetch the new client instead of a cached one. */
    static final String ASSET_VERSION = "0.1.0";

    @Bean
    @ConditionalOnMissingBean
    SpringlitTemplates springlitTemplates() {
        return new SpringlitTemplates();
    }

    @Bean
    @ConditionalOnMissingBean
    ElementRenderer springlitElementRenderer(SpringlitTemplates templates, ObjectProvider<JsonMapper> jsonMapper) {
        return new ElementRenderer(templates.engine(), applicationMapper(jsonMapper));
    }

    /** The application's JsonMapper (Spring Boot's, with its customisations) when there is one. */
    private static JsonMapper applicationMapper(ObjectProvider<JsonMapper> jsonMapper) {
        return jsonMapper.getIfAvailable(() -> JsonMapper.builder().build());
    }

    @Bean
    @ConditionalOnMissingBean
    ProtocolCodec springlitProtocolCodec(ElementRenderer renderer, ObjectProvider<JsonMapper> jsonMapper) {
        return new ProtocolCodec(applicationMapper(jsonMapper), renderer);
    }

    @Bean
    @ConditionalOnMissingBean
    StreamHandler springlitStreamHandler(SpringlitEngine engine, ProtocolCodec codec, SpringlitProperties properties,
                                         ObjectProvider<JsonMapper> jsonMapper) {
        SpringlitProperties.Server server = properties.getServer();
        return new StreamHandler(engine, applicationMapper(jsonMapper), codec,
                (int) Math.min(Integer.MAX_VALUE, server.getMaxMessageSize().toBytes()),
                (int) Math.min(Integer.MAX_VALUE, server.getSendTimeLimit().toMillis()),
                (int) Math.min(Integer.MAX_VALUE, server.getMaxOutboundBacklog().toBytes()),
                server.getMaxMessagesPerSecond(),
                new ConnectionLimits(server.getHelloTimeout(), server.getMaxHelloMessageSize().toBytes(),
                        server.getMessageCompletionTimeout(), server.getMaxUnfinishedMessagesSize().toBytes(),
                        server.getMaxConnectionsPerAddress(), server.getSilentConnectionTimeout(),
                        (int) Math.min(1 << 20, server.getWebsocketReceiveBufferSize().toBytes())));
    }

    /** Every URL the server emits; the runtime asks it for upload and download URLs. */
    @Bean
    @ConditionalOnMissingBean
    Routes springlitRoutes(SpringlitEngine engine) {
        Routes routes = new Routes(ASSET_VERSION);
        engine.setFileRoutes(routes);
        return routes;
    }

    @Bean
    @ConditionalOnMissingBean
    PageShell springlitPageShell(SpringlitEngine engine, SpringlitTemplates templates, SpringlitProperties properties,
                                 Routes routes, ObjectProvider<Appearance> appearance, ElementRenderer renderer) {
        PageShell shell = new PageShell(engine.pages(), templates.engine(), properties.getClient().getAppName(), routes,
                engine::access, appearance.getIfAvailable(Appearance::plain));
        shell.renderFirstRuns(engine.opening(), renderer, properties.getServer().getFirstRenderWait());
        return shell;
    }

    @Bean
    RouterFunction<ServerResponse> springlitPageRoutes(PageShell shell) {
        return shell.routes();
    }

    /** Uploads of all sessions, within the memory and disk budgets; its temporary directory goes on shutdown. */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    UploadStore springlitUploadStore(SpringlitProperties properties) {
        SpringlitProperties.Server server = properties.getServer();
        String directory = server.getUploadDirectory();
        return new UploadStore(Path.of(directory == null || directory.isBlank()
                        ? System.getProperty("java.io.tmpdir") : directory),
                server.getUploadSpoolThreshold().toBytes(), server.getMaxUploadMemory().toBytes(),
                server.getMaxUploadDisk().toBytes());
    }

    @Bean
    @ConditionalOnMissingBean
    FileEndpoints springlitFileEndpoints(SpringlitEngine engine, UploadStore uploads, SpringlitProperties properties) {
        return new FileEndpoints(engine, uploads, properties.getServer().getMaxUploadSize().toBytes(),
                properties.getServer().getAllowedOrigins());
    }

    @Bean
    RouterFunction<ServerResponse> springlitFileRoutes(FileEndpoints files) {
        return files.routes();
    }

    /** Tomcat's socket read and write buffers per connection, as small as the WebSocket ones (see SmallConnectionBuffers). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = {"org.apache.catalina.connector.Connector", "org.springframework.boot.tomcat.TomcatConnectorCustomizer"})
    static class TomcatBufferConfiguration {

        @Bean
        TomcatConnectorCustomizer springlitSocketBuffers(
                Environment environment) {
            String size = environment.getProperty("streamlit.internal.socket-buffer-size");
            return connector -> {
                if (size != null) {
                    connector.setProperty("socket.appReadBufSize", size);
                    connector.setProperty("socket.appWriteBufSize", size);
                }
            };
        }
    }

    /** Tomcat's idle request threads woken most recently idle first (see WarmRequestThreads). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = {"org.apache.catalina.connector.Connector",
            "org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory"})
    @ConditionalOnProperty(name = "streamlit.server.warm-request-threads", matchIfMissing = true)
    static class WarmRequestThreadsConfiguration {

        @Bean
        WarmRequestThreads springlitWarmRequestThreads() {
            return new WarmRequestThreads();
        }
    }

    /** On a server other than Tomcat, a startup warning naming the Tomcat-only properties the application set. */
    @Bean
    static TomcatOnlySettings springlitTomcatOnlySettings(Environment environment) {
        return new TomcatOnlySettings(environment);
    }

    /** A "page not found" page in the app's look, when Spring Boot's error handling (spring-boot-webmvc) is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = "org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver")
    static class NotFoundPageConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "springlitNotFoundViewResolver")
        NotFoundViewResolver springlitNotFoundViewResolver(PageShell shell,
                ObjectProvider<SecurityHeaders> headers) {
            return new NotFoundViewResolver(shell, headers.getIfAvailable());
        }
    }

    /**
     * Security headers on Springlit's responses (unless {@code streamlit.server.security-headers=false}); with
     * Spring Security's filter chain present only the Content-Security-Policy, since its header writers write
     * the others.
     */
    @Bean
    @ConditionalOnMissingBean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(
            name = "streamlit.server.security-headers", matchIfMissing = true)
    SecurityHeaders springlitSecurityHeaders(SpringlitProperties properties,
                                             ListableBeanFactory beans) {
        // Spring Security registers its FilterChainProxy under this name (@EnableWebSecurity, Boot's default)
        boolean springSecurity = beans.containsBean("springSecurityFilterChain");
        return new SecurityHeaders(properties.getServer().getFrameAncestors(),
                properties.getServer().getContentSecurityPolicy(), springSecurity);
    }

    @Bean
    @org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty(
            name = "streamlit.server.security-headers", matchIfMissing = true)
    SecurityHeadersFilter springlitSecurityHeadersFilter(SpringlitEngine engine, SecurityHeaders headers) {
        return new SecurityHeadersFilter(engine.pages(), headers);
    }

    /** The Host allow-list against DNS rebinding: loopback names only while the server listens on loopback only. */
    @Bean
    AllowedHostsFilter springlitAllowedHostsFilter(SpringlitEngine engine, SpringlitProperties properties,
                                                   Environment environment) {
        return new AllowedHostsFilter(engine.pages(), properties.getServer().getAllowedHosts(),
                listensOnLoopbackOnly(environment.getProperty("server.address")));
    }

    /** Whether {@code server.address} names a loopback address; unset means every interface. */
    static boolean listensOnLoopbackOnly(String address) {
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    @Bean
    WebMvcConfigurer springlitStaticResources() {
        return new WebMvcConfigurer() {
            @Override
            public void addResourceHandlers(ResourceHandlerRegistry registry) {
                // The shell loads the client's entry module under the asset version, so its relative imports
                // (and Chart.js, next to them) carry the version too and a release is fetched anew.
                String versioned = Routes.STATIC_PATH + "/" + ASSET_VERSION;
                // Chart.js from its WebJar, loaded by the client on the first chart: never from a CDN
                registry.addResourceHandler(Routes.STATIC_PATH + "/chartjs/**", versioned + "/chartjs/**")
                        .addResourceLocations("classpath:/META-INF/resources/webjars/chart.js/4.4.1/dist/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)));
                // Tom Select from its WebJar, loaded by the client on the first multiselect
                registry.addResourceHandler(Routes.STATIC_PATH + "/tomselect/**", versioned + "/tomselect/**")
                        .addResourceLocations("classpath:/META-INF/resources/webjars/tom-select/2.4.3/dist/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofDays(30)));
                registry.addResourceHandler(Routes.STATIC_PATH + "/**", versioned + "/**")
                        .addResourceLocations("classpath:/springlit/static/")
                        .setCacheControl(CacheControl.maxAge(Duration.ofHours(1)))
                        // springlit.css joins the per-family sheets into one response, made once and cached
                        .resourceChain(true).addTransformer(new StylesheetImports());
            }
        };
    }

    /**
     * With Spring Security: {@code st.login()}'s hand-over to the app's login ({@code /_springlit/login}) and the
     * CSRF token {@code st.logout()} posts, taken from the WebSocket handshake.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(
            name = "org.springframework.security.web.savedrequest.HttpSessionRequestCache")
    static class SecurityLoginConfiguration {

        @Bean
        RouterFunction<ServerResponse> springlitLoginRoutes(SpringlitEngine engine, ListableBeanFactory beans) {
            boolean oauth2 = org.springframework.util.ClassUtils.isPresent(
                    "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository",
                    SecurityLoginConfiguration.class.getClassLoader());
            return new SpringSecurityLogin(engine.pages(), oauth2 ? OAuth2Registrations.of(beans) : java.util.List::of)
                    .routes();
        }

        /** In front of Spring Security: a failed or cancelled login goes back to its page (SpringSecurityLoginFailure). */
        @Bean
        org.springframework.boot.web.servlet.FilterRegistrationBean<SpringSecurityLoginFailure> springlitLoginFailureFilter() {
            var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                    new SpringSecurityLoginFailure());
            registration.setOrder(-101); // Spring Boot registers Spring Security's filter chain at -100
            registration.addUrlPatterns("/login");
            return registration;
        }

        @Bean
        HandshakeCapture springlitHandshakeCapture() {
            return new HandshakeCapture(SpringSecurityCsrf::logoutToken);
        }
    }

    /** The WebSocket endpoint; Spring's origin check allows the page's own origin plus the configured ones. */
    @Configuration(proxyBeanMethods = false)
    @EnableWebSocket
    static class StreamEndpointConfiguration implements WebSocketConfigurer {

        private final StreamHandler handler;
        private final SpringlitProperties properties;
        private final SpringlitEngine engine;
        private final ObjectProvider<HandshakeCapture> capture;

        StreamEndpointConfiguration(StreamHandler handler, SpringlitProperties properties, SpringlitEngine engine,
                                    ObjectProvider<HandshakeCapture> capture, Environment environment) {
            this.handler = handler;
            this.properties = properties;
            this.engine = engine;
            this.capture = capture;
            // st.context().cookies() leaves the session cookie out: it is the login's credential
            handler.setSessionCookieName(environment.getProperty("server.servlet.session.cookie.name", "JSESSIONID"));
        }

        @Override
        public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
            // The standard (Jakarta WebSocket) upgrade on every container: on Jetty, Spring would pick Jetty's own
            // API, which hands over whole messages only (closing with 1009 past 64 KB) and has no asynchronous send
            var registration = registry.addHandler(handler, Routes.STREAM_PATH)
                    .setHandshakeHandler(new DefaultHandshakeHandler(
                            new HandshakeHeadersUpgrade(new StandardWebSocketUpgradeStrategy())))
                    .addInterceptors(new WellFormedOriginInterceptor(), // runs before Spring's origin check
                            new LeavingNodeInterceptor(engine::isLeaving))
                    .setAllowedOriginPatterns(properties.getServer().getAllowedOrigins().toArray(String[]::new));
            capture.ifAvailable(registration::addInterceptors);
        }
    }
}
