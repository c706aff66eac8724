package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.TradingCalendar;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MajorAnnouncementTerms;
import org.junit.jupiter.api.Test;

/**
 * SPEC §15, Debenture 4(e): from a Major Announcement on Monday 2003-10-06 through the 3rd Business Day after the
 * transaction's consummation (Monday 2003-10-20: through Thursday 10-23), a conversion converts at the lowest of
 * (x) the Market Price as of Friday 10-03, 2.50; (y) the mean closing bid of 10-07, 10-08 and 10-09,
 * (2.10 + 2.20 + 2.40) / 3 = 2.233333; (z) the Conversion Price, 3.769. (y) counts from 10-09, its third Trading Day.
 */
class Spec15MajorAnnouncementTest {

    static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    static final Instrument BRAMWELL = DEAL.instruments().get(0);
    static final BusinessDays NY = BusinessDays.newYork();
    static final LocalDate A = LocalDate.parse("2003-10-06");

    static FilingEvent symbol(String date, EventType type, String document) {
        return new FilingEvent(LocalDate.parse(date), type, "RMTR", null, null, null, null, document, null);
    }

    static MajorAnnouncementPrice prices(List<FilingEvent> events) {
        List<LocalDate> weekdays = new ArrayList<>();
        TreeMap<LocalDate, BigDecimal> bids = new TreeMap<>();
        for (LocalDate d = LocalDate.parse("2003-09-01"); d.isBefore(LocalDate.parse("2003-12-31")); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                weekdays.add(d);
                bids.put(d, new BigDecimal("3.00"));
            }
        }
        bids.put(LocalDate.parse("2003-10-07"), new BigDecimal("2.10"));
        bids.put(LocalDate.parse("2003-10-08"), new BigDecimal("2.20"));
        bids.put(LocalDate.parse("2003-10-09"), new BigDecimal("2.40"));
        return new MajorAnnouncementPrice(events, TradingCalendar.of(weekdays), bids,
                d -> d.equals(LocalDate.parse("2003-10-03")) ? new BigDecimal("2.500000") : new BigDecimal("9.000000"),
                MajorAnnouncementTerms.DEFAULT, NY);
    }

    static final List<FilingEvent> CONSUMMATED = List.of(symbol("2003-10-06", EventType.MAJOR_ANNOUNCEMENT, "TENDER_OFFER"),
            symbol("2003-10-20", EventType.TRANSACTION_CONSUMMATED, null));
    static final BigDecimal Z = new BigDecimal("3.7690");

    @Test
    void theLowestOfXYAndZInsideTheWindowAndYOnlyFromItsThirdTradingDay() {
        MajorAnnouncementPrice p = prices(CONSUMMATED);
        assertTrue(p.forConversion(LocalDate.parse("2003-10-03"), Z).isEmpty(), "before A: no 4(e) price");
        // on A and the next two Trading Days (y) is not known yet: min(x 2.50, z 3.769) = 2.50
        assertEquals(new BigDecimal("2.500000"), p.forConversion(A, Z).orElseThrow().price());
        assertEquals(new BigDecimal("2.500000"), p.forConversion(LocalDate.parse("2003-10-08"), Z).orElseThrow().price());
        // from 10-09: (y) = 6.70 / 3 = 2.233333 (six decimals)
        assertEquals(new BigDecimal("2.233333"), p.forConversion(LocalDate.parse("2003-10-09"), Z).orElseThrow().price());
        // consummated Monday 10-20: through the 3rd Business Day after it, Thursday 10-23
        assertEquals(new BigDecimal("2.233333"), p.forConversion(LocalDate.parse("2003-10-23"), Z).orElseThrow().price());
        assertTrue(p.forConversion(LocalDate.parse("2003-10-24"), Z).isEmpty());
        // (z) when it is the lowest
        assertEquals(new BigDecimal("2.00"), p.forConversion(LocalDate.parse("2003-10-10"), new BigDecimal("2.00"))
                .orElseThrow().price());
    }

    @Test
    void anOpenTransactionKeepsTheWindowOpenAndAnAbandonmentClosesIt() {
        MajorAnnouncementPrice open = prices(List.of(CONSUMMATED.get(0)));
        assertTrue(open.forConversion(LocalDate.parse("2003-12-15"), Z).isPresent());
        // abandoned Friday 2003-11-07: its Business Days after are Monday 11-10, Wednesday 11-12 (11-11, Veterans Day, is
        // no New York Business Day) and Thursday 11-13: the window runs through 11-13
        MajorAnnouncementPrice abandoned = prices(List.of(CONSUMMATED.get(0),
                symbol("2003-11-07", EventType.TRANSACTION_ABANDONED, null)));
        assertTrue(abandoned.forConversion(LocalDate.parse("2003-11-13"), Z).isPresent());
        assertTrue(abandoned.forConversion(LocalDate.parse("2003-11-14"), Z).isEmpty());
    }

    @Test
    void aConversionInTheWindowDeliversSharesAtThe4ePriceAndTheHistoryIsUntouched() {
        FilingEvent conversion = new FilingEvent(LocalDate.parse("2003-10-09"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("100000.00"), 44777L, null, null, "CONV-4E", null);
        ConversionPriceHistory history = new ConversionPriceHistory(BRAMWELL.id(), BRAMWELL.issueDate(), Z, List.of());
        ConversionDelivery d = new ConversionDeliveries(NY).of(DEAL, BRAMWELL, history, prices(CONSUMMATED),
                List.of(conversion), LocalDate.parse("2003-10-31")).deliveries().get(0);
        // 100,000 / 2.233333 = 44,776.126... -> 44,777 shares (3(d): the next whole share)
        assertEquals(new BigDecimal("44777"), d.sharesDue());
        assertTrue(d.sharesMatch());
        assertTrue(d.priceBasis().startsWith("Debenture 4(e): the lowest of (z) the Conversion Price 3.769"), d.priceBasis());
        // the instrument's Conversion Price (6(b), §16) and the §5(c)(ii) price are not the 4(e) price
        assertEquals(0, Z.compareTo(history.priceOn(LocalDate.parse("2003-10-09"))));
        // outside every window: no basis
        FilingEvent later = new FilingEvent(LocalDate.parse("2003-10-27"), EventType.CONVERSION, BRAMWELL.id(),
                new BigDecimal("100000.00"), null, null, null, "CONV-LATER", null);
        ConversionDelivery outside = new ConversionDeliveries(NY).of(DEAL, BRAMWELL, history, prices(CONSUMMATED),
                List.of(later), LocalDate.parse("2003-10-31")).deliveries().get(0);
        assertNull(outside.priceBasis());
        // 100,000 / 3.769 = 26,532.24 -> 26,533
        assertEquals(new BigDecimal("26533"), outside.sharesDue());
    }
}
