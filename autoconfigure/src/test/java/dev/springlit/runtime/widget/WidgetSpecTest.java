package dev.springlit.runtime.widget;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.springlit.element.WidgetKind;

/**
 * S4.1: an unkeyed widget's id is a hash of kind, label, identity parameters, form and page. Browsers and session
 * stores keep ids across restarts and upgrades (S1.5, S9.8), so the id of a given identity never changes: these
 * ids are the ones the first version computed, with its formula written out here.
 */
class WidgetSpecTest {

    @Test
    void S4_1_anUnkeyedWidgetsIdIsTheSameHashOfItsIdentityAsEver() throws Exception {
        List<Object[]> identities = List.of(
                new Object[] {null, "SECONDARY", null},
                new Object[] {},
                new Object[] {0, 100, 1, "help", LocalTime.of(9, 30)},
                new Object[] {List.of("a", "b"), null, "x, y"},
                new Object[] {new int[] {1, 2}, new Object[] {"nested", new long[] {3L}}, null},
                new Object[] {"\u0000", "é ✓", 1.5});
        for (Object[] identity : identities) {
            for (String form : new String[] {null, "my_form"}) {
                WidgetSpec spec = new WidgetSpec(WidgetKind.SLIDER, "Temperature", null, identity, 0, false, false, true,
                        null, null, null);

                assertThat(spec.id("/counter", form)).as(Arrays.deepToString(identity))
                        .isEqualTo(firstVersionsId(WidgetKind.SLIDER, "Temperature", identity, form, "/counter"))
                        .isEqualTo(spec.id("/counter", form));
            }
        }
    }

    @Test
    void S4_1_aKeyedWidgetsIdIsItsKeyAlone() {
        WidgetSpec spec = new WidgetSpec(WidgetKind.BUTTON, "Go", "go", new Object[] {"help"}, false, false, true, false,
                null, null, null);

        assertThat(spec.id("/a", null)).isEqualTo("$$k:go").isEqualTo(spec.id("/b", "form"));
    }

    private static String firstVersionsId(WidgetKind kind, String label, Object[] identity, String form, String page)
            throws Exception {
        String text = kind + "\u0000" + label + "\u0000" + Arrays.deepToString(identity) + "\u0000" + form + "\u0000"
                + page;
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return "$$w:" + kind + ":" + HexFormat.of().formatHex(digest, 0, 12);
    }
}
