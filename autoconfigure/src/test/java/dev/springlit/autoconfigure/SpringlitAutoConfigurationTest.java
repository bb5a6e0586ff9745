package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.function.RouterFunction;

import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.StreamlitSessionScope;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.element.Widget;
import dev.springlit.web.render.ElementRenderer;
import dev.springlit.web.stream.StreamHandler;

class SpringlitAutoConfigurationTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class, SpringlitWebAutoConfiguration.class));

    private final ApplicationContextRunner plain = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class, SpringlitWebAutoConfiguration.class));

    @StreamlitPage(path = "/counter", title = "Counter", icon = "🔢", order = 2)
    static class CounterPage implements Page {
        @Override
        public void render(St st) {
            st.title("Counter");
        }
    }

    @StreamlitPage(path = "/")
    static class SalesDashboardPage implements Page {
        @Override
        public void render(St st) {
            st.title("Sales");
        }
    }

    @StreamlitPage(path = "/counter")
    static class OtherCounterPage implements Page {
        @Override
        public void render(St st) {
        }
    }

    @StreamlitPage(path = "/_springlit/stream")
    static class CollidingPage implements Page {
        @Override
        public void render(St st) {
        }
    }

    @StreamlitPage(path = "/not-a-page")
    static class NotAPage {
    }

    @Component
    @StreamlitSessionScope
    static class Cart {
        private int items;

        int add() {
            return ++items;
        }
    }

    @Test
    void discoversPagesInSidebarOrderAndWiresTheWebLayer() {
        web.withUserConfiguration(CounterPage.class, SalesDashboardPage.class).run(context -> {
            assertThat(context).hasNotFailed();
            PageRegistry pages = context.getBean(PageRegistry.class);
            assertThat(pages.pages()).extracting(p -> p.path()).containsExactly("/", "/counter");
            assertThat(pages.find("/counter")).get().satisfies(p -> {
                assertThat(p.title()).isEqualTo("Counter");
                assertThat(p.icon()).isEqualTo("🔢");
                assertThat(p.order()).isEqualTo(2);
            });
            assertThat(pages.find("/").get().title()).as("title derived from the class name").isEqualTo("Sales Dashboard");
            assertThat(context).hasSingleBean(SpringlitEngine.class).hasSingleBean(SessionState.class)
                    .hasSingleBean(StreamHandler.class).hasBean("springlitPageRoutes");
            assertThat(context.getBean("springlitPageRoutes")).isInstanceOf(RouterFunction.class);
        });
    }

    @Test
    void withoutAWebServerOnlyTheRuntimeIsConfigured() {
        plain.withUserConfiguration(CounterPage.class).run(context -> {
            assertThat(context).hasNotFailed().hasSingleBean(SpringlitEngine.class).hasSingleBean(SessionState.class)
                    .doesNotHaveBean(StreamHandler.class);
        });
    }

    @Test
    void runLimitsComeFromStreamlitRunnerProperties() {
        plain.withUserConfiguration(CounterPage.class).withPropertyValues("streamlit.runner.max-threads=50",
                "streamlit.runner.max-run-time=90s", "streamlit.runner.interrupt-grace=2s",
                "streamlit.runner.max-abandoned-runs-per-page=3").run(context -> {
            assertThat(context.getBean(SpringlitEngine.class).limits()).isEqualTo(new dev.springlit.runtime.run.RunLimits(
                    50, java.time.Duration.ofSeconds(90), java.time.Duration.ofSeconds(2), 3));
        });
        plain.withUserConfiguration(CounterPage.class).run(context -> assertThat(
                context.getBean(SpringlitEngine.class).limits()).isEqualTo(dev.springlit.runtime.run.RunLimits.defaults()));
    }

    @Test
    void twoPagesWithOnePathFailStartupNamingBothBeans() {
        plain.withUserConfiguration(CounterPage.class, OtherCounterPage.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("Two Springlit pages have the path \"/counter\"")
                    .hasMessageContaining("CounterPage").hasMessageContaining("OtherCounterPage");
        });
    }

    @Test
    void aPageOnTheFrameworksOwnRoutesFailsStartup() {
        plain.withUserConfiguration(CollidingPage.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("collides with Springlit's own routes under /_springlit")
                    .hasMessageContaining("CollidingPage");
        });
    }

    @Test
    void anAnnotatedBeanThatIsNotAPageFailsStartup() {
        plain.withUserConfiguration(NotAPage.class).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("does not implement dev.springlit.Page");
        });
    }

    @Test
    void theHttpGuardsAreOnByDefaultAndTheHeadersCanBeLeftToTheApplication() {
        web.withUserConfiguration(CounterPage.class).run(context -> {
            assertThat(context).hasSingleBean(dev.springlit.web.http.SecurityHeadersFilter.class)
                    .hasSingleBean(dev.springlit.web.http.AllowedHostsFilter.class);
            assertThat(context.getBean(dev.springlit.web.http.SecurityHeaders.class).policy())
                    .contains("frame-ancestors 'self'");
        });
        web.withUserConfiguration(CounterPage.class)
                .withPropertyValues("streamlit.server.frame-ancestors='self',https://portal.example.com")
                .run(context -> assertThat(context.getBean(dev.springlit.web.http.SecurityHeaders.class).policy())
                        .endsWith("frame-ancestors 'self' https://portal.example.com"));
        web.withUserConfiguration(CounterPage.class).withPropertyValues("streamlit.server.security-headers=false")
                .run(context -> assertThat(context)
                        .doesNotHaveBean(dev.springlit.web.http.SecurityHeadersFilter.class)
                        .doesNotHaveBean(dev.springlit.web.http.SecurityHeaders.class)
                        .hasSingleBean(dev.springlit.web.http.AllowedHostsFilter.class));
    }

    @Test
    void aServerBoundToLoopbackListensOnLoopbackOnly() {
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly("127.0.0.1")).isTrue();
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly("::1")).isTrue();
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly("localhost")).isTrue();
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly(null)).isFalse();
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly("0.0.0.0")).isFalse();
        assertThat(SpringlitWebAutoConfiguration.listensOnLoopbackOnly("192.168.1.5")).isFalse();
    }

    @Test
    void propertiesReachTheRuntime() {
        plain.withUserConfiguration(CounterPage.class)
                .withPropertyValues("streamlit.runner.enforce-serializable-session-state=true",
                        "streamlit.server.disconnected-session-ttl=5s", "streamlit.server.max-sessions=7",
                        "streamlit.client.show-error-details=true",
                        "streamlit.client.widget-state-duplication-warning=false")
                .run(context -> {
                    var settings = context.getBean(SpringlitEngine.class).settings();
                    assertThat(settings.enforceSerializableSessionState()).isTrue();
                    assertThat(settings.disconnectedSessionTtl()).isEqualTo(Duration.ofSeconds(5));
                    assertThat(settings.maxSessions()).isEqualTo(7);
                    assertThat(settings.showErrorDetails()).isTrue();
                    assertThat(settings.widgetStateDuplicationWarning()).isFalse();
                });
    }

    @Test
    void defaultsMatchStreamlit() {
        plain.withUserConfiguration(CounterPage.class).run(context -> {
            var settings = context.getBean(SpringlitEngine.class).settings();
            assertThat(settings.enforceSerializableSessionState()).isFalse();
            assertThat(settings.showErrorDetails()).as("error details are for development only").isFalse();
            assertThat(settings.disconnectedSessionTtl()).isEqualTo(Duration.ofSeconds(120));
        });
    }

    @Test
    void aUserDefinedEngineWins() {
        plain.withUserConfiguration(CounterPage.class, CustomRegistry.class).run(context -> {
            assertThat(context.getBean(PageRegistry.class).pages()).isEmpty();
        });
    }

    @Configuration
    static class CustomRegistry {
        @Bean
        PageRegistry customRegistry() {
            return new PageRegistry(java.util.List.of());
        }
    }

    @Test
    void S3_4_sessionStateAndSessionScopedBeansOutsideARunThrowIllegalState() {
        plain.withUserConfiguration(CounterPage.class, Cart.class).run(context -> {
            SessionState state = context.getBean(SessionState.class);
            assertThatThrownBy(() -> state.get("count")).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("SessionState was used outside a Springlit run");
            Cart cart = context.getBean(Cart.class);
            assertThatThrownBy(cart::add).hasRootCauseInstanceOf(IllegalStateException.class)
                    .rootCause().hasMessageContaining("@StreamlitSessionScope bean was used outside a Springlit run");
        });
    }

    @Test
    void everyPropertyIsDocumentedInTheConfigurationMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("configuration processor output").isNotNull();
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : new String[] {"streamlit.runner.enforce-serializable-session-state",
                    "streamlit.server.disconnected-session-ttl", "streamlit.server.max-sessions",
                    "streamlit.server.max-message-size", "streamlit.server.allowed-origins",
                    "streamlit.client.show-error-details", "streamlit.client.widget-state-duplication-warning",
                    "streamlit.server.allowed-hosts", "streamlit.server.frame-ancestors",
                    "streamlit.server.content-security-policy", "streamlit.server.security-headers"}) {
                assertThat(json).contains("\"name\": \"" + property + "\"");
            }
            assertThat(json).contains("Only allow values that Java serialization can write into SessionState");
        }
    }

    @Test
    void uploadPropertiesReachTheUploadStoreWhoseDirectoryGoesWithTheContext(@org.junit.jupiter.api.io.TempDir
                                                                            java.nio.file.Path tmp) {
        java.nio.file.Path[] spool = new java.nio.file.Path[1];
        web.withUserConfiguration(CounterPage.class)
                .withPropertyValues("streamlit.server.upload-directory=" + tmp, "streamlit.server.upload-spool-threshold=1KB",
                        "streamlit.server.max-upload-memory=10KB", "streamlit.server.max-upload-disk=3KB")
                .run(context -> {
                    dev.springlit.runtime.upload.UploadStore store = context.getBean(dev.springlit.runtime.upload.UploadStore.class);
                    spool[0] = store.spoolDirectory();
                    assertThat(spool[0].getParent()).isEqualTo(tmp);
                    store.receive(new java.io.ByteArrayInputStream(new byte[2048]), 10_000, -1, "a", null);
                    assertThat(store.diskHeld()).as("over the threshold: on disk").isEqualTo(2048);
                    assertThatThrownBy(() -> store.receive(new java.io.ByteArrayInputStream(new byte[2048]), 10_000, -1,
                            "b", null)).hasMessageContaining("streamlit.server.max-upload-disk");
                    assertThat(spool[0]).isDirectory();
                });
        assertThat(spool[0]).as("deleted when the application stops").doesNotExist();
    }

    @Test
    void uploadAndStateSizePropertiesAreDocumentedInTheConfigurationMetadata() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (String property : new String[] {"streamlit.runner.max-session-state-size",
                    "streamlit.server.upload-spool-threshold", "streamlit.server.max-upload-memory",
                    "streamlit.server.max-upload-disk", "streamlit.server.upload-directory"}) {
                assertThat(json).contains("\"name\": \"" + property + "\"");
            }
        }
    }

    /** The web layer writes JSON with the application's JsonMapper bean, so Boot's customisations apply. */
    @Test
    void widgetValuesAreWrittenWithTheApplicationsJsonMapper() {
        web.withUserConfiguration(CounterPage.class)
                .withBean(JsonMapper.class, () -> JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build())
                .run(context -> {
                    String html = context.getBean(ElementRenderer.class).render(new Widget("w", "text_input", "Name",
                            null, false, "visible", "é", Map.of(), null));
                    assertThat(html).containsIgnoringCase("\\u00e9");
                });
    }
}
