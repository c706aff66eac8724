package org.debentures.compliance.store.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: the CSV export writes a decimal from the driver's text, without making a {@code BigDecimal}; it must
 * write what SPEC §9's rule gives through {@code BigDecimal}: the number as stored with six decimals or fewer, else
 * without its trailing zeros.
 */
class ExportDecimalTextTest {

    private static String rule(BigDecimal number) {
        return (number.scale() > 6 ? number.stripTrailingZeros() : number).toPlainString();
    }

    @Test
    void handPickedValues() {
        assertEquals("12.340000", ExportTable.decimal("12.340000"), "six decimals (a computed figure) stay");
        assertEquals("1234.56", ExportTable.decimal("1234.56"), "cents stay");
        assertEquals("12.345", ExportTable.decimal("12.3450000000"), "ten decimals (an input price) lose their zeros");
        assertEquals("100", ExportTable.decimal("100.0000000000"), "and the point when nothing is left");
        assertEquals("0", ExportTable.decimal("0.0000000000"));
        assertEquals("-0.5", ExportTable.decimal("-0.5000000000"));
        assertEquals("7", ExportTable.decimal("7"));
        assertEquals("0.0000001", ExportTable.decimal("1.000E-7"), "a driver's exponent form");
        assertEquals("0", ExportTable.decimal("0E-10"));
    }

    @Test
    void randomDecimalsAsTheBigDecimalRuleWritesThem() {
        Random random = new Random(9);
        for (int i = 0; i < 20_000; i++) {
            int scale = random.nextInt(13);
            long unscaled = random.nextInt(3) == 0 ? random.nextInt(1000) * (long) Math.pow(10, random.nextInt(8))
                    : random.nextLong() % 1_000_000_000_000L;
            BigDecimal number = BigDecimal.valueOf(unscaled, scale);
            assertEquals(rule(number), ExportTable.decimal(number.toPlainString()), "plain text of " + number);
            assertEquals(rule(number), ExportTable.decimal(number.toString()), "JDBC's toString of " + number);
        }
    }
}
