package dev.springlit.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;

import dev.springlit.runtime.SpringlitEngine;

/**
 * S9.8: the application restarts in the same JVM with a new class loader for its own classes, as a DevTools restart
 * does (Springlit's classes stay in the base loader); every tab finds its state, values of the application's classes
 * read again with the new loader.
 */
@Timeout(120)
class RestartKeepsStateTest {

    @Test
    void S9_8_aRestartWithANewClassLoaderKeepsEveryTabsState() throws Exception {
        String id;
        RestartLoader first = new RestartLoader();
        try (ConfigurableApplicationContext context = start(first)) {
            ClusterTab tab = ClusterTab.open(context.getBean(SpringlitEngine.class), null);
            tab.click("Add", 1);
            tab.click("Add", 2);
            assertThat(tab.texts()).containsExactly("notes=2");
            id = tab.session.id();
        }

        RestartLoader second = new RestartLoader();
        try (ConfigurableApplicationContext context = start(second)) {
            ClusterTab tab = ClusterTab.open(context.getBean(SpringlitEngine.class), id);

            assertThat(tab.session.id()).isEqualTo(id);
            assertThat(tab.texts()).containsExactly("notes=2");
            List<?> notes = (List<?>) dev.springlit.runtime.session.CommittedState.of(tab.session).values().get("notes");
            assertThat(notes).hasSize(2).allSatisfy(note -> assertThat(note.getClass().getClassLoader())
                    .as("read with the new loader").isSameAs(second));
            tab.click("Add", 3);
            assertThat(tab.texts()).containsExactly("notes=3");
        }
    }

    private static ConfigurableApplicationContext start(RestartLoader loader) throws ClassNotFoundException {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return new SpringApplicationBuilder(loader.loadClass("example.restart.RestartApp"))
                    .resourceLoader(new DefaultResourceLoader(loader))
                    .web(WebApplicationType.NONE)
                    .properties("streamlit.session.allowed-packages=example.restart", "spring.main.banner-mode=off")
                    .run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    /** Loads the application's package itself (child first), everything else from its parent, as DevTools does. */
    private static final class RestartLoader extends ClassLoader {

        private static final String APPLICATION = "example.restart.";

        RestartLoader() {
            super("restart", RestartKeepsStateTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(APPLICATION)) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    String resource = name.replace('.', '/') + ".class";
                    try (InputStream in = getParent().getResourceAsStream(resource)) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
