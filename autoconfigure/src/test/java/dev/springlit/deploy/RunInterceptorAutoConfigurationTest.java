package dev.springlit.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.EntityManagerFactory;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.EntityManagerHolder;

import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;

import dev.springlit.Page;
import dev.springlit.St;
import dev.springlit.StreamlitPage;
import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.autoconfigure.run.RunInterceptorAutoConfiguration;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Which of Springlit's run interceptors are installed: JPA's only with JPA, an EntityManagerFactory and
 * {@code spring.jpa.open-in-view} not off; the observation only with Micrometer and an ObservationRegistry.
 */
class RunInterceptorAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(
                    org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration.class,
                    org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration.class,
                    SpringlitAutoConfiguration.class, RunInterceptorAutoConfiguration.class))
            .withPropertyValues("spring.datasource.url=jdbc:h2:mem:backoff;DB_CLOSE_DELAY=-1")
            .withUserConfiguration(OnePage.class, Observations.class);

    @StreamlitPage(path = "/")
    static class OnePage implements Page {
        @Override
        public void render(St st) {
            st.write("hello");
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Observations {
        @Bean
        ObservationRegistry observationRegistry() {
            return TestObservationRegistry.create();
        }
    }

    private static int interceptors(org.springframework.context.ApplicationContext context) {
        return context.getBean(SpringlitEngine.class).interceptors().size();
    }

    @Test
    void withJpaAndObservationsAllThreeAreInstalled() {
        runner.run(context -> {
            assertThat(context).hasSingleBean(EntityManagerFactory.class);
            assertThat(context).hasBean("springlitJpaRunInterceptor").hasBean("springlitObservationRunInterceptor")
                    .hasBean("springlitMdcRunInterceptor");
            assertThat(interceptors(context)).isEqualTo(3);
        });
    }

    @Test
    void openInViewOffLeavesRunsWithoutAnEntityManager() {
        runner.withPropertyValues("spring.jpa.open-in-view=false").run(context -> {
            assertThat(context).hasSingleBean(EntityManagerFactory.class).doesNotHaveBean("springlitJpaRunInterceptor");
            assertThat(interceptors(context)).isEqualTo(2);
        });
    }

    @Test
    void withoutSpringOrmTheJpaInterceptorBacksOff() {
        runner.withClassLoader(new FilteredClassLoader(EntityManagerHolder.class)).run(context -> {
            assertThat(context).doesNotHaveBean("springlitJpaRunInterceptor").hasBean("springlitMdcRunInterceptor");
        });
    }

    @Test
    void withoutMicrometerObservationTheObservationInterceptorBacksOff() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class,
                        RunInterceptorAutoConfiguration.class))
                .withUserConfiguration(OnePage.class)
                .withClassLoader(new FilteredClassLoader(ObservationRegistry.class, EntityManagerFactory.class))
                .run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean("springlitObservationRunInterceptor")
                            .doesNotHaveBean("springlitJpaRunInterceptor").hasBean("springlitMdcRunInterceptor");
                    assertThat(interceptors(context)).isEqualTo(1);
                });
    }

    @Test
    void withoutAnObservationRegistryThereIsNoObservationInterceptor() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class,
                        RunInterceptorAutoConfiguration.class))
                .withUserConfiguration(OnePage.class)
                .run(context -> assertThat(context).doesNotHaveBean("springlitObservationRunInterceptor"));
    }
}
