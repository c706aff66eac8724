package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.TradingCalendar;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.rules.covenants.ListingAndControl;
import org.debentures.compliance.terms.MajorAnnouncementTerms;

/**
 * Debenture 4(e) as SPEC §15 states it: a conversion whose Conversion Date lies from a {@code MAJOR_ANNOUNCEMENT}
 * date A through the 3rd Business Day after the earlier of the transaction's consummation and abandonment (open
 * while neither is logged) converts at the lowest of
 * <ul>
 *   <li>(x) the Market Price as of the last Trading Day before A,</li>
 *   <li>(y) the mean closing bid of the three Trading Days after A (A excluded), six decimals half-up, counted
 *       only when its third Trading Day is on or before the Conversion Date, and</li>
 *   <li>(z) the Conversion Price in effect on the Conversion Date.</li>
 * </ul>
 * For conversions only: never the price of 6(b), of the share coverage of §16, nor the §5(c)(ii) threshold. A
 * term the inputs do not give (no Market Price, a bid missing) is left out, and the evidence says so.
 */
public final class MajorAnnouncementPrice {

    /** The price a conversion converts at, with the clause and the terms that gave it. */
    public record Price(BigDecimal price, String clause, String terms) {
    }

    /** One announcement's window and its (x), (y). */
    record Window(LocalDate announced, LocalDate last, BigDecimal x, LocalDate xDay, BigDecimal y, LocalDate yComplete,
                  String document) {
        boolean covers(LocalDate day) {
            return !day.isBefore(announced) && (last == null || !day.isAfter(last));
        }
    }

    private final List<Window> windows = new ArrayList<>();

    /**
     * @param symbolEvents the symbol's {@code MAJOR_ANNOUNCEMENT}, {@code TRANSACTION_CONSUMMATED} and
     *                     {@code TRANSACTION_ABANDONED} rows, in date then read order
     * @param marketPrice the Market Price as of a day, {@code null} when unavailable
     */
    public MajorAnnouncementPrice(List<FilingEvent> symbolEvents, TradingCalendar trading,
                                  java.util.NavigableMap<LocalDate, BigDecimal> closingBids,
                                  Function<LocalDate, BigDecimal> marketPrice, MajorAnnouncementTerms terms,
                                  BusinessDays businessDays) {
        for (FilingEvent a : symbolEvents) {
            if (a.type() != EventType.MAJOR_ANNOUNCEMENT) {
                continue;
            }
            FilingEvent outcome = ListingAndControl.transaction(symbolEvents, a);
            LocalDate last = outcome == null ? null : businessDays.businessDaysAfter(outcome.date(), terms.windowBusinessDays());
            List<LocalDate> before = trading.precedingTradingDays(a.date(), 1);
            LocalDate xDay = before.isEmpty() ? null : before.get(0);
            BigDecimal x = xDay == null ? null : marketPrice.apply(xDay);
            int first = trading.countBefore(a.date().plusDays(1));
            BigDecimal y = null;
            LocalDate yComplete = null;
            if (first + terms.bidTradingDays() <= trading.size()) {
                BigDecimal sum = BigDecimal.ZERO;
                boolean complete = true;
                for (int i = first; i < first + terms.bidTradingDays(); i++) {
                    BigDecimal bid = closingBids.get(trading.day(i));
                    if (bid == null) {
                        complete = false;
                        break;
                    }
                    sum = sum.add(bid);
                }
                yComplete = trading.day(first + terms.bidTradingDays() - 1);
                y = complete ? Rounding.averagePrice(sum, terms.bidTradingDays()) : null;
            }
            windows.add(new Window(a.date(), last, x, xDay, y, yComplete, a.document()));
        }
    }

    /** True when {@code conversionDate} lies in a Major Announcement window. */
    public boolean applies(LocalDate conversionDate) {
        return windows.stream().anyMatch(w -> w.covers(conversionDate));
    }

    /**
     * The price a conversion on {@code conversionDate} converts at, {@code z} being the Conversion Price in effect
     * that day; empty outside every window (the conversion converts at {@code z}).
     */
    public Optional<Price> forConversion(LocalDate conversionDate, BigDecimal z) {
        BigDecimal lowest = z;
        List<String> terms = new ArrayList<>();
        terms.add("(z) the Conversion Price " + Rounding.plain(Rounding.reportedConversionPrice(z)));
        boolean inWindow = false;
        for (Window w : windows) {
            if (!w.covers(conversionDate)) {
                continue;
            }
            inWindow = true;
            String a = " (" + w.document() + " announced " + w.announced() + ")";
            if (w.x() != null) {
                terms.add("(x) the Market Price as of " + w.xDay() + " " + Rounding.plain(w.x()) + a);
                lowest = lowest.min(w.x());
            } else {
                terms.add("(x) no Market Price as of the last Trading Day before " + w.announced() + a);
            }
            if (w.yComplete() != null && !w.yComplete().isAfter(conversionDate)) {
                if (w.y() != null) {
                    terms.add("(y) the mean closing bid of the Trading Days to " + w.yComplete() + " " + Rounding.plain(w.y()) + a);
                    lowest = lowest.min(w.y());
                } else {
                    terms.add("(y) a closing bid missing among the Trading Days to " + w.yComplete() + a);
                }
            } else {
                terms.add("(y) not yet: its Trading Days end after the Conversion Date" + a);
            }
        }
        if (!inWindow) {
            return Optional.empty();
        }
        return Optional.of(new Price(lowest, "Debenture 4(e)", "the lowest of " + String.join(", ", terms) + " = "
                + Rounding.plain(Rounding.reportedConversionPrice(lowest))));
    }
}
