package dev.springlit.autoconfigure;

import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;
import org.springframework.util.unit.DataSize;

/**
 * Makes Tomcat's per-connection WebSocket buffers small ({@code streamlit.server.websocket-buffer-size}), because
 * they are most of an idle tab's memory. It must run this early: Tomcat reads its {@code DEFAULT_BUFFER_SIZE}
 * system property once, when its WebSocket classes load, and its text and binary buffer sizes from servlet context
 * parameters when the server starts. Anything the application sets itself wins: the context parameters go in with
 * the lowest precedence and the system property only when absent.
 *
 * <p>Both apply to every WebSocket endpoint of the container, not only Springlit's (Tomcat has no per-endpoint
 * setting): another endpoint that takes whole text messages refuses longer ones with 1009. README says so, and
 * that the property's {@code 0} leaves Tomcat's defaults alone.
 */
public class SmallConnectionBuffers implements EnvironmentPostProcessor {

    static final String DEFAULT_BUFFER_SIZE = "org.apache.tomcat.websocket.DEFAULT_BUFFER_SIZE";
    private static final String CONTEXT_PARAMETERS = "server.servlet.context-parameters";
    /** Present when Tomcat serves the WebSockets. */
    private static final String TOMCAT_WEBSOCKET = "org.apache.tomcat.websocket.WsSession";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!ClassUtils.isPresent(TOMCAT_WEBSOCKET, application.getClassLoader())) {
            return; // another server (Jetty): nothing of Tomcat's to set, no system property of Tomcat's either
        }
        // the default is SpringlitProperties' (its one source of truth), read before the properties are bound
        long bytes = Binder.get(environment).bind("streamlit.server.websocket-buffer-size", DataSize.class)
                .orElseGet(() -> new SpringlitProperties.Server().getWebsocketBufferSize()).toBytes();
        if (bytes <= 0) {
            return;
        }
        String size = Long.toString(Math.max(256, Math.min(bytes, 1 << 20)));
        environment.getPropertySources().addLast(new MapPropertySource("springlitConnectionBuffers", Map.of(
                CONTEXT_PARAMETERS + "[org.apache.tomcat.websocket.textBufferSize]", size,
                CONTEXT_PARAMETERS + "[org.apache.tomcat.websocket.binaryBufferSize]", size,
                "streamlit.internal.socket-buffer-size", size)));
        if (System.getProperty(DEFAULT_BUFFER_SIZE) == null) {
            System.setProperty(DEFAULT_BUFFER_SIZE, size);
        }
    }
}
