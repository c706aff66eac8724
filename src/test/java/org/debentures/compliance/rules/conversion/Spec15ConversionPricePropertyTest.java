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
 * no 4(a)(D)-(F) issuance ever moves the §5(c)(ii) price; a price never rises with an issuance.
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
}
