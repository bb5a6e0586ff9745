package dev.springlit.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * The demo carries Spring Data Redis for {@code streamlit.session.store=redis} (its cluster runs), and uses Redis
 * for nothing else. Spring Boot configures a Redis client whenever the library is present, though: with the default
 * in-memory store that was 1,400 loaded classes (Lettuce, Netty, Reactor, Spring Data), 1.9 s of CPU and 14 MB of
 * RSS at every start, for a connection nobody opens. So the demo leaves Boot's Redis auto-configuration out unless
 * the Redis store is chosen. An application that uses Redis for more than the session store keeps it, of course.
 */
public class RedisOnlyForTheRedisStore implements EnvironmentPostProcessor {

    static final List<String> REDIS_AUTO_CONFIGURATION = List.of(
            "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisReactiveAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.DataRedisRepositoriesAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.health.DataRedisReactiveHealthContributorAutoConfiguration",
            "org.springframework.boot.data.redis.autoconfigure.observation.LettuceObservationAutoConfiguration");
    private static final String EXCLUDE = "spring.autoconfigure.exclude";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("redis".equals(environment.getProperty("streamlit.session.store"))) {
            return;
        }
        Binder binder = Binder.get(environment);
        List<String> excluded = new ArrayList<>(binder.bind(EXCLUDE, Bindable.listOf(String.class)).orElse(List.of()));
        excluded.addAll(REDIS_AUTO_CONFIGURATION);
        // first, so that it wins over an exclusion list set elsewhere, which it includes
        environment.getPropertySources().addFirst(new MapPropertySource("demoRedisOnlyForTheRedisStore",
                Map.of(EXCLUDE, String.join(",", excluded))));
    }
}
