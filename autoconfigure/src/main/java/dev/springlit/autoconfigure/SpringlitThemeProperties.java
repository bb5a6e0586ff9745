package dev.springlit.autoconfigure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * The app's colours and type, under {@code streamlit.theme.*}, as Streamlit's {@code [theme]} section:
 * {@code streamlit.theme.primary-color: "#1f77b4"}. Colours are CSS colours ({@code #rrggbb}, {@code rgb(...)}
 * or a name). The top-level colours are those of the {@code base} scheme; {@code light.*} and {@code dark.*}
 * set each scheme's own, which the user switches between in the app menu.
 */
@ConfigurationProperties(prefix = "streamlit.theme")
public class SpringlitThemeProperties {

    /** The scheme the app starts in unless the user chose one: {@code light} or {@code dark}; empty: the system's. */
    private String base = "";

    /** The accent colour of buttons, sliders, links and focus rings. */
    private String primaryColor = "";

    /** The page's background colour (in the base scheme). */
    private String backgroundColor = "";

    /** The sidebar's and code blocks' background colour (in the base scheme). */
    private String secondaryBackgroundColor = "";

    /** The text colour (in the base scheme). */
    private String textColor = "";

    /** The font: {@code sans-serif}, {@code serif} or {@code monospace}; empty: Springlit's sans-serif. */
    private String font = "";

    /**
     * How round corners are: {@code none}, {@code small}, {@code medium}, {@code large}, {@code full}, or a CSS
     * length such as {@code 6px} or {@code 0.5rem}; empty: Springlit's.
     */
    private String borderRadius = "";

    /** The light scheme's own colours. */
    @NestedConfigurationProperty
    private final Scheme light = new Scheme();

    /** The dark scheme's own colours. */
    @NestedConfigurationProperty
    private final Scheme dark = new Scheme();

    /** One scheme's colours (empty: the base or Springlit's). */
    public static class Scheme {

        /** The accent colour in this scheme. */
        private String primaryColor = "";

        /** The page's background colour in this scheme. */
        private String backgroundColor = "";

        /** The sidebar's and code blocks' background colour in this scheme. */
        private String secondaryBackgroundColor = "";

        /** The text colour in this scheme. */
        private String textColor = "";

        public String getPrimaryColor() {
            return primaryColor;
        }

        public void setPrimaryColor(String primaryColor) {
            this.primaryColor = primaryColor;
        }

        public String getBackgroundColor() {
            return backgroundColor;
        }

        public void setBackgroundColor(String backgroundColor) {
            this.backgroundColor = backgroundColor;
        }

        public String getSecondaryBackgroundColor() {
            return secondaryBackgroundColor;
        }

        public void setSecondaryBackgroundColor(String secondaryBackgroundColor) {
            this.secondaryBackgroundColor = secondaryBackgroundColor;
        }

        public String getTextColor() {
            return textColor;
        }

        public void setTextColor(String textColor) {
            this.textColor = textColor;
        }
    }

    public String getBase() {
        return base;
    }

    public void setBase(String base) {
        this.base = base;
    }

    public String getPrimaryColor() {
        return primaryColor;
    }

    public void setPrimaryColor(String primaryColor) {
        this.primaryColor = primaryColor;
    }

    public String getBackgroundColor() {
        return backgroundColor;
    }

    public void setBackgroundColor(String backgroundColor) {
        this.backgroundColor = backgroundColor;
    }

    public String getSecondaryBackgroundColor() {
        return secondaryBackgroundColor;
    }

    public void setSecondaryBackgroundColor(String secondaryBackgroundColor) {
        this.secondaryBackgroundColor = secondaryBackgroundColor;
    }

    public String getTextColor() {
        return textColor;
    }

    public void setTextColor(String textColor) {
        this.textColor = textColor;
    }

    public String getFont() {
        return font;
    }

    public void setFont(String font) {
        this.font = font;
    }

    public String getBorderRadius() {
        return borderRadius;
    }

    public void setBorderRadius(String borderRadius) {
        this.borderRadius = borderRadius;
    }

    public Scheme getLight() {
        return light;
    }

    public Scheme getDark() {
        return dark;
    }
}
