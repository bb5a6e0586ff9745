package dev.springlit.autoconfigure;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

import dev.springlit.runtime.session.SessionPersistence;
import dev.springlit.runtime.SpringlitEngine;
import dev.springlit.store.MemorySessionStore;
import dev.springlit.store.RedisSessionStore;
import dev.springlit.store.SessionStore;
import dev.springlit.store.SnapshotCodec;

/**
 * The session store and its snapshot codec: {@code streamlit.session.store} = {@code memory} (default) or
 * {@code redis} through Spring Boot's own Redis connection ({@code spring.data.redis.*}), and
 * {@code streamlit.session.allowed-packages} for the classes stored values may have beyond the JDK's.
 *
 * <p>The engine gets the store through {@link SessionPersistence}: a shared store is committed after every run, the
 * in-process one is written when the application stops (kept for a DevTools restart). A stopping application
 * hands its tabs over first ({@link SessionHandover}).
 */
@AutoConfiguration(after = SpringlitAutoConfiguration.class,
        afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
public class SessionStoreAutoConfiguration {

    static final String STORE = "streamlit.session.store";
    static final String ALLOWED_PACKAGES = "streamlit.session.allowed-packages";

    /** Reads with the context's class loader, which under DevTools is the restart loader of this generation. */
    @Bean
    @ConditionalOnMissingBean
    SnapshotCodec springlitSnapshotCodec(Environment environment, ApplicationContext context) {
        List<String> packages = Binder.get(environment).bind(ALLOWED_PACKAGES, Bindable.listOf(String.class))
                .orElse(List.of());
        try {
            return new SnapshotCodec(context.getClassLoader(), packages);
        } catch (IllegalArgumentException e) {
            // the message says it all; the argument exception would only repeat it as the root cause
            throw new IllegalStateException(ALLOWED_PACKAGES + ": " + e.getMessage());
        }
    }

    /** Connects the engine to the store: what is committed when, and which node this is. */
    @Bean
    @ConditionalOnBean(SpringlitEngine.class)
    SessionPersistence springlitSessionPersistence(SpringlitEngine engine, SessionStore store, SnapshotCodec codec,
                                                   SpringlitProperties properties) {
        Duration ttl = properties.getServer().getDisconnectedSessionTtl();
        SessionPersistence persistence = store.isShared()
                ? SessionPersistence.shared(store, codec, NodeId.of(properties.getSession().getNodeId()), ttl)
                : SessionPersistence.acrossRestarts(store, codec, ttl);
        engine.setPersistence(persistence);
        return persistence;
    }

    /** Before the web server stops (graceful shutdown): save, and send every tab to another node at once (S9.7). */
    @Bean
    @ConditionalOnBean(SpringlitEngine.class)
    SessionHandover springlitSessionHandover(SpringlitEngine engine) {
        return new SessionHandover(engine);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = STORE, havingValue = "memory", matchIfMissing = true)
    static class Memory {

        /** Shared by every application context of this JVM, so that a DevTools restart keeps the tabs' state. */
        @Bean
        @ConditionalOnMissingBean
        SessionStore springlitSessionStore() {
            return MemorySessionStore.jvmWide();
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.data.redis.connection.RedisConnectionFactory")
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class Redis {

        @Bean
        @ConditionalOnMissingBean
        SessionStore springlitSessionStore(
                ObjectProvider<org.springframework.data.redis.connection.RedisConnectionFactory> connections) {
            var connectionFactory = connections.getIfAvailable();
            if (connectionFactory == null) {
                throw new IllegalStateException(STORE + "=redis needs Spring Boot's Redis connection, and there is "
                        + "no RedisConnectionFactory bean: do not exclude DataRedisAutoConfiguration, or define one.");
            }
            return new RedisSessionStore(connectionFactory);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnMissingClass("org.springframework.data.redis.connection.RedisConnectionFactory")
    @ConditionalOnProperty(name = STORE, havingValue = "redis")
    static class RedisMissing {

        @Bean
        @ConditionalOnMissingBean
        SessionStore springlitSessionStore() {
            throw new IllegalStateException(STORE + "=redis needs Spring Data Redis: add the dependency "
                    + "org.springframework.boot:spring-boot-starter-data-redis and point spring.data.redis.* at "
                    + "your Redis.");
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(UnknownStore.class)
    static class Unknown {

        @Bean
        @ConditionalOnMissingBean
        SessionStore springlitSessionStore(Environment environment) {
            throw new IllegalStateException(STORE + " is 'memory' or 'redis', not '"
                    + environment.getProperty(STORE).replaceAll("\\p{Cntrl}", "?") + "'; for another store, "
                    + "define a SessionStore bean.");
        }
    }

    /** {@code streamlit.session.store} has a value this configuration does not know. */
    static final class UnknownStore extends SpringBootCondition {

        private static final Set<String> KNOWN = Set.of("memory", "redis");

        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String store = context.getEnvironment().getProperty(STORE);
            return store != null && !KNOWN.contains(store)
                    ? ConditionOutcome.match("unknown " + STORE)
                    : ConditionOutcome.noMatch(STORE + " is unset or known");
        }
    }
}
