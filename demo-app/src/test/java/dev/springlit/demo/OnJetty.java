package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;

/**
 * What the {@code OnJetty*IT}s share. They run in failsafe's {@code on-jetty} execution (demo-app/pom.xml), whose
 * class path has Boot's Jetty starter instead of Tomcat, as an application that swaps the starters has; there they
 * always run (the execution sets {@code springlit.it.server=jetty}). Picked by hand in the default execution they
 * would find Tomcat, so they are disabled there instead of failing.
 */
final class OnJetty {

    /** Why an {@code OnJetty*IT} is disabled outside its execution. */
    static final String ONLY_IN_ITS_EXECUTION = "runs in failsafe's on-jetty execution (Jetty on the class path)";

    private OnJetty() {
    }

    /** Fails unless the application under test is served by Jetty: the class path swap must have happened. */
    static void assertServedByJetty(ApplicationContext context) {
        assertThat(context).isInstanceOf(WebServerApplicationContext.class);
        String server = ((WebServerApplicationContext) context).getWebServer().getClass().getName();
        assertThat(server).as("the web server of the on-jetty execution").startsWith("org.springframework.boot.jetty.")
                .contains("Jetty");
        assertThat(isPresent("org.apache.catalina.connector.Connector")).as("Tomcat on the class path").isFalse();
    }

    private static boolean isPresent(String className) {
        try {
            Class.forName(className, false, OnJetty.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** The {@code OnJetty*IT}s' condition: set by the on-jetty execution only. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @EnabledIfSystemProperty(named = "springlit.it.server", matches = "jetty", disabledReason = ONLY_IN_ITS_EXECUTION)
    @interface Execution {
    }
}
