package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.springlit.autoconfigure.SessionStoreAutoConfiguration;
import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.runtime.session.SessionPersistence;
import dev.springlit.runtime.SpringlitEngine;
import example.shop.Cart;

@Timeout(120)
class SessionStoreAutoConfigurationTest {

    @RegisterExtension
    static final RedisServerExtension redis = new RedisServerExtension();

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                    SessionStoreAutoConfiguration.class));

    private final ApplicationContextRunner enabled = runner;

    @Test
    void S9_1_theMemoryStoreIsTheDefault() {
        enabled.run(context -> {
            assertThat(context).hasSingleBean(SnapshotCodec.class);
            assertThat(context).getBean(SessionStore.class).isInstanceOf(MemorySessionStore.class);
        });
    }

    @Test
    void S9_1_redisUsesSpringBootsRedisConnectionSettings() {
        enabled.withPropertyValues("streamlit.session.store=redis", "spring.data.redis.host=127.0.0.1",
                "spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=2s").run(context -> {
            SessionStore store = context.getBean(SessionStore.class);
            assertThat(store).isInstanceOf(RedisSessionStore.class);
            SnapshotCodec codec = context.getBean(SnapshotCodec.class);
            String id = "auto-configured-" + System.nanoTime();
            StoredSession claimed = store.claim(id, "node-a", Duration.ofMinutes(1));
            byte[] bytes = codec.encode(SessionSnapshot.empty("/counter"));
            assertThat(store.commit(claimed.next(0, bytes), Duration.ofMinutes(1))).isTrue();
            assertThat(codec.decode(store.load(id).orElseThrow().snapshot()).pagePath()).isEqualTo("/counter");
        });
    }

    @Test
    void withoutSpringDataRedisTheMemoryStoreStillStarts() {
        enabled.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class)).run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).getBean(SessionStore.class).isInstanceOf(MemorySessionStore.class);
        });
    }

    @Test
    void redisWithoutSpringDataRedisFailsAtStartupSayingWhatToAdd() {
        enabled.withClassLoader(new FilteredClassLoader(RedisConnectionFactory.class))
                .withPropertyValues("streamlit.session.store=redis").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(context.getStartupFailure()).rootCause()
                            .hasMessageContaining("streamlit.session.store=redis needs Spring Data Redis")
                            .hasMessageContaining("spring-boot-starter-data-redis");
                });
    }

    @Test
    void redisWithoutBootsRedisConnectionFailsAtStartup() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SessionStoreAutoConfiguration.class))
                .withPropertyValues("streamlit.session.store=redis")
                .run(context -> assertThat(context.getStartupFailure()).rootCause()
                        .hasMessageContaining("no RedisConnectionFactory bean"));
    }

    @Test
    void anUnknownStoreFailsAtStartupNamingTheChoices() {
        enabled.withPropertyValues("streamlit.session.store=jdbc").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("streamlit.session.store is 'memory' or 'redis', not 'jdbc'");
        });
    }

    @Test
    void anApplicationsOwnStoreReplacesOurs() {
        MemorySessionStore own = new MemorySessionStore();
        enabled.withPropertyValues("streamlit.session.store=jdbc")
                .withBean("myStore", SessionStore.class, () -> own)
                .run(context -> assertThat(context).hasNotFailed().getBean(SessionStore.class).isSameAs(own));
    }

    @Test
    void S9_5_aSharedStoreImpliesEnforceSerializableAndTheEngineCommitsToIt() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class,
                        SpringlitAutoConfiguration.class, SessionStoreAutoConfiguration.class))
                .withPropertyValues("streamlit.session.store=redis", "spring.data.redis.host=127.0.0.1",
                        "spring.data.redis.port=" + redis.port(), "spring.data.redis.timeout=2s")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    SpringlitEngine engine = context.getBean(SpringlitEngine.class);
                    assertThat(engine.settings().enforceSerializableSessionState()).isTrue();
                    assertThat(context.getBean(SessionPersistence.class).isShared()).isTrue();
                });
    }

    @Test
    void S9_8_theDefaultMemoryStoreIsOneForTheWholeJvmAndWrittenOnlyWhenTheApplicationStops() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class,
                        SessionStoreAutoConfiguration.class))
                .run(context -> {
                    SpringlitEngine engine = context.getBean(SpringlitEngine.class);
                    assertThat(engine.settings().enforceSerializableSessionState()).as("today's default").isFalse();
                    assertThat(context.getBean(SessionPersistence.class).isShared()).isFalse();
                    assertThat(context.getBean(SessionStore.class).isShared()).isFalse();
                });
    }

    @Test
    void S9_7_anApplicationStoppedAndStartedAgainWelcomesTabsAgain() {
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(SpringlitAutoConfiguration.class,
                        SessionStoreAutoConfiguration.class))
                .run(context -> {
                    SpringlitEngine engine = context.getBean(SpringlitEngine.class);
                    context.stop();
                    assertThat(engine.isLeaving()).as("stopped: tabs go to another node").isTrue();
                    context.start();
                    assertThat(engine.isLeaving()).as("started again: tabs are welcome").isFalse();
                });
    }

    @Test
    void S9_5_allowedPackagesExtendTheAllowList() {
        enabled.withPropertyValues("streamlit.session.allowed-packages=example.shop,com.example.other").run(context -> {
            SnapshotCodec codec = context.getBean(SnapshotCodec.class);
            SessionSnapshot withCart = new SessionSnapshot(Map.of("cart", new Cart(List.of("pear"))), Map.of(),
                    Map.of(), "/", "", 1);
            assertThat(codec.decode(codec.encode(withCart)).values()).containsEntry("cart", new Cart(List.of("pear")));
        });
    }

    @Test
    void S9_5_anAllowedPackageThatWouldOpenTheJdkFailsAtStartup() {
        enabled.withPropertyValues("streamlit.session.allowed-packages=java.util").run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).rootCause()
                    .hasMessageContaining("streamlit.session.allowed-packages: The package 'java.util' cannot be "
                            + "allowed");
        });
    }
}
