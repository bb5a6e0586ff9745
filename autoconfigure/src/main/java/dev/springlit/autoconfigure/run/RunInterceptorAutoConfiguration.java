package dev.springlit.autoconfigure.run;

import jakarta.persistence.EntityManagerFactory;

import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import dev.springlit.RunInterceptor;
import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.runtime.run.RunInterceptors;
import dev.springlit.runtime.SpringlitEngine;

/**
 * Hands every {@link RunInterceptor} bean, in {@code @Order}, to the engine, and declares Springlit's own: the
 * observation outermost, then the MDC, then JPA's open-in-view; an application's interceptors (unordered) inside
 * them.
 */
@AutoConfiguration(after = SpringlitAutoConfiguration.class, afterName = {
        "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
        "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration"})
@ConditionalOnBean(SpringlitEngine.class)
public class RunInterceptorAutoConfiguration {

    static final int OBSERVATION_ORDER = Ordered.HIGHEST_PRECEDENCE + 100;
    static final int MDC_ORDER = OBSERVATION_ORDER + 100;
    static final int JPA_ORDER = MDC_ORDER + 100;

    @Bean
    SmartInitializingSingleton springlitRunInterceptors(SpringlitEngine engine,
                                                       ObjectProvider<RunInterceptor> interceptors) {
        return () -> engine.setInterceptors(new RunInterceptors(interceptors.orderedStream().toList()));
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.slf4j.MDC")
    static class Mdc {

        @Bean
        @Order(MDC_ORDER)
        RunInterceptor springlitMdcRunInterceptor() {
            return new MdcRunInterceptor();
        }
    }

    /** With Micrometer's ObservationRegistry (Boot's, with Actuator), each run is an observation. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(ObservationRegistry.class)
    static class Observations {

        @Bean
        @Order(OBSERVATION_ORDER)
        @ConditionalOnSingleCandidate(ObservationRegistry.class)
        RunInterceptor springlitObservationRunInterceptor(ObservationRegistry registry) {
            return new ObservationRunInterceptor(registry);
        }
    }

    /** With JPA and {@code spring.jpa.open-in-view} on (Boot's default), runs get an EntityManager as views do. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({EntityManagerFactory.class, org.springframework.orm.jpa.EntityManagerHolder.class})
    @ConditionalOnBooleanProperty(name = "spring.jpa.open-in-view", matchIfMissing = true)
    static class Jpa {

        @Bean
        @Order(JPA_ORDER)
        @ConditionalOnSingleCandidate(EntityManagerFactory.class)
        RunInterceptor springlitJpaRunInterceptor(EntityManagerFactory entityManagerFactory) {
            return new JpaRunInterceptor(entityManagerFactory);
        }
    }
}
