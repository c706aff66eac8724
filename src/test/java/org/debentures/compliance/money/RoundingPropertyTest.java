package org.debentures.compliance.money;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** SPEC §10 rounding of a mean price: the exact short division agrees with the 34-digit one it replaces. */
class RoundingPropertyTest {

    @Test
    void theMeanPriceIsTheThirtyFourDigitQuotientRoundedToSixDecimals() {
        Random random = new Random(2002_0328L);
        int exactPath = 0;
        for (int i = 0; i < 200_000; i++) {
            int count = 1 + random.nextInt(12);
            // sums of up to 12 prices with up to 10 decimals (staged prices are DECIMAL(24,10)), some on a half
            BigDecimal sum = new BigDecimal(new BigInteger(1 + random.nextInt(60), random), random.nextInt(11));
            if (random.nextInt(4) == 0) {
                sum = new BigDecimal("0.0000005").multiply(BigDecimal.valueOf(count)).add(
                        new BigDecimal(random.nextInt(1_000_000)).movePointLeft(6).multiply(BigDecimal.valueOf(count)));
            }
            BigDecimal expected = Rounding.price(sum.divide(BigDecimal.valueOf(count), Rounding.INTERMEDIATE));
            assertEquals(expected, Rounding.averagePrice(sum, count), sum + " / " + count);
            if (Rounding.terminatingDecimals(count) >= 0) {
                exactPath++;
            }
        }
        assertTrue(exactPath > 50_000, "the exact path was taken often enough: " + exactPath);
    }

    @Test
    void onlyPowersOfTwoAndFiveGiveTerminatingQuotients() {
        // 1/5 = 0.2 (1 decimal), 1/8 = 0.125 (3), 1/20 = 0.05 (2), 1/40 = 0.025 (3); 1/3 and 1/7 never end
        assertEquals(0, Rounding.terminatingDecimals(1));
        assertEquals(1, Rounding.terminatingDecimals(5));
        assertEquals(3, Rounding.terminatingDecimals(8));
        assertEquals(2, Rounding.terminatingDecimals(20));
        assertEquals(3, Rounding.terminatingDecimals(40));
        assertEquals(-1, Rounding.terminatingDecimals(3));
        assertEquals(-1, Rounding.terminatingDecimals(7));
        assertEquals(-1, Rounding.terminatingDecimals(0));
    }
}
