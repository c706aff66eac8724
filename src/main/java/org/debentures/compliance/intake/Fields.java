package org.debentures.compliance.intake;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The fields of one CSV row by column name, with the parsing rules of SPEC §2: dates ISO
 * {@code yyyy-MM-dd} (strict: 2003-02-30 is rejected), numbers plain decimals with {@code .}
 * (no exponent, no thousands separator, at most 12 integer and 10 fraction digits).
 * Values are trimmed; an empty value is absent.
 */
public final class Fields {

    private static final DateTimeFormatter ISO_STRICT = DateTimeFormatter.ofPattern("uuuu-MM-dd")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern PLAIN_DECIMAL = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final int MAX_INTEGER_DIGITS = 12;
    private static final int MAX_FRACTION_DIGITS = 10;

    private final Map<String, String> values;

    public Fields(Map<String, String> values) {
        this.values = values;
    }

    /** The trimmed value, or {@code null} when the column is absent or the value empty. */
    public String text(String column) {
        String value = values.get(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    public String requiredText(String column) {
        String value = text(column);
        if (value == null) {
            throw new RowRejection("missing " + column);
        }
        return value;
    }

    public LocalDate requiredDate(String column) {
        return parseDate(column, requiredText(column));
    }

    /** An optional date ({@code yyyy-MM-dd}, strict): {@code null} when absent; a bad one rejects the row naming the column. */
    public LocalDate optionalDate(String column) {
        String text = text(column);
        return text == null ? null : parseDate(column, text);
    }

    public BigDecimal requiredPositiveDecimal(String column) {
        return positive(column, parseDecimal(column, requiredText(column)));
    }

    /** An optional decimal of any sign: {@code null} when absent. */
    public BigDecimal optionalDecimal(String column) {
        String text = text(column);
        return text == null ? null : parseDecimal(column, text);
    }

    /** An optional positive decimal: {@code null} when absent. */
    public BigDecimal optionalPositiveDecimal(String column) {
        String text = text(column);
        return text == null ? null : positive(column, parseDecimal(column, text));
    }

    /** An optional whole number at or above zero (a volume): {@code null} when absent. */
    public Long optionalCount(String column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        BigDecimal number = parseDecimal(column, text);
        if (number.signum() < 0) {
            throw new RowRejection(column + " " + text + " is negative");
        }
        return wholeNumber(column, text, number);
    }

    /** An optional whole number above zero (a share count): {@code null} when absent. */
    public Long optionalPositiveCount(String column) {
        String text = text(column);
        if (text == null) {
            return null;
        }
        return wholeNumber(column, text, positive(column, parseDecimal(column, text)));
    }

    static LocalDate parseDate(String column, String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw new RowRejection(column + " '" + text + "' is not a date in the form yyyy-MM-dd");
        }
        try {
            return LocalDate.parse(text, ISO_STRICT);
        } catch (DateTimeParseException e) {
            throw new RowRejection(column + " '" + text + "' is not a real calendar date");
        }
    }

    static BigDecimal parseDecimal(String column, String text) {
        if (!PLAIN_DECIMAL.matcher(text).matches()) {
            throw new RowRejection(column + " '" + abbreviate(text) + "' is not a plain decimal number"
                    + " (digits with an optional '.', no exponent or thousands separator)");
        }
        BigDecimal number = new BigDecimal(text);
        int integerDigits = Math.max(0, number.precision() - number.scale());
        if (integerDigits > MAX_INTEGER_DIGITS) {
            throw new RowRejection(column + " '" + abbreviate(text) + "' is too large (more than "
                    + MAX_INTEGER_DIGITS + " digits before the decimal point)");
        }
        if (number.scale() > MAX_FRACTION_DIGITS) {
            throw new RowRejection(column + " '" + abbreviate(text) + "' has more than " + MAX_FRACTION_DIGITS
                    + " decimal places");
        }
        return number;
    }

    private static BigDecimal positive(String column, BigDecimal number) {
        if (number.signum() < 0) {
            throw new RowRejection(column + " " + number.toPlainString() + " is negative");
        }
        if (number.signum() == 0) {
            throw new RowRejection(column + " is zero; it must be above zero");
        }
        return number;
    }

    private static Long wholeNumber(String column, String text, BigDecimal number) {
        try {
            return number.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            throw new RowRejection(column + " '" + text + "' is not a whole number");
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 40 ? text : text.substring(0, 40) + "...";
    }
}
