package dev.springlit.deploy.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import dev.springlit.test.AutoConfigurePageTester;
import dev.springlit.test.PageTester;
import dev.springlit.test.PageTesterFactory;

/** Issue 15: st.json and tables write values with the application's JsonMapper, customisations included. */
@SpringBootTest(classes = ThermometerApp.class)
@AutoConfigurePageTester
class ApplicationJsonMapperTest {

    @Autowired
    PageTesterFactory pages;

    @Test
    void aJacksonModuleOfTheApplicationShowsInStJsonAndInTables() {
        try (PageTester page = pages.create("/").run()) {
            assertThat(page.exceptions()).isEmpty();
            assertThat(page.json(0).value()).contains("\"kitchen\"").contains("\"21.5 °C\"")
                    .doesNotContain("degrees");
            assertThat(page.table(0).rows()).containsExactly(java.util.List.of("hall", "18.0 °C"));
        }
    }
}
