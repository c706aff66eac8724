package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.money.Rounding;

/**
 * Debenture 4(a)(D)-(F) as SPEC §15 states it: one {@code ISSUANCE} row on day d, as it bears on one
 * instrument's Conversion Price CP (the price in effect before it, after every earlier adjustment):
 * <ul>
 *   <li>a 4(h) exemption that holds for the instrument: no change;</li>
 *   <li>price below CP: CP becomes the price (full ratchet), under (D) for {@code COMMON}, (E) for
 *       {@code CONVERTIBLE} or {@code RESET};</li>
 *   <li>CP at or below the price and the price below MP, the Market Price as of d, for {@code COMMON} or
 *       {@code CONVERTIBLE} (a {@code RESET} is no issuance): (F) CP x (O + amount / MP) / (O + shares), O the
 *       shares outstanding in force on d - 1;</li>
 *   <li>otherwise no change; (F) without MP or O is {@code ADJUSTMENT_NOT_COMPUTABLE} and no change.</li>
 * </ul>
 * Every operation is rounded to 34 significant digits, half-even ({@link MathContext#DECIMAL128}), and the
 * price is kept so; reports show 12 decimals.
 *
 * @param issuance the {@code ISSUANCE} row (shares, price, amount, document, clause)
 * @param sharesOutstanding O, the shares outstanding in force on d - 1; {@code null} when none is known
 * @param marketPrice MP as of d; {@code null} when unavailable
 * @param exemption whether the row's 4(h) clause exempts it for this instrument
 * @param exemptionTerms for evidence: why (the 4(h)(v) running total against the instrument's cap)
 */
public record DilutiveIssuance(FilingEvent issuance, Long sharesOutstanding, BigDecimal marketPrice, Exemption exemption,
                               String exemptionTerms) implements ConversionPriceAdjustment {

    /** What a 4(h) {@code clause} means for one instrument. */
    public enum Exemption {
        /** No 4(h) clause: the issuance adjusts as (D)-(F) say. */
        NONE,
        /** Exempt under its 4(h) clause (within the instrument's strategic-issuance cap, if any). */
        EXEMPT,
        /** A 4(h)(v) issuance above the instrument's strategic-issuance cap (or after one): not exempt for it. */
        ABOVE_CAP,
        /** A 4(h)(v) issuance for an instrument with a cap but no shares outstanding known on its Issue Date. */
        CAP_NOT_COMPUTABLE
    }

    private static final MathContext MC = Rounding.INTERMEDIATE;

    public DilutiveIssuance {
        Objects.requireNonNull(issuance, "issuance");
        Objects.requireNonNull(issuance.shares(), "issuance shares");
        Objects.requireNonNull(issuance.price(), "issuance price");
        Objects.requireNonNull(exemption, "exemption");
    }

    @Override
    public LocalDate effectiveDate() {
        return issuance.date();
    }

    @Override
    public AdjustmentClause clause() {
        return AdjustmentClause.DILUTIVE_ISSUANCE;
    }

    @Override
    public int rankInDay() {
        return 1; // after the day's splits and stock dividends (SPEC §15)
    }

    /** The aggregate consideration: the row's {@code amount}, or shares x price when it has none. */
    public BigDecimal consideration() {
        return issuance.amount() != null ? issuance.amount()
                : BigDecimal.valueOf(issuance.shares()).multiply(issuance.price(), MC);
    }

    public String document() {
        return issuance.document();
    }

    @Override
    public Applied applied(BigDecimal cp) {
        BigDecimal price = issuance.price();
        String p = Rounding.plain(price);
        String before = Rounding.plain(Rounding.reportedConversionPrice(cp));
        switch (exemption) {
            case EXEMPT:
                return new Applied(cp, "Debenture " + issuance.clause(), "exempt under " + issuance.clause()
                        + (exemptionTerms == null ? "" : " (" + exemptionTerms + ")") + ": no adjustment", false, true);
            case CAP_NOT_COMPUTABLE:
                return new Applied(cp, "Debenture 4(h)(v)", "not computable: " + exemptionTerms, false, false);
            default:
                break;
        }
        String aboveCap = exemption == Exemption.ABOVE_CAP ? "not exempt (" + exemptionTerms + "); " : "";
        boolean reset = "RESET".equals(issuance.document());
        if (price.compareTo(cp) < 0) {
            String clause = "COMMON".equals(issuance.document()) ? "Debenture 4(a)(D)" : "Debenture 4(a)(E)";
            return new Applied(price, clause, aboveCap + "price " + p + " below the Conversion Price " + before
                    + ": the Conversion Price becomes " + p + " (full ratchet)", true, true);
        }
        if (reset) {
            return new Applied(cp, "Debenture 4(a)(E)", aboveCap + "reset price " + p + " at or above the Conversion Price "
                    + before + ": no adjustment (a reset is no issuance under (F))", false, true);
        }
        if (marketPrice == null) {
            return new Applied(cp, "Debenture 4(a)(F)", aboveCap + "price " + p + " at or above the Conversion Price "
                    + before + "; no Market Price as of " + issuance.date() + " to compare it with: not computable", false, false);
        }
        String mp = Rounding.plain(marketPrice);
        if (price.compareTo(marketPrice) >= 0) {
            return new Applied(cp, "Debenture 4(a)(F)", aboveCap + "price " + p + " at or above the Market Price " + mp
                    + " (and the Conversion Price " + before + "): no adjustment", false, true);
        }
        if (sharesOutstanding == null) {
            return new Applied(cp, "Debenture 4(a)(F)", aboveCap + "price " + p + " between the Conversion Price " + before
                    + " and the Market Price " + mp + "; no shares outstanding known on " + issuance.date().minusDays(1)
                    + ": not computable", false, false);
        }
        BigDecimal o = BigDecimal.valueOf(sharesOutstanding);
        BigDecimal shares = BigDecimal.valueOf(issuance.shares());
        BigDecimal amount = consideration();
        BigDecimal after = cp.multiply(o.add(amount.divide(marketPrice, MC), MC), MC).divide(o.add(shares, MC), MC);
        return new Applied(after, "Debenture 4(a)(F)", aboveCap + "CP x (O + amount / MP) / (O + shares) = " + Rounding.plain(cp)
                + " x (" + MoneyFormat.count(sharesOutstanding) + " + " + Rounding.plain(amount) + " / " + mp + ") / ("
                + MoneyFormat.count(sharesOutstanding) + " + " + MoneyFormat.count(issuance.shares()) + ") = "
                + Rounding.plain(Rounding.reportedConversionPrice(after)), true, true);
    }

    /**
     * What (F) needs for this issuance and the inputs do not give, whatever an instrument's price: the Market Price
     * as of its date, or the shares outstanding the day before; {@code null} when both are known.
     */
    public String missingForF() {
        if (marketPrice == null) {
            return "the Market Price as of " + issuance.date();
        }
        return sharesOutstanding == null ? "the shares outstanding on " + issuance.date().minusDays(1) : null;
    }

    @Override
    public String describe() {
        String what = switch (issuance.document()) {
            case "COMMON" -> "issuance of " + MoneyFormat.count(issuance.shares()) + " shares of Common Stock at ";
            case "CONVERTIBLE" -> "issuance of securities convertible into up to " + MoneyFormat.count(issuance.shares())
                    + " shares at ";
            default -> "reset of convertible securities for " + MoneyFormat.count(issuance.shares()) + " shares to ";
        };
        return what + Rounding.plain(issuance.price()) + (issuance.amount() == null ? ""
                : ", consideration " + Rounding.plain(issuance.amount()))
                + (issuance.clause() == null ? "" : ", under " + issuance.clause());
    }
}
