package dev.springlit.runtime.draw;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * A column's format pattern gives exactly what {@code String.format(Locale.ROOT, pattern, value)} gives, whatever
 * the default locale, for many values of every number type, and fails as it does for a value the pattern does not
 * take.
 */
class CellFormatTest {

    private static final List<String> PATTERNS = List.of("%.2f", "%,.1f", "%.0f", "%8.3f", "%-10.4f|", "%+,.2f",
            "%(.2f", "%010.2f", "$%,.0f", "%.12f", "%f", "%d", "%,d", "%+d", "%05d", "%(,d units", "<%s>", "%e", "%x",
            "%.1f%%", "%d of %d");

    private static List<Object> values() {
        Random random = new Random(20);
        List<Object> values = new ArrayList<>(List.of(0.0, -0.0, 1.005, 2.675, 0.125, -0.001, 1e20, 1e-7, 123456789.125,
                Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MAX_VALUE, Double.MIN_VALUE,
                0.1f, -2.5f, Float.NaN, new BigDecimal("1E+3"), new BigDecimal("-0.005"), new BigDecimal("12345.6789"),
                0, -1, Integer.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE, (short) 7, (byte) -3,
                new BigInteger("-123456789012345678901234567890"), "text"));
        for (int i = 0; i < 2_000; i++) {
            values.add(random.nextDouble() * Math.pow(10, random.nextInt(24) - 8) * (random.nextBoolean() ? 1 : -1));
            values.add(Math.round(random.nextGaussian() * 100_000) / 100.0);
            values.add(random.nextFloat() * 1000);
            values.add(random.nextLong() >> random.nextInt(64));
            values.add(random.nextInt());
        }
        return values;
    }

    @Test
    void patternsGiveWhatStringFormatGivesWithTheRootLocale() {
        Locale before = Locale.getDefault();
        try {
            for (Locale locale : List.of(Locale.GERMANY, Locale.forLanguageTag("ar-EG"),
                    Locale.forLanguageTag("hi-IN-u-nu-deva"), Locale.US)) {
                Locale.setDefault(locale);
                for (String pattern : PATTERNS) {
                    CellFormat format = new CellFormat(pattern);
                    for (Object value : values()) {
                        String expected;
                        try {
                            expected = String.format(Locale.ROOT, pattern, value);
                        } catch (RuntimeException refused) {
                            Throwable thrown = catchThrowable(() -> format.apply(value));
                            assertThat(thrown).as("%s with %s", pattern, value).isInstanceOf(refused.getClass())
                                    .hasMessage(refused.getMessage());
                            continue;
                        }
                        assertThat(format.apply(value)).as("%s with %s (%s) in %s", pattern, value,
                                value.getClass().getSimpleName(), locale).isEqualTo(expected);
                    }
                }
            }
        } finally {
            Locale.setDefault(before);
        }
    }
}
