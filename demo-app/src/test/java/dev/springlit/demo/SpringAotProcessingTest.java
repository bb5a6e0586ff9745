package dev.springlit.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplicationAotProcessor;
import org.springframework.context.aot.AbstractAotProcessor;

/**
 * The fast start (README "Fast start") builds the demo with Spring Boot's {@code process-aot}, which refreshes the
 * application at build time and writes its bean definitions as code. This runs the same processor on the demo, so
 * a bean Spring AOT cannot write as code (an instance supplier, a bean registered by a lambda) fails here, in the
 * ordinary build, rather than only in the benchmark's. That the generated code then serves pages is checked by the
 * benchmark against the AOT-processed jar (docs/benchmark.md, "Checked under Spring AOT").
 */
class SpringAotProcessingTest {

    @Test
    void theDemoWithSpringlitsAutoConfigurationIsProcessedAheadOfTimeWithEveryPageAsABean(@TempDir Path out)
            throws IOException {
        AbstractAotProcessor.Settings settings = AbstractAotProcessor.Settings.builder()
                .sourceOutput(out.resolve("sources")).resourceOutput(out.resolve("resources"))
                .classOutput(out.resolve("classes")).groupId("dev.springlit").artifactId("springlit-demo-app").build();

        new SpringApplicationAotProcessor(DemoApplication.class, settings, new String[0]).process();

        List<String> generated = sources(out.resolve("sources"));
        assertThat(generated).contains(
                "dev/springlit/demo/DemoApplication__ApplicationContextInitializer.java",
                "dev/springlit/demo/CounterPage__BeanDefinitions.java",
                "dev/springlit/demo/DashboardPage__BeanDefinitions.java");
        assertThat(generated).anyMatch(f -> f.startsWith("dev/springlit/autoconfigure/SpringlitAutoConfiguration__"));
        assertThat(generated).anyMatch(f -> f.startsWith("dev/springlit/autoconfigure/SpringlitWebAutoConfiguration__"));
    }

    private static List<String> sources(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/')).toList();
        }
    }
}
