package dev.springlit.web.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

import dev.springlit.runtime.session.RefusalWarnings;
import dev.springlit.runtime.identity.TabContext;

/** S12.1: what the browser reports is checked; bad parts fall back to the server's defaults with a warning. */
class BrowserReportTest {

    private final List<String> warnings = new ArrayList<>();
    private final RefusalWarnings sink = new RefusalWarnings(new org.apache.commons.logging.impl.NoOpLog() {
        @Override
        public void warn(Object message) {
            warnings.add(String.valueOf(message));
        }
    });

    private TabContext report(String json) {
        ClientMessage message = ClientMessage.parse(JsonMapper.builder().build(), json);
        return BrowserReport.apply(TabContext.serverDefaults(), (ClientMessage.BrowserContext) message, sink);
    }

    @Test
    void s12_1_aGoodReportIsTakenWhole() {
        TabContext context = report("{\"type\":\"context\",\"locales\":[\"de-CH\",\"en\"],\"timeZone\":\"Europe/Zurich\","
                + "\"theme\":\"dark\"}");
        assertThat(context.locales()).containsExactly(Locale.forLanguageTag("de-CH"), Locale.ENGLISH);
        assertThat(context.timeZone()).isEqualTo(ZoneId.of("Europe/Zurich"));
        assertThat(context.theme()).isEqualTo("dark");
        assertThat(warnings).isEmpty();
    }

    @Test
    void s12_1_anUnknownZoneOrAMalformedLocaleFallsBackToTheServersDefaultWithAWarning() {
        TabContext context = report("{\"type\":\"context\",\"locales\":[\"en_US!!\",\"\\u001b[31m\"],"
                + "\"timeZone\":\"Mars/Olympus_Mons\",\"theme\":\"neon\"}");
        assertThat(context.locales()).containsExactly(Locale.getDefault());
        assertThat(context.timeZone()).isEqualTo(ZoneId.systemDefault());
        assertThat(context.theme()).isEqualTo("light");
        assertThat(warnings).hasSize(1).as("one line a second per tab");
        assertThat(warnings.get(0)).contains("malformed language tag").doesNotContain("\u001b");
        for (String zone : new String[] {"+02:00", "../../etc/passwd", "x".repeat(500), "Europe/Nowhere", ""}) {
            assertThat(BrowserReport.zone(zone)).as(zone).isNull();
        }
        assertThat(BrowserReport.zone("America/Argentina/Buenos_Aires")).isEqualTo(ZoneId.of("America/Argentina/Buenos_Aires"));
    }

    @Test
    void s12_1_fieldsOfTheWrongTypeAreIgnoredNotRefused() {
        TabContext context = report("{\"type\":\"context\",\"locales\":\"fr\",\"timeZone\":null}");
        assertThat(context.locales()).containsExactly(Locale.getDefault());
        assertThat(context.timeZone()).isEqualTo(ZoneId.systemDefault());
    }
}
