package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The Conversion Price of one instrument on every date (Debenture §3, §4): the price as of the
 * Issue Date, then each adjustment effective on or before the date, in date order ("effected at
 * the time such event takes place"); of one day's events, splits and stock dividends first, then
 * issuances in file and line order (SPEC §15). Events on or before the Issue Date are already
 * reflected in the issue-date price and are ignored.
 *
 * <p>{@link #priceOn} applies every adjustment; {@link #shareCountPriceOn} only those of 4(a)(A)-(C),
 * the price §5(c)(ii) compares VWAP with. Prices are unrounded (34 significant digits,
 * {@link org.debentures.compliance.money.Rounding#INTERMEDIATE}); whoever reports or compares them rounds.
 * The Major Announcement price of 4(e) is not in this history: it is a conversion's, not the
 * instrument's ({@link MajorAnnouncementPrice}).
 */
public final class ConversionPriceHistory {

    /**
     * One event of the history, for evidence and the {@code conversion_price_history} table: the price before
     * and after it (after = before when it adjusted nothing), with the clause that applied and its terms.
     *
     * @param seq the event's place in the history (1, 2, ...)
     */
    public record Change(int seq, LocalDate effectiveDate, ConversionPriceAdjustment adjustment, BigDecimal priceBefore,
                         ConversionPriceAdjustment.Applied applied, BigDecimal price, BigDecimal shareCountPrice) {
    }

    private final String instrumentId;
    private final LocalDate issueDate;
    private final BigDecimal issuePrice;
    private final List<ConversionPriceAdjustment> adjustments;
    private final List<Change> changes;
    /** The price after the first k adjustments (k = 0 .. n): every one, and only 4(a)(A)-(C). */
    private final BigDecimal[] prices;
    private final BigDecimal[] shareCountPrices;

    /**
     * The history of an instrument from the deal file's price as of the Issue Date and the symbol's
     * splits and stock dividends (4(a)(A)-(C)) only, in the order they were logged. The job's history
     * also has the issuances: {@link ConversionPrices}.
     */
    public static ConversionPriceHistory of(org.debentures.compliance.terms.Instrument instrument,
                                            List<org.debentures.compliance.rules.market.CorporateAction> corporateActions) {
        List<ShareCountAdjustment> adjustments = new ArrayList<>();
        corporateActions.forEach(action -> adjustments.add(ShareCountAdjustment.of(action)));
        return new ConversionPriceHistory(instrument.id(), instrument.issueDate(), instrument.conversionPrice(), adjustments);
    }

    public ConversionPriceHistory(String instrumentId, LocalDate issueDate, BigDecimal issuePrice,
                                  List<? extends ConversionPriceAdjustment> adjustments) {
        this.instrumentId = Objects.requireNonNull(instrumentId, "instrumentId");
        this.issueDate = Objects.requireNonNull(issueDate, "issueDate");
        this.issuePrice = Objects.requireNonNull(issuePrice, "issuePrice");
        this.adjustments = adjustments.stream()
                .filter(a -> a.effectiveDate().isAfter(issueDate))
                .sorted(Comparator.comparing(ConversionPriceAdjustment::effectiveDate)
                        .thenComparingInt(ConversionPriceAdjustment::rankInDay)) // stable: the log's order within a rank
                .map(a -> (ConversionPriceAdjustment) a)
                .toList();
        // worked out once: a price is asked for every day of a history, and it only changes on these dates
        this.prices = new BigDecimal[this.adjustments.size() + 1];
        this.shareCountPrices = new BigDecimal[this.adjustments.size() + 1];
        prices[0] = issuePrice;
        shareCountPrices[0] = issuePrice;
        List<Change> all = new ArrayList<>();
        for (int k = 1; k <= this.adjustments.size(); k++) {
            ConversionPriceAdjustment adjustment = this.adjustments.get(k - 1);
            ConversionPriceAdjustment.Applied applied = adjustment.applied(prices[k - 1]);
            prices[k] = applied.price();
            shareCountPrices[k] = adjustment.clause().isShareCountEvent()
                    ? adjustment.apply(shareCountPrices[k - 1]) : shareCountPrices[k - 1];
            all.add(new Change(k, adjustment.effectiveDate(), adjustment, prices[k - 1], applied, prices[k],
                    shareCountPrices[k]));
        }
        this.changes = List.copyOf(all);
    }

    public String instrumentId() {
        return instrumentId;
    }

    public BigDecimal issuePrice() {
        return issuePrice;
    }

    /** The Conversion Price in effect on {@code date}, every §4 adjustment applied (a day's own events included). */
    public BigDecimal priceOn(LocalDate date) {
        return prices[inEffect(date)];
    }

    /** The issue-date Conversion Price adjusted only by 4(a)(A)-(C), as of {@code date} (§5(c)(ii)). */
    public BigDecimal shareCountPriceOn(LocalDate date) {
        return shareCountPrices[inEffect(date)];
    }

    /** How many adjustments are in effect on {@code date} (the first ones, in date order). */
    private int inEffect(LocalDate date) {
        int k = 0;
        while (k < adjustments.size() && !adjustments.get(k).effectiveDate().isAfter(date)) {
            k++;
        }
        return k;
    }

    /** Every event of the history, in the order applied (with those that changed nothing). */
    public List<Change> changes() {
        return changes;
    }
}
