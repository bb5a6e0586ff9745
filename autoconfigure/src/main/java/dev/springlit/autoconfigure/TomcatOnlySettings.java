package dev.springlit.autoconfigure;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.Environment;

import dev.springlit.support.LogText;

/**
 * Says once at startup, on a server other than Tomcat (Jetty), which of the Tomcat-only properties the application
 * set: they tune Tomcat's request threads and per-connection buffers and do nothing elsewhere, and a setting that
 * silently does nothing would be taken for one that works. Unset, they say nothing (their defaults are Tomcat's
 * business too).
 */
final class TomcatOnlySettings implements ApplicationListener<WebServerInitializedEvent> {

    private static final Log log = LogFactory.getLog(TomcatOnlySettings.class);

    /** Properties that configure Tomcat only (WarmRequestThreads, SmallConnectionBuffers, the receive buffer). */
    static final List<String> PROPERTIES = List.of("streamlit.server.warm-request-threads",
            "streamlit.server.websocket-buffer-size", "streamlit.server.websocket-receive-buffer-size");

    private final Environment environment;
    private final AtomicBoolean said = new AtomicBoolean();

    TomcatOnlySettings(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void onApplicationEvent(WebServerInitializedEvent event) {
        String server = serverName(event.getWebServer());
        if (server.equals("Tomcat") || !said.compareAndSet(false, true)) {
            return; // the management server, if any, is the same kind: say it once
        }
        StringBuilder set = new StringBuilder();
        for (String property : PROPERTIES) {
            String value = environment.getProperty(property);
            if (value != null) {
                set.append(set.isEmpty() ? "" : ", ").append(property).append('=').append(LogText.clean(value));
            }
        }
        if (!set.isEmpty()) {
            log.warn("Springlit runs on " + server + ", where these settings for Tomcat have no effect (README, "
                    + "\"Running on Jetty\"): " + set);
        }
    }

    /** "Tomcat" or "Jetty" from Boot's {@code TomcatWebServer} or {@code JettyServletWebServer}, else the class name. */
    static String serverName(WebServer server) {
        String name = server.getClass().getSimpleName();
        String kind = name.replaceFirst("(Servlet)?WebServer$", "");
        return kind.isEmpty() ? name : kind;
    }
}
