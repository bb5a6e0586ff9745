package dev.springlit.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.CustomScopeConfigurer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.security.web.access.WebInvocationPrivilegeEvaluator;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.Page;
import dev.springlit.SessionState;
import dev.springlit.StreamlitPage;
import dev.springlit.StreamlitSessionScope;
import dev.springlit.runtime.scope.CurrentSessionState;
import dev.springlit.runtime.page.PageDescriptor;
import dev.springlit.runtime.page.PageRegistry;
import dev.springlit.runtime.run.RunLimits;
import dev.springlit.runtime.run.RuntimeSettings;
import dev.springlit.runtime.scope.SessionBeanScope;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.store.SessionStore;

/**
 * The page runtime: finds every {@link StreamlitPage} bean, provides the injectable {@link SessionState} and
 * the {@code @StreamlitSessionScope} scope, and runs sessions. Needs no web server (the page tester uses it
 * alone); {@link SpringlitWebAutoConfiguration} connects it to browsers.
 */
@AutoConfiguration(afterName = "org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration")
@EnableConfigurationProperties(SpringlitProperties.class)
public class SpringlitAutoConfiguration {

    /** Registers the per-tab bean scope; static because it post-processes the bean factory. */
    @Bean
    static CustomScopeConfigurer springlitSessionScopeConfigurer() {
        CustomScopeConfigurer configurer = new CustomScopeConfigurer();
        configurer.addScope(StreamlitSessionScope.NAME, new SessionBeanScope());
        return configurer;
    }

    @Bean
    @ConditionalOnMissingBean
    PageRegistry springlitPageRegistry(ListableBeanFactory beans) {
        List<PageDescriptor> pages = new ArrayList<>();
        for (String name : beans.getBeanNamesForAnnotation(StreamlitPage.class)) {
            StreamlitPage annotation = beans.findAnnotationOnBean(name, StreamlitPage.class);
            Object bean = beans.getBean(name);
            if (!(bean instanceof Page page)) {
                throw new IllegalStateException("The bean '" + name + "' is annotated with @StreamlitPage but does not "
                        + "implement dev.springlit.Page; add 'implements Page' and a render(St st) method.");
            }
            String title = annotation.title().isEmpty() ? titleFromClass(beans.getType(name)) : annotation.title();
            pages.add(new PageDescriptor(annotation.path(), title, annotation.icon(), annotation.order(), name, page,
                    annotation.section(), annotation.hidden()));
        }
        return new PageRegistry(pages);
    }

    /** {@code SalesDashboardPage} becomes "Sales Dashboard". */
    static String titleFromClass(Class<?> type) {
        Class<?> user = type;
        while (user != null && user.getName().contains("$$")) {
            user = user.getSuperclass();
        }
        String name = user == null ? "Page" : user.getSimpleName();
        if (name.endsWith("Page") && name.length() > 4) {
            name = name.substring(0, name.length() - 4);
        }
        return name.replaceAll("(?<=[a-z0-9])(?=[A-Z])", " ");
    }

    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    SpringlitEngine springlitEngine(PageRegistry pages, SpringlitProperties properties,
                                    ObjectProvider<JsonMapper> jsonMapper, Environment environment,
                                    ObjectProvider<SessionStore> stores,
                                    ObjectProvider<dev.springlit.runtime.run.FragmentScheduler> fragmentSchedulers) {
        RuntimeSettings settings = RuntimeSettings.builder()
                .enforceSerializableSessionState(properties.getRunner().isEnforceSerializableSessionState()
                        || SharedStoreNotice.impliesSerializable(stores.getIfAvailable()))
                .showErrorDetails(properties.getClient().isShowErrorDetails())
                .widgetStateDuplicationWarning(properties.getClient().isWidgetStateDuplicationWarning())
                .disconnectedSessionTtl(properties.getServer().getDisconnectedSessionTtl())
                .maxSessions(properties.getServer().getMaxSessions())
                // Spring Boot's own switch for virtual threads decides for page runs too
                .virtualThreads(environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false))
                .fragmentScheduler(fragmentSchedulers.getIfAvailable()) // null: the engine's own timer thread
                .build();
        SpringlitProperties.Runner runner = properties.getRunner();
        RunLimits limits = new RunLimits(runner.getMaxThreads(), runner.getMaxRunTime(), runner.getInterruptGrace(),
                runner.getMaxAbandonedRunsPerPage());
        SpringlitEngine engine = new SpringlitEngine(pages, settings,
                jsonMapper.getIfAvailable(() -> JsonMapper.builder().build()), limits);
        if (runner.getMaxSessionStateSize() != null) {
            engine.setMaxSessionStateSize(runner.getMaxSessionStateSize().toBytes());
        }
        engine.sessions().setMaxSessionsPerAddress(properties.getServer().getMaxSessionsPerAddress());
        engine.sessions().setUntouchedSessionTtl(properties.getServer().getUntouchedSessionTtl());
        return engine;
    }

    /** Micrometer meters when Micrometer is present (Actuator binds every MeterBinder to its registries). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(name = "io.micrometer.core.instrument.binder.MeterBinder")
    static class MetricsConfiguration {

        @Bean
        @ConditionalOnMissingBean
        SpringlitMetrics springlitMetrics(SpringlitEngine engine) {
            return new SpringlitMetrics(engine);
        }
    }

    /** Actuator's health endpoint gets a "springlit" contribution when Spring Boot's health support is present. */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(
            name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class HealthConfiguration {

        @Bean
        @ConditionalOnMissingBean(name = "springlitHealthIndicator")
        SpringlitHealthIndicator springlitHealthIndicator(SpringlitEngine engine) {
            return new SpringlitHealthIndicator(engine);
        }
    }

    /** With Spring Security: pages follow its rules on their paths, and runs see their user (see SpringSecurityPageAccess). */
    @org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
    @org.springframework.boot.autoconfigure.condition.ConditionalOnClass(
            name = "org.springframework.security.web.access.WebInvocationPrivilegeEvaluator")
    static class SecurityConfiguration {

        @Bean
        SmartInitializingSingleton springlitSecurityAccess(SpringlitEngine engine,
                ObjectProvider<WebInvocationPrivilegeEvaluator> privileges) {
            // after every singleton exists, so Spring Security's evaluator is there whatever the bean order
            return () -> privileges.ifAvailable(evaluator -> {
                engine.setAccess(new SpringSecurityPageAccess(evaluator));
                PageRuleCheck.check(engine.pages(), evaluator); // S12.4: roles and HTTP rules must not contradict
            });
        }
    }

    /** The SessionState pages inject: it always speaks for the tab whose run is executing. */
    @Bean
    SessionState springlitSessionState() {
        return new CurrentSessionState();
    }
}
