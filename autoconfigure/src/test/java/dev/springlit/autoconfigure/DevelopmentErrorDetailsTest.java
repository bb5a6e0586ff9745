package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** Error details are on while developing with DevTools and off otherwise; the application's own setting wins. */
class DevelopmentErrorDetailsTest {

    private static final String DETAILS = "streamlit.client.show-error-details";

    private static StandardEnvironment environment(Map<String, Object> applicationProperties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application", applicationProperties));
        return environment;
    }

    @Test
    void withDevToolsRestartingTheAppDetailsAreShown() {
        StandardEnvironment env = environment(Map.of());
        new DevelopmentErrorDetails(e -> true).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty(DETAILS, Boolean.class)).isTrue();
    }

    @Test
    void theApplicationsOwnSettingWinsOverTheDevelopmentDefault() {
        StandardEnvironment env = environment(Map.of(DETAILS, "false"));
        new DevelopmentErrorDetails(e -> true).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.getProperty(DETAILS, Boolean.class)).isFalse();
    }

    @Test
    void devToolsAddPropertiesFalseTurnsItOff() {
        StandardEnvironment env = environment(Map.of("spring.devtools.add-properties", "false"));
        new DevelopmentErrorDetails(e -> true).postProcessEnvironment(env, new SpringApplication());
        assertThat(env.containsProperty(DETAILS)).isFalse();
    }

    @Test
    void withoutDevToolsNothingIsAdded() {
        StandardEnvironment env = environment(Map.of());
        // The real detection: DevTools is not on this class path.
        new DevelopmentErrorDetails().postProcessEnvironment(env, new SpringApplication());
        assertThat(env.containsProperty(DETAILS)).isFalse();
        assertThat(env.getPropertySources().contains(DevelopmentErrorDetails.PROPERTY_SOURCE)).isFalse();
    }

    @Test
    void isRegisteredWithSpringBoot() throws Exception {
        try (var in = getClass().getResourceAsStream("/META-INF/spring.factories")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains(DevelopmentErrorDetails.class.getName());
        }
    }
}
