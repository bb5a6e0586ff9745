package dev.springlit.web.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import dev.springlit.web.render.ThemeStylesheet.Colours;

/** streamlit.theme.* as a stylesheet: light and dark variables, and values that cannot break out of CSS. */
class ThemeStylesheetTest {

    private static Colours colours(String prefix, String primary, String background, String secondary, String text) {
        return Colours.of(prefix, primary, background, secondary, text);
    }

    @Test
    void nothingThemedMeansNoStylesheet() {
        assertThat(ThemeStylesheet.css(null, "", "", Colours.NONE, Colours.NONE, Colours.NONE)).isNull();
    }

    @Test
    void theBaseColoursGoToTheBaseSchemeAndThePrimaryColourToBoth() {
        String css = ThemeStylesheet.css("dark", "monospace", "6px",
                colours("streamlit.theme.", "#1f77b4", "#000000", "#111111", "#eeeeee"),
                colours("streamlit.theme.light.", null, "#ffffff", null, null), Colours.NONE);
        assertThat(css).contains("--sl-font: \"Source Code Pro\"", "--sl-radius: 6px;");
        String light = css.substring(0, css.indexOf("@media"));
        assertThat(light).contains("--sl-primary: #1f77b4;", "--sl-bg: #ffffff;").doesNotContain("#000000");
        String dark = css.substring(css.indexOf(":root[data-sl-theme=\"dark\"]"));
        assertThat(dark).contains("--sl-bg: #000000;", "--sl-sidebar-bg: #111111;", "--sl-text: #eeeeee;",
                "--sl-primary: #1f77b4;");
        assertThat(css).contains("@media (prefers-color-scheme: dark) {\n:root:not([data-sl-theme=\"light\"]) {");
    }

    @Test
    void aValueThatIsNotAColourFailsNamingTheProperty() {
        assertThatThrownBy(() -> colours("streamlit.theme.", "red; } body { display: none", null, null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("streamlit.theme.primary-color must be a CSS colour");
        assertThatThrownBy(() -> ThemeStylesheet.css(null, "comic", "", Colours.NONE, Colours.NONE, Colours.NONE))
                .hasMessageContaining("streamlit.theme.font");
        assertThatThrownBy(() -> ThemeStylesheet.css(null, "", "1px}", Colours.NONE, Colours.NONE, Colours.NONE))
                .hasMessageContaining("streamlit.theme.border-radius");
        assertThatThrownBy(() -> ThemeStylesheet.base("sepia")).hasMessageContaining("light or dark");
        assertThat(colours("p.", "rgb(1, 2, 3)", "hsl(120 50% 50%)", "rebeccapurple", "#abc").background())
                .isEqualTo("hsl(120 50% 50%)");
    }
}
