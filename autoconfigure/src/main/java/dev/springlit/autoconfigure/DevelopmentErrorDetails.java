package dev.springlit.autoconfigure;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.function.Predicate;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * Shows exceptions' details in the page while developing, the way Spring Boot DevTools turns on
 * {@code server.error.include-*}: when DevTools' restarter is running (an app started from the IDE or
 * {@code spring-boot:run}, never a packaged jar or a test) or remote DevTools is configured, and DevTools'
 * {@code spring.devtools.add-properties} is not false, {@code streamlit.client.show-error-details=true} is added
 * with the lowest precedence, so any setting of the application still wins. DevTools only adds its own list,
 * which is why Springlit adds its entry itself.
 */
public class DevelopmentErrorDetails implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY_SOURCE = "springlitDevtools";
    private static final String RESTARTER = "org.springframework.boot.devtools.restart.Restarter";

    private final Predicate<Environment> developing;

    public DevelopmentErrorDetails() {
        this(DevelopmentErrorDetails::devToolsActive);
    }

    DevelopmentErrorDetails(Predicate<Environment> developing) {
        this.developing = developing;
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        boolean wanted = environment.getProperty("spring.devtools.add-properties", Boolean.class, true);
        // DevTools' remote client (the "remoteUrl" source) talks to a server whose own settings apply.
        boolean local = environment.getPropertySources().get("remoteUrl") == null;
        if (wanted && local && developing.test(environment)) {
            environment.getPropertySources().addLast(new MapPropertySource(PROPERTY_SOURCE,
                    Map.of("streamlit.client.show-error-details", "true")));
        }
    }

    /** DevTools is on the class path and its restarter has started, or remote restart is configured. */
    private static boolean devToolsActive(Environment environment) {
        ClassLoader loader = DevelopmentErrorDetails.class.getClassLoader();
        if (!ClassUtils.isPresent(RESTARTER, loader)) {
            return false;
        }
        if (environment.containsProperty("spring.devtools.remote.secret")) {
            return true;
        }
        try {
            // Through reflection: DevTools is an optional, development-only dependency of the application.
            Class<?> restarter = ClassUtils.forName(RESTARTER, loader);
            Object instance = restarter.getMethod("getInstance").invoke(null);
            if (instance == null) {
                return false;
            }
            Method initialUrls = restarter.getMethod("getInitialUrls");
            return initialUrls.invoke(instance) != null;
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
