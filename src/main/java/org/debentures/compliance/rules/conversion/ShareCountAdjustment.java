package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.market.CorporateAction;

/**
 * Debenture 4(a)(A)-(C): a split, reverse split or stock dividend changes the Conversion Price in
 * proportion to the number of shares: price after = price before / ratio, where ratio is the
 * shares after per share before (2 for a 2-for-1 split, 0.1 for a 1-for-10 reverse split, 1.05
 * for a 5% stock dividend).
 */
public record ShareCountAdjustment(AdjustmentClause clause, LocalDate effectiveDate, BigDecimal ratio)
        implements ConversionPriceAdjustment {

    public ShareCountAdjustment {
        Objects.requireNonNull(clause, "clause");
        Objects.requireNonNull(effectiveDate, "effectiveDate");
        Objects.requireNonNull(ratio, "ratio");
        if (!clause.isShareCountEvent()) {
            throw new IllegalArgumentException(clause + " is not a share-count event");
        }
        if (ratio.signum() <= 0) {
            throw new IllegalArgumentException("ratio must be positive: " + ratio);
        }
    }

    /** The 4(a) clause of a corporate action from the filings log: a split below ratio 1 is a reverse split. */
    public static ShareCountAdjustment of(CorporateAction action) {
        AdjustmentClause clause = action.kind() == CorporateAction.Kind.STOCK_DIVIDEND ? AdjustmentClause.STOCK_DIVIDEND
                : action.ratio().compareTo(BigDecimal.ONE) < 0 ? AdjustmentClause.REVERSE_SPLIT : AdjustmentClause.STOCK_SPLIT;
        return new ShareCountAdjustment(clause, action.effectiveDate(), action.ratio());
    }

    @Override
    public Applied applied(BigDecimal priceBefore) {
        BigDecimal after = Rounding.divide(priceBefore, ratio);
        return new Applied(after, clause.clause(), Rounding.plain(priceBefore) + " / " + ratio.stripTrailingZeros().toPlainString()
                + " = " + Rounding.plain(Rounding.reportedConversionPrice(after)), true, true);
    }

    @Override
    public String describe() {
        String r = ratio.stripTrailingZeros().toPlainString();
        return switch (clause) {
            case STOCK_SPLIT -> "stock split, " + r + " new shares per old share";
            case REVERSE_SPLIT -> "reverse split, " + r + " new shares per old share";
            default -> "stock dividend, " + r + " shares after per share before (record date)";
        };
    }
}
