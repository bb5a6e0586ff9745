package dev.springlit.web.render;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The stylesheet of the app's theme ({@code streamlit.theme.*}): Springlit's CSS variables set to the app's
 * colours, font and corner radius, for the light and the dark scheme. Served as a file, never inline, so the
 * strict Content-Security-Policy holds. Values are checked when the app starts: a value that is not a colour
 * (or a length) fails startup naming the property, and nothing from it can end the CSS rule it goes into.
 */
public final class ThemeStylesheet {

    private static final Pattern COLOUR = Pattern.compile(
            "#[0-9a-fA-F]{3,8}|(rgb|rgba|hsl|hsla)\\(\\s*[0-9.,%/\\s-]+\\)|[a-zA-Z]{3,30}");
    private static final Pattern LENGTH = Pattern.compile("\\d{1,3}(\\.\\d{1,3})?(px|rem|em)|0");
    private static final Map<String, String> RADII = Map.of("none", "0", "small", "0.35rem", "medium", "0.5rem",
            "large", "1rem", "full", "1.4rem");
    private static final Map<String, String> FONTS = Map.of(
            "sans-serif", "\"Source Sans Pro\", system-ui, -apple-system, \"Segoe UI\", Roboto, sans-serif",
            "serif", "\"Source Serif Pro\", \"Source Serif 4\", Georgia, \"Times New Roman\", serif",
            "monospace", "\"Source Code Pro\", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace");

    /** One scheme's colours; an empty or null value leaves Springlit's. */
    public record Colours(String primary, String background, String secondaryBackground, String text) {

        public static final Colours NONE = new Colours(null, null, null, null);

        /** Checked colours, each named {@code prefix + "primary-color"} and so on in errors. */
        public static Colours of(String prefix, String primary, String background, String secondaryBackground,
                                 String text) {
            return new Colours(colour(prefix + "primary-color", primary), colour(prefix + "background-color", background),
                    colour(prefix + "secondary-background-color", secondaryBackground),
                    colour(prefix + "text-color", text));
        }

        /** {@code this}, with {@code over}'s colours where it has some. */
        Colours under(Colours over) {
            return new Colours(over.primary != null ? over.primary : primary,
                    over.background != null ? over.background : background,
                    over.secondaryBackground != null ? over.secondaryBackground : secondaryBackground,
                    over.text != null ? over.text : text);
        }

        boolean isEmpty() {
            return primary == null && background == null && secondaryBackground == null && text == null;
        }
    }

    private ThemeStylesheet() {
    }

    /** A checked base: "light", "dark" or null (the system's). */
    public static String base(String base) {
        if (base == null || base.isBlank()) {
            return null;
        }
        String value = base.strip().toLowerCase(Locale.ROOT);
        if (!value.equals("light") && !value.equals("dark")) {
            throw new IllegalArgumentException("streamlit.theme.base must be light or dark, not \"" + base + "\".");
        }
        return value;
    }

    /**
     * The stylesheet, or {@code null} when nothing is themed. {@code general} are the colours of {@code base}
     * (light when null) except the primary colour, which both schemes take unless they set their own.
     */
    public static String css(String base, String font, String borderRadius, Colours general, Colours light,
                             Colours dark) {
        String fontFamily = font(font);
        String radius = radius(borderRadius);
        boolean baseDark = "dark".equals(base);
        Colours shared = new Colours(general.primary, null, null, null);
        Colours lightColours = (baseDark ? shared : general).under(light);
        Colours darkColours = (baseDark ? general : shared).under(dark);
        if (fontFamily == null && radius == null && lightColours.isEmpty() && darkColours.isEmpty()) {
            return null;
        }
        StringBuilder css = new StringBuilder("/* The app's theme: streamlit.theme.* */\n");
        Map<String, String> common = new LinkedHashMap<>();
        if (fontFamily != null) {
            common.put("--sl-font", fontFamily);
        }
        if (radius != null) {
            common.put("--sl-radius", radius);
        }
        rule(css, ":root", common);
        rule(css, ":root", variables(lightColours, false));
        Map<String, String> darkVariables = variables(darkColours, true);
        if (!darkVariables.isEmpty()) {
            css.append("@media (prefers-color-scheme: dark) {\n");
            rule(css, ":root:not([data-sl-theme=\"light\"])", darkVariables);
            css.append("}\n");
            rule(css, ":root[data-sl-theme=\"dark\"]", darkVariables);
        }
        return css.toString();
    }

    private static Map<String, String> variables(Colours colours, boolean dark) {
        Map<String, String> vars = new LinkedHashMap<>();
        if (colours.primary != null) {
            vars.put("--sl-primary", colours.primary);
            vars.put("--sl-primary-hover", colours.primary);
            vars.put("--sl-primary-focus", "color-mix(in srgb, " + colours.primary + " 50%, transparent)");
            vars.put("--sl-option-selected", "color-mix(in srgb, " + colours.primary + (dark ? " 25%" : " 12%")
                    + ", transparent)");
        }
        if (colours.background != null) {
            vars.put("--sl-bg", colours.background);
            vars.put("--sl-button-bg", colours.background);
            if (!dark) {
                vars.put("--sl-input-bg", colours.background);
            }
        }
        if (colours.secondaryBackground != null) {
            vars.put("--sl-sidebar-bg", colours.secondaryBackground);
            vars.put("--sl-code-bg", colours.secondaryBackground);
            if (dark) {
                vars.put("--sl-input-bg", colours.secondaryBackground);
            }
        }
        if (colours.text != null) {
            vars.put("--sl-text", colours.text);
            vars.put("--sl-muted", "color-mix(in srgb, " + colours.text + " 60%, transparent)");
            vars.put("--sl-faint", "color-mix(in srgb, " + colours.text + " 40%, transparent)");
            vars.put("--sl-border", "color-mix(in srgb, " + colours.text + " 20%, transparent)");
            vars.put("--sl-border-light", "color-mix(in srgb, " + colours.text + " 10%, transparent)");
            vars.put("--sl-track", "color-mix(in srgb, " + colours.text + " 15%, transparent)");
        }
        return vars;
    }

    private static void rule(StringBuilder css, String selector, Map<String, String> variables) {
        if (variables.isEmpty()) {
            return;
        }
        css.append(selector).append(" {\n");
        variables.forEach((name, value) -> css.append("  ").append(name).append(": ").append(value).append(";\n"));
        css.append("}\n");
    }

    private static String colour(String property, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String colour = value.strip();
        if (!COLOUR.matcher(colour).matches()) {
            throw new IllegalArgumentException(property + " must be a CSS colour (#rrggbb, rgb(...), hsl(...) or a "
                    + "colour name), not \"" + value + "\".");
        }
        return colour;
    }

    private static String font(String font) {
        if (font == null || font.isBlank()) {
            return null;
        }
        String family = FONTS.get(font.strip().toLowerCase(Locale.ROOT).replace(' ', '-'));
        if (family == null) {
            throw new IllegalArgumentException("streamlit.theme.font must be sans-serif, serif or monospace, not \""
                    + font + "\".");
        }
        return family;
    }

    private static String radius(String radius) {
        if (radius == null || radius.isBlank()) {
            return null;
        }
        String value = radius.strip().toLowerCase(Locale.ROOT);
        String named = RADII.get(value);
        if (named != null) {
            return named;
        }
        if (!LENGTH.matcher(value).matches()) {
            throw new IllegalArgumentException("streamlit.theme.border-radius must be none, small, medium, large, full "
                    + "or a length such as 6px or 0.5rem, not \"" + radius + "\".");
        }
        return value;
    }
}
