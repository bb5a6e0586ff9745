package dev.springlit.demo.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * README's "Fast start" recipe is the one {@link FastStart} measures: a user who copies it gets the launch whose
 * figures the README quotes, not an older one.
 */
class FastStartRecipeTest {

    private static final Path README = Path.of("..", "README.md");

    @Test
    void theReadmeTrainsTheCacheByServingTheFirstPageAsTheMeasuredLaunchDoes() throws IOException {
        String recipe = fastStartSection();
        List<String> trainingLines = recipe.lines().filter(l -> l.contains("-XX:AOTCacheOutput=")).toList();
        assertThat(trainingLines).isNotEmpty()
                .allSatisfy(line -> assertThat(line).doesNotContain("spring.context.exit=onRefresh"));
        assertThat(recipe).contains("until curl").contains("kill %1");
    }

    @Test
    void theReadmeNamesEveryOptionOfTheSmallestMeasuredLaunch() throws IOException {
        String recipe = fastStartSection().replace("\n", " ").replaceAll("\\s+", " ");
        List<String> options = new ArrayList<>(FastStart.SMALL_FOOTPRINT);
        options.addAll(FastStart.SMALLEST);
        options.addAll(FastStart.NO_TRAINING_PROFILES);
        for (String option : options) {
            assertThat(recipe).as("README \"Fast start\" names %s", option).contains(option);
        }
    }

    private static String fastStartSection() throws IOException {
        String readme = Files.readString(README);
        int start = readme.indexOf("**Fast start.**");
        int end = readme.indexOf("**Small footprint.**", start);
        assertThat(start).as("README has a \"Fast start\" paragraph").isNotNegative();
        assertThat(end).as("followed by \"Small footprint\"").isGreaterThan(start);
        return readme.substring(start, end);
    }
}
