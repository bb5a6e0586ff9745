package dev.springlit.web.protocol;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.IllformedLocaleException;
import java.util.List;
import java.util.Locale;

import tools.jackson.databind.JsonNode;

import dev.springlit.runtime.session.RefusalWarnings;
import dev.springlit.runtime.identity.TabContext;
import dev.springlit.support.LogText;

/**
 * Checks what a browser reports about itself ({@code context} messages) before a page can see it: a malformed
 * language tag is skipped, an unknown time zone or theme falls back to the server's default, each with a warning
 * (at most one a second per tab), and nothing throws, so bad input never reaches a page as an exception.
 */
public final class BrowserReport {

    static final int MAX_LOCALES = 20;
    static final int MAX_TEXT = 100;

    private BrowserReport() {
    }

    /** The "locales" field as strings; anything that is not an array of strings is an empty list. */
    static List<String> locales(JsonNode node) {
        List<String> tags = new ArrayList<>();
        if (node != null && node.isArray()) {
            for (JsonNode tag : node) {
                if (tags.size() == MAX_LOCALES) {
                    break;
                }
                if (tag.isString()) {
                    tags.add(tag.stringValue());
                }
            }
        }
        return tags;
    }

    /** {@code context} with what {@code report} says, each bad part replaced by what the context had. */
    public static TabContext apply(TabContext context, ClientMessage.BrowserContext report, RefusalWarnings warnings) {
        List<Locale> locales = new ArrayList<>();
        for (String tag : report.locales()) {
            Locale locale = locale(tag);
            if (locale == null) {
                warnings.warn("Springlit ignores a malformed language tag from a browser: \"" + LogText.clean(limit(tag))
                        + "\"");
            } else if (!locales.contains(locale)) {
                locales.add(locale);
            }
        }
        ZoneId zone = context.timeZone();
        if (report.timeZone() != null) {
            zone = zone(report.timeZone());
            if (zone == null) {
                warnings.warn("Springlit uses the server's time zone for a browser that reported an unknown one: \""
                        + LogText.clean(limit(report.timeZone())) + "\"");
                zone = ZoneId.systemDefault();
            }
        }
        String theme = context.theme();
        if (report.theme() != null) {
            if (report.theme().equals("light") || report.theme().equals("dark")) {
                theme = report.theme();
            } else {
                warnings.warn("Springlit ignores an unknown theme from a browser: \"" + LogText.clean(limit(report.theme()))
                        + "\" (light or dark)");
            }
        }
        return context.withBrowser(locales.isEmpty() ? context.locales() : locales, zone, theme);
    }

    /** The locale of a BCP 47 tag, or null when it is malformed. */
    public static Locale locale(String tag) {
        if (tag == null || tag.isEmpty() || tag.length() > MAX_TEXT) {
            return null;
        }
        try {
            return new Locale.Builder().setLanguageTag(tag).build();
        } catch (IllformedLocaleException e) {
            return null;
        }
    }

    /** The IANA zone of {@code id}, or null when Java does not know it (offsets like "+02:00" are refused too). */
    static ZoneId zone(String id) {
        if (id.isEmpty() || id.length() > MAX_TEXT || !id.matches("[A-Za-z][A-Za-z0-9_+\\-]*(/[A-Za-z0-9_+\\-]+)*")) {
            return null;
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String limit(String text) {
        return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) + "…" : text;
    }
}
