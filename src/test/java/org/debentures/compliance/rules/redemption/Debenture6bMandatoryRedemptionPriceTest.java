package org.debentures.compliance.rules.redemption;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Debenture 6(b) (SPEC §6, §10): the greater of 120% x owed and owed / Conversion Price x Market Price. */
class Debenture6bMandatoryRedemptionPriceTest {

    private static final LocalDate DAY = LocalDate.parse("2004-02-10");

    @Test
    void theConversionBranchWinsWhenTheStockTradesHigh() {
        // owed = 2,500,000 + 14,041.095873 = 2,514,041.095873
        // (A) 1.20 x 2,514,041.095873 = 3,016,849.3150476 -> 3,016,849.32
        // (B) 2,514,041.095873 / 3.769 = 667,031.33347651897...; x 8.864 = 5,912,565.7399358... -> 5,912,565.74
        MandatoryRedemptionPrice mrp = MandatoryRedemptionPrice.of(DAY, new BigDecimal("2500000"),
                new BigDecimal("14041.095873"), new BigDecimal("3.769"), new BigDecimal("8.864000"), new BigDecimal("1.20"));
        assertEquals(new BigDecimal("3016849.32"), mrp.premiumValue());
        assertEquals(new BigDecimal("5912565.74"), mrp.conversionValue());
        assertEquals(new BigDecimal("5912565.74"), mrp.price());
    }

    @Test
    void withoutAMarketPriceOnlyThe120PercentBranch() {
        // 120% x (2,500,000 + 63,013.70 + 9 x 351.097767 = 66,173.579903) = 1.2 x 2,566,173.579903 = 3,079,408.2958836
        MandatoryRedemptionPrice mrp = MandatoryRedemptionPrice.of(DAY, new BigDecimal("2500000"),
                new BigDecimal("66173.579903"), new BigDecimal("3.769"), null, new BigDecimal("1.20"));
        assertNull(mrp.conversionValue());
        assertEquals(new BigDecimal("3079408.30"), mrp.price());
    }
}
