package dev.springlit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Scope;
import org.springframework.context.annotation.ScopedProxyMode;
import org.springframework.core.annotation.AliasFor;

/**
 * Gives a bean one instance per browser tab (Springlit session), like {@link SessionState} itself.
 * The bean is injected into singletons through a proxy; its destruction callbacks run when the session
 * expires.
 *
 * <pre>{@code
 * @Component
 * @StreamlitSessionScope
 * class ShoppingCart { final List<String> items = new ArrayList<>(); }
 * }</pre>
 *
 * Using the bean outside a page run throws an {@link IllegalStateException}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Scope(StreamlitSessionScope.NAME)
public @interface StreamlitSessionScope {

    /** The scope's name in the bean factory. */
    String NAME = "streamlitSession";

    /** How the bean is proxied; class-based by default so any bean type can be injected. */
    @AliasFor(annotation = Scope.class)
    ScopedProxyMode proxyMode() default ScopedProxyMode.TARGET_CLASS;
}
