package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.junit.jupiter.api.Test;

/**
 * SPEC §15 invariants over seeded random histories of issuances (JUnit 5, {@link Random} with fixed seeds):
 * an exempt issuance never moves a price; an (F) adjustment lands strictly between CP x O / (O + shares) and CP;
 * no 4(a)(D)-(F) issuance ever moves the §5(c)(ii) price; a price never rises with an issuance; a 4(e) price is
 * never above the Conversion Price in effect, never before the Announcement Date, always from it while the
 * transaction is open (it is a conversion's price: the history, and so the §5(c)(ii) price, never sees it).
 */
class Spec15ConversionPricePropertyTest {

    private static final String[] DOCUMENTS = {"COMMON", "CONVERTIBLE", "RESET"};

    private static List<FilingEvent> randomIssuances(Random random) {
        List<FilingEvent> events = new ArrayList<>();
        events.add(Spec15DilutiveIssuanceTest.outstanding("2002-01-02", 10_000_000L + random.nextInt(30_000_000)));
        LocalDate day = LocalDate.parse("2002-04-01");
        for (int i = 0; i < 12; i++) {
            day = day.plusDays(1 + random.nextInt(60));
            if (random.nextInt(4) == 0) {
                events.add(new FilingEvent(day, EventType.SHARES_OUTSTANDING, "RMTR", null,
                        10_000_000L + random.nextInt(30_000_000), null, null, null, null));
            }
            BigDecimal price = BigDecimal.valueOf(100 + random.nextInt(500), 2); // 1.00 .. 5.99
            String clause = random.nextInt(4) == 0 ? "4(h)(" + List.of("i", "ii", "iii", "iv", "v").get(random.nextInt(5)) + ")"
                    : null;
            events.add(new FilingEvent(day, EventType.ISSUANCE, "RMTR", null, 1L + random.nextInt(3_000_000), null, price,
                    DOCUMENTS[random.nextInt(3)], null, clause, null, null));
        }
        return events;
    }

    @Test
    void issuancesObeyTheBoundsOfDToFAndNeverTouchTheVwapTestPrice() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            List<FilingEvent> events = randomIssuances(random);
            BigDecimal mp = BigDecimal.valueOf(200 + random.nextInt(400), 2);
            for (var instrument : List.of(Spec15DilutiveIssuanceTest.BRAMWELL, Spec15DilutiveIssuanceTest.INFINEON)) {
                ConversionPriceHistory h = ConversionPrices.history(instrument, List.of(), events, d -> mp);
                for (ConversionPriceHistory.Change c : h.changes()) {
                    String where = "seed " + seed + " " + instrument.id() + " " + c.adjustment().describe();
                    assertEquals(0, instrument.conversionPrice().compareTo(c.shareCountPrice()), where);
                    assertTrue(c.price().compareTo(c.priceBefore()) <= 0, where + ": an issuance never raises the price");
                    DilutiveIssuance issuance = (DilutiveIssuance) c.adjustment();
                    if (issuance.exemption() == DilutiveIssuance.Exemption.EXEMPT) {
                        assertEquals(c.priceBefore(), c.price(), where + ": an exempt issuance moves nothing");
                    }
                    if (c.applied().clause().equals("Debenture 4(a)(F)") && c.applied().adjusted()) {
                        BigDecimal o = BigDecimal.valueOf(issuance.sharesOutstanding());
                        BigDecimal floor = c.priceBefore().multiply(o).divide(
                                o.add(BigDecimal.valueOf(issuance.issuance().shares())), MathContext.DECIMAL128);
                        assertTrue(floor.compareTo(c.price()) < 0 && c.price().compareTo(c.priceBefore()) < 0,
                                where + ": " + floor + " < " + c.price() + " < " + c.priceBefore());
                    }
                }
            }
        }
    }

    @Test
    void aMajorAnnouncementPriceIsNeverAboveTheConversionPriceAndOnlyInsideItsWindow() {
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<LocalDate> days = new ArrayList<>();
            java.util.TreeMap<LocalDate, BigDecimal> bids = new java.util.TreeMap<>();
            for (LocalDate d = LocalDate.parse("2004-01-01"); d.isBefore(LocalDate.parse("2004-12-31")); d = d.plusDays(1)) {
                if (d.getDayOfWeek().getValue() <= 5 && random.nextInt(20) > 0) {
                    days.add(d);
                    if (random.nextInt(30) > 0) {
                        bids.put(d, BigDecimal.valueOf(50 + random.nextInt(600), 2));
                    }
                }
            }
            LocalDate announced = LocalDate.parse("2004-02-02").plusDays(random.nextInt(200));
            List<FilingEvent> events = new ArrayList<>();
            events.add(new FilingEvent(announced, EventType.MAJOR_ANNOUNCEMENT, "RMTR", null, null, null, null,
                    random.nextBoolean() ? "TENDER_OFFER" : "CHANGE_OF_CONTROL", null));
            if (random.nextBoolean()) {
                events.add(new FilingEvent(announced.plusDays(random.nextInt(60)), random.nextBoolean()
                        ? EventType.TRANSACTION_CONSUMMATED : EventType.TRANSACTION_ABANDONED, "RMTR", null, null, null,
                        null, null, null));
            }
            BigDecimal mp = random.nextInt(5) == 0 ? null : BigDecimal.valueOf(50 + random.nextInt(600), 2);
            MajorAnnouncementPrice prices = new MajorAnnouncementPrice(events,
                    org.debentures.compliance.calendar.TradingCalendar.of(days), bids, d -> mp,
                    org.debentures.compliance.terms.MajorAnnouncementTerms.DEFAULT,
                    org.debentures.compliance.calendar.BusinessDays.newYork());
            BigDecimal z = BigDecimal.valueOf(100 + random.nextInt(500), 2);
            for (LocalDate d = announced.minusDays(5); d.isBefore(announced.plusDays(90)); d = d.plusDays(1)) {
                var price = prices.forConversion(d, z);
                String where = "seed " + seed + " on " + d;
                if (d.isBefore(announced)) {
                    assertTrue(price.isEmpty(), where + ": no 4(e) price before the Announcement Date");
                } else if (d.isBefore(announced.plusDays(1)) || events.size() == 1) {
                    assertTrue(price.isPresent(), where + ": the window is open from A while no outcome is logged");
                }
                price.ifPresent(p -> assertTrue(p.price().compareTo(z) <= 0 && p.price().signum() > 0,
                        where + ": " + p.price() + " above z " + z));
            }
        }
    }
}
