package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.data.redis.connection.RedisConnectionFactory;

import dev.springlit.test.AutoConfigurePageTester;

/** The demo starts no Redis client unless its sessions go to Redis (startup cost, see RedisOnlyForTheRedisStore). */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@AutoConfigurePageTester
class RedisOnlyForTheRedisStoreTest {

    @Autowired
    ApplicationContext context;

    @Test
    void theDemoWithTheMemoryStoreHasNoRedisClient() {
        assertThat(context.getBeanNamesForType(RedisConnectionFactory.class)).isEmpty();
    }

    @Test
    void theRedisStoreKeepsSpringBootsRedisConfigurationAndOtherExclusionsAreKept() {
        StandardEnvironment redis = environment(Map.of("streamlit.session.store", "redis"));
        new RedisOnlyForTheRedisStore().postProcessEnvironment(redis, null);
        assertThat(redis.getProperty("spring.autoconfigure.exclude")).isNull();

        StandardEnvironment memory = environment(Map.of("spring.autoconfigure.exclude", "com.example.Mine"));
        new RedisOnlyForTheRedisStore().postProcessEnvironment(memory, null);
        assertThat(memory.getProperty("spring.autoconfigure.exclude").split(","))
                .startsWith("com.example.Mine")
                .containsAll(RedisOnlyForTheRedisStore.REDIS_AUTO_CONFIGURATION);
    }

    private static StandardEnvironment environment(Map<String, Object> properties) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test", properties));
        return environment;
    }
}
