package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.market.PriceGapFinder;
import org.debentures.compliance.rules.market.VwapObservation;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MandatoryConversionTerms;
import org.debentures.compliance.terms.VwapTestReading;

/**
 * Debenture §5(c)(ii), as SPEC §5 and §10 state it: "VWAP shall have been greater than the
 * Conversion Price as of the Issue Date (as adjusted by 4(a)(A), (B) or (C) only) by at least two
 * hundred percent (200%) for at least twenty (20) Trading Days during any period of thirty (30)
 * consecutive Trading Days occurring after the seventeen (17) month anniversary of the Issue Date".
 * <ul>
 *   <li>counted days: Trading Days of the VWAP feed strictly after Issue Date + 17 months (clamped to
 *       the month's end), up to the Maturity Date and the as-of date;</li>
 *   <li>threshold on day d: multiple x price ({@code PERCENT_OF}) or (1 + multiple) x price
 *       ({@code EXCESS_OVER}), the price adjusted for the 4(a)(A)-(C) events effective on or before
 *       d, six decimals half-up; with a back-adjusted feed ({@code prices-split-adjusted}) the price
 *       is the one in force on the as-of date, the basis the feed is quoted on;</li>
 *   <li>on each counted day closing a run of 30 counted days: the count of those days at or above
 *       their threshold; met when the count reaches 20; once met it stays met;</li>
 *   <li>SPEC §5 v2: that window has a gap when an exchange session day from its first to its 30th
 *       counted day has no VWAP row and no open trading halt (the {@code PRICE_MISSING} data gap of
 *       SPEC §3, as {@link PriceGapFinder} finds it): a missing day below the threshold could undo
 *       a count of 20.</li>
 * </ul>
 */
public final class MandatoryConversionVwapTest {

    private final MandatoryConversionTerms terms;
    private final VwapTestReading reading;
    private final boolean feedBackAdjusted;

    public MandatoryConversionVwapTest(MandatoryConversionTerms terms, VwapTestReading reading, boolean feedBackAdjusted) {
        this.terms = terms;
        this.reading = reading;
        this.feedBackAdjusted = feedBackAdjusted;
    }

    /** The day after which Trading Days count: Issue Date + observation months (17), clamped to month end. */
    public LocalDate observationAnniversary(Instrument instrument) {
        return instrument.issueDate().plusMonths(terms.observationMonths());
    }

    /**
     * The test with the NYSE sessions and no trading halt: for callers that know of none.
     *
     * @see #run(Instrument, ConversionPriceHistory, List, ExchangeSessions, List, LocalDate)
     */
    public List<VwapTestDay> run(Instrument instrument, ConversionPriceHistory prices, List<VwapObservation> vwaps,
                                 LocalDate asOf) {
        return run(instrument, prices, vwaps, ExchangeSessions.nyse(), List.of(), asOf);
    }

    /**
     * @param vwaps every VWAP row known as of {@code asOf} (any order), not only the Trading Days:
     *        non-Trading Days are not counted, but a row with volume 0 is a row, not a data gap
     * @param sessions the exchange's session days, to find the days of a window without a VWAP row
     * @param halts the symbol's trading halts ({@code TRADING_HALTED} .. {@code TRADING_RESUMED}) known as of
     *        {@code asOf}: a session day inside one is not a gap
     * @return one day per counted Trading Day, in date order
     */
    public List<VwapTestDay> run(Instrument instrument, ConversionPriceHistory prices, List<VwapObservation> vwaps,
                                 ExchangeSessions sessions, List<DateInterval> halts, LocalDate asOf) {
        NavigableSet<LocalDate> gaps = vwaps.isEmpty() ? new TreeSet<>() : new PriceGapFinder(sessions)
                .sessionDaysWithoutVwapRow(vwaps.stream().map(VwapObservation::date).collect(Collectors.toSet()), halts,
                        vwaps.stream().map(VwapObservation::date).min(LocalDate::compareTo).orElseThrow(),
                        vwaps.stream().map(VwapObservation::date).max(LocalDate::compareTo).orElseThrow());
        return run(instrument, prices, vwaps, gaps, asOf);
    }

    /**
     * As {@link #run(Instrument, ConversionPriceHistory, List, ExchangeSessions, List, LocalDate)}, with the symbol's
     * session days without a VWAP row and no open halt ({@link PriceGapFinder#sessionDaysWithoutVwapRow}) already
     * found over a range that covers the counted days: the instruments of one symbol share them.
     */
    public List<VwapTestDay> run(Instrument instrument, ConversionPriceHistory prices, List<VwapObservation> vwaps,
                                 NavigableSet<LocalDate> gaps, LocalDate asOf) {
        LocalDate anniversary = observationAnniversary(instrument);
        LocalDate last = instrument.maturityDate().isBefore(asOf) ? instrument.maturityDate() : asOf;
        List<VwapObservation> counted = vwaps.stream()
                .filter(VwapObservation::isTradingDay)
                .filter(v -> v.date().isAfter(anniversary) && !v.date().isAfter(last))
                .sorted((a, b) -> a.date().compareTo(b.date()))
                .toList();
        BigDecimal multipleExcess = terms.multiple().add(BigDecimal.ONE);
        int window = terms.windowTradingDays();
        boolean[] above = new boolean[counted.size()];
        List<VwapTestDay> days = new ArrayList<>(counted.size());
        int inWindow = 0;
        boolean met = false;
        for (int i = 0; i < counted.size(); i++) {
            VwapObservation observation = counted.get(i);
            BigDecimal price = prices.shareCountPriceOn(feedBackAdjusted ? asOf : observation.date());
            BigDecimal percentOf = Rounding.price(terms.multiple().multiply(price));
            BigDecimal excessOver = Rounding.price(multipleExcess.multiply(price));
            BigDecimal threshold = reading == VwapTestReading.PERCENT_OF ? percentOf : excessOver;
            above[i] = observation.vwap().compareTo(threshold) >= 0;
            inWindow += above[i] ? 1 : 0;
            if (i >= window) {
                inWindow -= above[i - window] ? 1 : 0;
            }
            Integer count = i >= window - 1 ? inWindow : null;
            LocalDate windowStart = count == null ? null : counted.get(i - window + 1).date();
            met = met || (count != null && count >= terms.requiredTradingDays());
            // the gap days of the window: a view of the sorted set, not a scan of the window
            List<LocalDate> windowGaps = windowStart == null ? List.of()
                    : List.copyOf(gaps.subSet(windowStart, true, observation.date(), true));
            days.add(new VwapTestDay(observation.date(), observation.vwap(), price, threshold, percentOf, excessOver,
                    above[i], count, windowStart, met, !windowGaps.isEmpty(), windowGaps));
        }
        return days;
    }
}
