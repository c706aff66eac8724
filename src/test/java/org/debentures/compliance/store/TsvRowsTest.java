package org.debentures.compliance.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The text {@code LOAD DATA} reads for the bulk loads of the reporting tables. */
class TsvRowsTest {

    @Test
    void fieldsAreWrittenTheWayLoadDataReadsThem() {
        List<Object[]> rows = List.of(
                new Object[] {"DEB-1", LocalDate.of(2002, 3, 8), new BigDecimal("1234.500000"), null, true, 42L, 7},
                new Object[] {"tab\there", LocalDate.of(2007, 12, 31), new BigDecimal("-0.05"), new BigDecimal("0E-6"),
                        false, -3L, Date.valueOf("2004-02-29")},
                new Object[] {"back\\slash\nnew\rline", LocalDate.of(2002, 3, 8), new BigDecimal("1E+3"),
                        new BigDecimal("12345678901234567890.123"), null, 0L, "Zürich\tAG"});
        assertEquals("""
                DEB-1\t2002-03-08\t1234.500000\t\\N\t1\t42\t7
                tab\\there\t2007-12-31\t-0.05\t0.000000\t0\t-3\t2004-02-29
                back\\\\slash\\nnew\\rline\t2002-03-08\t1000\t12345678901234567890.123\t\\N\t0\tZürich\\tAG
                """, TsvRows.text(rows));
    }

    @Test
    void aColumnRepeatingTheRowBeforeIsWrittenTheSame() {
        BigDecimal principal = new BigDecimal("1000000.00");
        List<Object[]> rows = List.of(new Object[] {"A", principal}, new Object[] {"A", new BigDecimal("1000000.00")},
                new Object[] {"B", new BigDecimal("1000000.0")}, new Object[] {"B", principal});
        assertEquals("A\t1000000.00\nA\t1000000.00\nB\t1000000.0\nB\t1000000.00\n", TsvRows.text(rows));
    }

    /** Property: every decimal and long is written as the JDK writes it (plain notation), whatever its size. */
    @Test
    void numbersAreWrittenAsTheJdkWritesThem() {
        Random random = new Random(20261121L);
        List<Object[]> rows = new ArrayList<>();
        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            int bits = 1 + random.nextInt(90);
            BigInteger unscaled = new BigInteger(bits, random);
            if (random.nextBoolean()) {
                unscaled = unscaled.negate();
            }
            BigDecimal decimal = new BigDecimal(unscaled, random.nextInt(25) - 3);
            long number = random.nextInt(4) == 0 ? random.nextLong() : random.nextInt(100_000) - 50_000;
            rows.add(new Object[] {decimal, number});
            expected.append(decimal.toPlainString()).append('\t').append(number).append('\n');
        }
        assertEquals(expected.toString(), TsvRows.text(rows));
    }
}
