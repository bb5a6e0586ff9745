package dev.springlit.runtime.draw;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.Formatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One table column's format pattern ({@code TableOptions.format}) applied to its cells as
 * {@code String.format(Locale.ROOT, pattern, value)} would. A pattern with a single {@code %d} or {@code %f} (flags,
 * width and precision allowed) applied to a number of the type it takes is run on one {@link Formatter} kept for the
 * column and set to {@link Locale#US}: for these conversions the root locale's symbols are the US ones (checked once
 * here), and for US the JDK's formatter skips building them, where {@code String.format} built a formatter and two
 * {@link DecimalFormatSymbols} per cell (a sixth of what a dashboard interaction allocated). Anything else goes to
 * {@code String.format}, so its output and its errors stay the same. One instance per column of one table; not
 * thread-safe.
 */
final class CellFormat {

    private static final Pattern ONE_NUMBER = Pattern.compile("[^%]*%[-#+ 0,(]*[0-9]*(\\.[0-9]+)?[df][^%]*");
    /** Whether the root locale formats numbers with the US symbols (always so in the JDK's data; checked anyway). */
    private static final boolean ROOT_IS_US = sameSymbols(Locale.ROOT, Locale.US);

    private final String pattern;
    private final char conversion;
    private final boolean reusable;
    private StringBuilder buffer;
    private Formatter formatter;

    CellFormat(String pattern) {
        this.pattern = pattern;
        this.reusable = ROOT_IS_US && ONE_NUMBER.matcher(pattern).matches();
        this.conversion = reusable ? pattern.charAt(conversionIndex(pattern)) : 0;
    }

    String apply(Object value) {
        if (!reusable || !fits(value)) {
            return String.format(Locale.ROOT, pattern, value);
        }
        if (formatter == null) {
            buffer = new StringBuilder(24);
            formatter = new Formatter(buffer, Locale.US);
        }
        buffer.setLength(0);
        formatter.format(pattern, value);
        return buffer.toString();
    }

    /** Whether {@code value} is of a type the conversion takes (else String.format throws as before). */
    private boolean fits(Object value) {
        return conversion == 'f'
                ? value instanceof Double || value instanceof Float || value instanceof BigDecimal
                : value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                        || value instanceof BigInteger;
    }

    private static int conversionIndex(String pattern) {
        int i = pattern.indexOf('%') + 1;
        while ("-#+ 0,(.0123456789".indexOf(pattern.charAt(i)) >= 0) {
            i++;
        }
        return i;
    }

    private static boolean sameSymbols(Locale a, Locale b) {
        DecimalFormatSymbols x = DecimalFormatSymbols.getInstance(a);
        DecimalFormatSymbols y = DecimalFormatSymbols.getInstance(b);
        return x.getZeroDigit() == y.getZeroDigit() && x.getDecimalSeparator() == y.getDecimalSeparator()
                && x.getGroupingSeparator() == y.getGroupingSeparator() && x.getMinusSign() == y.getMinusSign()
                && NumberFormat.getIntegerInstance(a) instanceof DecimalFormat da
                && NumberFormat.getIntegerInstance(b) instanceof DecimalFormat db
                && da.getGroupingSize() == db.getGroupingSize();
    }
}
