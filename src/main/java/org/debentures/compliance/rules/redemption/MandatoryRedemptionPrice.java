package org.debentures.compliance.rules.redemption;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.debentures.compliance.money.Rounding;

/**
 * Debenture 6(b) Mandatory Redemption Price, as SPEC §6 and §10 state it: the greater of (A) 120%
 * of (unpaid principal + accrued unpaid interest) and (B) (unpaid principal + accrued unpaid
 * interest) / Conversion Price x Market Price, with the Conversion Price in effect that day
 * (split-adjusted), the Market Price as of that day (the 120% branch alone when there is none),
 * and regular interest only (default interest excluded). Amounts to cents half-up.
 *
 * @param marketPrice null when there is no Market Price that day
 * @param conversionValue branch (B); null without a Market Price
 */
public record MandatoryRedemptionPrice(LocalDate date, BigDecimal principal, BigDecimal accruedInterest,
                                       BigDecimal conversionPrice, BigDecimal marketPrice, BigDecimal premiumValue,
                                       BigDecimal conversionValue, BigDecimal price) {

    public MandatoryRedemptionPrice {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(price, "price");
    }

    public static MandatoryRedemptionPrice of(LocalDate date, BigDecimal principal, BigDecimal accruedInterest,
                                              BigDecimal conversionPrice, BigDecimal marketPrice, BigDecimal premium) {
        BigDecimal owed = principal.add(accruedInterest);
        BigDecimal premiumValue = Rounding.cents(premium.multiply(owed));
        BigDecimal conversionValue = marketPrice == null ? null
                : Rounding.cents(Rounding.divide(owed, conversionPrice).multiply(marketPrice));
        BigDecimal price = conversionValue == null ? premiumValue : premiumValue.max(conversionValue);
        return new MandatoryRedemptionPrice(date, principal, accruedInterest, conversionPrice, marketPrice, premiumValue,
                conversionValue, price);
    }
}
