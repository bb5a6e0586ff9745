package dev.springlit.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;

/**
 * Adds a {@link PageTesterFactory} bean to a Spring Boot test, so pages can be tested on the real beans.
 *
 * <pre>{@code
 * @SpringBootTest
 * @AutoConfigurePageTester
 * class DemoPagesTest { @Autowired PageTesterFactory pages; }
 * }</pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ImportAutoConfiguration(PageTesterAutoConfiguration.class)
public @interface AutoConfigurePageTester {
}
