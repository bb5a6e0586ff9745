package dev.springlit.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

import dev.springlit.Layout;

/**
 * How the app's pages look around what they draw, under {@code streamlit.ui.*}: what Streamlit sets with
 * {@code st.set_page_config} and {@code st.logo}, for every page at once.
 */
@ConfigurationProperties(prefix = "streamlit.ui")
public class SpringlitUiProperties {

    /**
     * The layout of pages that do not choose one in {@code @StreamlitPage(layout = ...)}: {@code centered} or
     * {@code wide}.
     */
    private Layout layout = Layout.CENTERED;

    /**
     * Whether the sidebar starts open: {@code auto} (open, except on narrow screens such as phones, where it
     * opens with its toggle), {@code expanded} or {@code collapsed}.
     */
    private SidebarState initialSidebarState = SidebarState.AUTO;

    /** An image shown above the sidebar's page list (a URL such as {@code /images/logo.svg}); none if empty. */
    private String logo = "";

    /** Where a click on the logo goes; the home page if empty. */
    private String logoLink = "";

    /** The text of the app menu's "About" dialog (paragraphs separated by blank lines). */
    private String about = "";

    /**
     * The app's own stylesheets, linked after Springlit's (URLs such as {@code /css/app.css}); with the strict
     * Content-Security-Policy they must come from the app's own origin.
     */
    private List<String> stylesheets = new ArrayList<>();

    /** The browser tab's icon (a URL); empty: the page's icon. */
    private String favicon = "";

    public enum SidebarState {
        AUTO, EXPANDED, COLLAPSED
    }

    public Layout getLayout() {
        return layout;
    }

    public void setLayout(Layout layout) {
        this.layout = layout;
    }

    public SidebarState getInitialSidebarState() {
        return initialSidebarState;
    }

    public void setInitialSidebarState(SidebarState initialSidebarState) {
        this.initialSidebarState = initialSidebarState;
    }

    public String getLogo() {
        return logo;
    }

    public void setLogo(String logo) {
        this.logo = logo;
    }

    public String getLogoLink() {
        return logoLink;
    }

    public void setLogoLink(String logoLink) {
        this.logoLink = logoLink;
    }

    public String getAbout() {
        return about;
    }

    public void setAbout(String about) {
        this.about = about;
    }

    public List<String> getStylesheets() {
        return stylesheets;
    }

    public void setStylesheets(List<String> stylesheets) {
        this.stylesheets = stylesheets;
    }

    public String getFavicon() {
        return favicon;
    }

    public void setFavicon(String favicon) {
        this.favicon = favicon;
    }
}
