package dev.springlit.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.catalina.connector.Connector;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;

/**
 * The beans that tune Tomcat exist only where Tomcat does: an application on Jetty (Tomcat's classes off the class
 * path) gets none of them, and gets the startup warning about Tomcat-only settings instead (OnJettyProtocolIT shows
 * it on a real Jetty).
 */
class TomcatSpecificBeansTest {

    private final WebApplicationContextRunner web = new WebApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class, SpringlitWebAutoConfiguration.class))
            .withUserConfiguration(HomePage.class);

    @StreamlitPage(path = "/")
    static class HomePage implements Page {
        @Override
        public void render(St st) {
            st.title("Home");
        }
    }

    @Test
    void withTomcatTheConnectorBuffersAndWarmRequestThreadsAreConfigured() {
        web.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(TomcatConnectorCustomizer.class).hasSingleBean(WarmRequestThreads.class)
                    .hasSingleBean(TomcatOnlySettings.class);
        });
    }

    @Test
    void withoutTomcatNoneOfTomcatsBeansExistAndTheAppStillStarts() {
        web.withClassLoader(new FilteredClassLoader(Connector.class))
                .withPropertyValues("streamlit.server.warm-request-threads=true")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context).doesNotHaveBean(WarmRequestThreads.class)
                            .doesNotHaveBean("springlitSocketBuffers").hasSingleBean(TomcatOnlySettings.class);
                });
    }
}
