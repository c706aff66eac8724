package org.debentures.compliance.rules.conversion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.ExchangeSessions;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.conversion.ConditionState.State;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.junit.jupiter.api.Test;

/**
 * SPEC §16: the 3(f) cap of Bramwell (9.99%) with 22,000,000 shares outstanding, 9.99% x 22,000,000 = 2,197,800
 * shares; 5(c)(vii); and the validity of a Mandatory Conversion Notice (5(b)).
 */
class Spec16OwnershipCapAndNoticesTest {

    static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    static final Instrument BRAMWELL = DEAL.instruments().get(0);
    static final BusinessDays NY = BusinessDays.newYork();

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static final SharesOutstanding O = new SharesOutstanding(List.of(new FilingEvent(d("2002-01-02"),
            EventType.SHARES_OUTSTANDING, "RMTR", null, 22_000_000L, null, null, null, null)));

    static FilingEvent position(String date, long shares) {
        return new FilingEvent(d(date), EventType.HOLDER_POSITION, BRAMWELL.id(), null, shares, null, null, null, null);
    }

    /** 500,000 converted at 3.769 on 2003-11-03: ceil(132,661.18) = 132,662 Conversion Shares. */
    static final ConversionDelivery CONVERSION = new ConversionDelivery(BRAMWELL.id(), d("2003-11-03"), "CONV-1",
            new BigDecimal("500000.00"), new BigDecimal("3.769"), new BigDecimal("132662"), 132662L, d("2003-11-06"),
            d("2003-11-05"), 0);

    @Test
    void aConversionAboveTheCapWithTheHoldersPositionIsOneRowOnItsDate() {
        // 132,662 + 2,065,139 = 2,197,801 > 2,197,800
        List<Finding> over = new OwnershipCap(BRAMWELL, O, List.of(position("2003-10-01", 2_065_139))).exceeded(List.of(CONVERSION));
        assertEquals(1, over.size());
        assertEquals(ExceptionCode.OWNERSHIP_CAP_EXCEEDED, over.get(0).code());
        assertEquals(d("2003-11-03"), over.get(0).startDate());
        assertEquals(d("2003-11-03"), over.get(0).endDate());
        assertTrue(over.get(0).message().contains("2,197,801 shares: above 9.99% of the 22,000,000 shares outstanding"
                + " (2197800)"), over.get(0).message());
        // 2,197,800 exactly: at the cap, not above it
        assertTrue(new OwnershipCap(BRAMWELL, O, List.of(position("2003-10-01", 2_065_138))).exceeded(List.of(CONVERSION))
                .isEmpty());
        // a position dated after the conversion does not count; none known: not checked
        assertTrue(new OwnershipCap(BRAMWELL, O, List.of(position("2003-11-04", 9_000_000))).exceeded(List.of(CONVERSION))
                .isEmpty());
    }

    @Test
    void condition5cviiConvertsAllUnpaidPrincipal() {
        PrincipalOutstanding principal = new PrincipalOutstanding(BRAMWELL, List.of(), NY);
        ConversionPriceHistory prices = new ConversionPriceHistory(BRAMWELL.id(), BRAMWELL.issueDate(),
                BRAMWELL.conversionPrice(), List.of());
        // 2,500,000 / 3.769 = 663,305.9 -> 663,306; + 1,534,494 = 2,197,800: within the cap
        ConditionState within = new OwnershipCap(BRAMWELL, O, List.of(position("2004-01-02", 1_534_494)))
                .condition("5(c)(vii)", principal, prices, d("2004-03-05"));
        assertEquals(State.MET, within.state());
        ConditionState above = new OwnershipCap(BRAMWELL, O, List.of(position("2004-01-02", 1_534_495)))
                .condition("5(c)(vii)", principal, prices, d("2004-03-05"));
        assertEquals(State.NOT_MET, above.state());
        assertTrue(above.evidence().contains("663,306 shares + the Holder's 1,534,495 = 2,197,801 against 9.99% x"
                + " 22,000,000 = 2197800"), above.evidence());
        assertEquals(State.NOT_CHECKED, new OwnershipCap(BRAMWELL, O, List.of())
                .condition("5(c)(vii)", principal, prices, d("2004-03-05")).state());
        assertEquals(State.NOT_CHECKED, new OwnershipCap(BRAMWELL, new SharesOutstanding(List.of()),
                List.of(position("2004-01-02", 0))).condition("5(c)(vii)", principal, prices, d("2004-03-05")).state());
    }

    static Readiness readiness(LocalDate day, State ii) {
        return new Readiness(BRAMWELL.id(), day, List.of(new ConditionState("5(c)(i)", "18 months", State.MET, null, "ok"),
                new ConditionState("5(c)(ii)", "VWAP", ii, null, "latest window 12 of 30"),
                new ConditionState("5(c)(iii)", "reserved", State.NOT_CHECKED, null, "not in the inputs")),
                day.plusDays(1), day.plusDays(30), ii != State.NOT_MET);
    }

    static FilingEvent notice(String date, String conversionDate) {
        return new FilingEvent(d(date), EventType.MANDATORY_CONVERSION_NOTICE, BRAMWELL.id(), null, null, null, null,
                "MCN-1", null, null, null, d(conversionDate));
    }

    @Test
    void aNoticeIsValidOnABusinessDayTwentyTradingDaysAheadWithEveryCheckableConditionMet() {
        MandatoryConversionNotices notices = new MandatoryConversionNotices(NY, ExchangeSessions.nyse());
        // Monday 2004-03-08 for Monday 2004-04-05: sessions 03-09..03-12 (4), 03-15..19 (9), 22..26 (14),
        // 29..04-02 (19), 04-05 (20)
        var valid = notices.evaluate(List.of(notice("2004-03-08", "2004-04-05")), day -> readiness(day, State.MET), 20);
        assertTrue(valid.get(0).valid(), valid.get(0).failures().toString());
        assertEquals(20, valid.get(0).sessions());
        assertTrue(MandatoryConversionNotices.invalid(BRAMWELL.id(), valid).isEmpty());

        // one session short, and dated on a Saturday, and (ii) not met on its date: each failure named
        var invalid = notices.evaluate(List.of(notice("2004-03-06", "2004-04-02")), day -> readiness(day, State.NOT_MET), 20);
        assertFalse(invalid.get(0).valid());
        List<Finding> rows = MandatoryConversionNotices.invalid(BRAMWELL.id(), invalid);
        assertEquals(1, rows.size());
        assertEquals(ExceptionCode.MANDATORY_CONVERSION_INVALID, rows.get(0).code());
        assertEquals(d("2004-03-06"), rows.get(0).startDate());
        String message = rows.get(0).message();
        assertTrue(message.contains("dated 2004-03-06, not a Business Day"), message);
        // Saturday 03-06 to Friday 04-02: 03-08..03-12 (5), 15..19 (10), 22..26 (15), 29..04-02 (20): 20 sessions
        assertFalse(message.contains("Trading Day(s)"), message);
        assertTrue(message.contains("5(c)(ii) not met on 2004-03-06: latest window 12 of 30"), message);
        // a notice 19 sessions ahead
        var short19 = notices.evaluate(List.of(notice("2004-03-08", "2004-04-02")), day -> readiness(day, State.MET), 20);
        assertTrue(short19.get(0).failures().get(0).startsWith("only 19 Trading Day(s) from 2004-03-08"),
                short19.get(0).failures().toString());
    }
}
