package dev.springlit.test;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import dev.springlit.autoconfigure.SpringlitAutoConfiguration;
import dev.springlit.runtime.SpringlitEngine;

/** Provides the {@link PageTesterFactory}; imported by {@link AutoConfigurePageTester}, never on its own. */
@AutoConfiguration(after = SpringlitAutoConfiguration.class)
public class PageTesterAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PageTesterFactory springlitPageTesterFactory(SpringlitEngine engine) {
        return new PageTesterFactory(engine);
    }
}
