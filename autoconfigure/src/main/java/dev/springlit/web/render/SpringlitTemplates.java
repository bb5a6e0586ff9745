package dev.springlit.web.render;

import java.nio.charset.StandardCharsets;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Springlit's own Thymeleaf engine for its shell and element fragments. It is not a bean of a Thymeleaf type,
 * so the application's Thymeleaf setup (prefix, cache, dialects) is neither replaced nor needed.
 */
public final class SpringlitTemplates {

    private final SpringTemplateEngine engine;

    public SpringlitTemplates() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver(SpringlitTemplates.class.getClassLoader());
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(true);
        this.engine = new SpringTemplateEngine();
        this.engine.setTemplateResolver(resolver);
        this.engine.setEnableSpringELCompiler(true);
    }

    public ITemplateEngine engine() {
        return engine;
    }
}
