package dev.springlit.demo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.Bean;

/** The Streamlit session-state guide's examples, written with Springlit. */
@SpringBootApplication
@EnableCaching
public class DemoApplication {

    /** Streamlit's cache_data, the Spring way: an in-memory cache for {@code @Cacheable} service methods. */
    @Bean
    CacheManager cacheManager() {
        return new ConcurrentMapCacheManager("sales");
    }

    public static void main(String[] args) {
        SpringApplication.run(DemoApplication.class, args);
    }
}
