package dev.springlit.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerResponse;

import dev.springlit.Layout;
import dev.springlit.web.render.Appearance;
import dev.springlit.web.render.ThemeStylesheet;
import dev.springlit.web.render.ThemeStylesheet.Colours;

/**
 * The app's look ({@code streamlit.ui.*}, {@code streamlit.theme.*}): checked at startup, handed to the page
 * shell, and the theme's stylesheet served at {@value Appearance#THEME_PATH}.
 */
@AutoConfiguration(after = SpringlitAutoConfiguration.class, before = SpringlitWebAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SpringlitUiProperties.class, SpringlitThemeProperties.class})
public class SpringlitAppearanceAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Appearance springlitAppearance(SpringlitUiProperties ui, SpringlitThemeProperties theme,
                                   ObjectProvider<SpringlitProperties> springlit) {
        SpringlitProperties properties = springlit.getIfAvailable(SpringlitProperties::new);
        String base = ThemeStylesheet.base(theme.getBase());
        String css = ThemeStylesheet.css(base, theme.getFont(), theme.getBorderRadius(),
                Colours.of("streamlit.theme.", theme.getPrimaryColor(), theme.getBackgroundColor(),
                        theme.getSecondaryBackgroundColor(), theme.getTextColor()),
                scheme("streamlit.theme.light.", theme.getLight()), scheme("streamlit.theme.dark.", theme.getDark()));
        String layout = ui.getLayout() == Layout.WIDE ? "wide" : "centered";
        return new Appearance(base, layout, ui.getInitialSidebarState().name().toLowerCase(Locale.ROOT),
                ui.getLogo().strip(), ui.getLogoLink().strip(), ui.getAbout(), ui.getStylesheets(),
                ui.getFavicon().strip(), css,
                Appearance.humanSize(properties.getServer().getMaxUploadSize().toBytes()));
    }

    private static Colours scheme(String prefix, SpringlitThemeProperties.Scheme scheme) {
        return Colours.of(prefix, scheme.getPrimaryColor(), scheme.getBackgroundColor(),
                scheme.getSecondaryBackgroundColor(), scheme.getTextColor());
    }

    @Bean
    RouterFunction<ServerResponse> springlitThemeRoutes(Appearance appearance) {
        String css = appearance.themeCss() != null ? appearance.themeCss() : "/* no theme: streamlit.theme.* unset */\n";
        return RouterFunctions.route().GET(Appearance.THEME_PATH, request -> ServerResponse.ok()
                .contentType(new MediaType("text", "css", StandardCharsets.UTF_8))
                .cacheControl(CacheControl.noCache())
                .body(css)).build();
    }
}
