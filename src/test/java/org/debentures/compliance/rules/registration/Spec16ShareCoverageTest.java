package org.debentures.compliance.rules.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.rules.conversion.ShareCountAdjustment;
import org.debentures.compliance.rules.market.CorporateAction;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.junit.jupiter.api.Test;

/**
 * SPEC §16, RRA 2(a) and 4(k): required and registered shares of RRA-2002 (Bramwell and Halifax, $2,500,000 each at
 * 3.769, 218,886 warrant shares each): required = 2 x ceil(2,500,000 / 3.769) + 2 x 218,886 = 2 x 663,306 + 437,772
 * = 1,764,384; 150% = 2,646,576; 125% = 2,205,480.
 */
class Spec16ShareCoverageTest {

    static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    static final RegistrationAgreement RRA_2002 = DEAL.agreement("RRA-2002").orElseThrow();
    static final List<Instrument> UNDER = DEAL.instruments().stream()
            .filter(i -> i.registrationAgreementId().equals("RRA-2002")).toList();
    static final BusinessDays NY = BusinessDays.newYork();

    static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    static FilingEvent row(String date, EventType type, Long shares) {
        return new FilingEvent(d(date), type, "RRA-2002", null, shares, null, null, null, null);
    }

    /** A 2-for-1 split on 2004-09-08: 3.769 / 2 = 1.8845. */
    static List<ConversionPriceHistory> prices(boolean split) {
        return UNDER.stream().map(i -> new ConversionPriceHistory(i.id(), i.issueDate(), i.conversionPrice(), split
                ? List.of(ShareCountAdjustment.of(new CorporateAction(CorporateAction.Kind.STOCK_SPLIT, d("2004-09-08"),
                new BigDecimal("2")))) : List.of())).toList();
    }

    static ShareCoverage coverage(List<FilingEvent> events, boolean split) {
        return ShareCoverage.of(RRA_2002, UNDER.stream().map(i -> new PrincipalOutstanding(i, List.of(), NY)).toList(),
                prices(split), UNDER.stream().map(Instrument::warrantShares).toList(), events).orElseThrow();
    }

    static List<Finding> of(List<Finding> findings, ExceptionCode code) {
        return findings.stream().filter(f -> f.code() == code).toList();
    }

    @Test
    void requiredSharesOfRra2002AreSpecsFigure() {
        ShareCoverage c = coverage(List.of(row("2002-04-30", EventType.REGISTRATION_FILED, 2_646_576L)), false);
        assertEquals(1_764_384L, c.requiredOn(d("2002-03-28")));
        // exactly 150% at filing: not undersized
        assertTrue(of(c.findings(d("2002-03-28"), d("2002-12-31")), ExceptionCode.REGISTRATION_UNDERSIZED).isEmpty());
        // after the split: 2 x ceil(2,500,000 / 1.8845) + 437,772 = 2 x 1,326,612 + 437,772 = 3,090,996
        assertEquals(3_090_996L, coverage(List.of(), true).requiredOn(d("2004-09-08")));
    }

    @Test
    void anUndersizedFirstFilingRunsUntilACoveringFilingIsEffective() {
        List<FilingEvent> events = List.of(row("2002-04-30", EventType.REGISTRATION_FILED, 2_646_575L), // one short
                row("2002-06-03", EventType.REGISTRATION_AMENDED, 2_700_000L),
                row("2002-06-20", EventType.REGISTRATION_EFFECTIVE, null));
        List<Finding> undersized = of(coverage(events, false).findings(d("2002-03-28"), d("2002-12-31")),
                ExceptionCode.REGISTRATION_UNDERSIZED);
        assertEquals(1, undersized.size());
        assertEquals(d("2002-04-30"), undersized.get(0).startDate());
        assertEquals(d("2002-06-19"), undersized.get(0).endDate()); // the covering amendment effective 06-20
        assertTrue(undersized.get(0).message().contains("2,646,575 shares, below 150% of the 1,764,384 shares required"
                + " on the Closing Date 2002-03-28 (2646576)"), undersized.get(0).message());
        // no covering filing effective yet: open
        List<Finding> open = of(coverage(events.subList(0, 1), false).findings(d("2002-03-28"), d("2002-12-31")),
                ExceptionCode.REGISTRATION_UNDERSIZED);
        assertNull(open.get(0).endDate());
    }

    @Test
    void registeredSharesAreTheLatestStatementMadeEffectiveAndTheShortfallIsBelow125Percent() {
        List<FilingEvent> events = List.of(row("2002-04-30", EventType.REGISTRATION_FILED, 2_700_000L),
                row("2002-09-05", EventType.REGISTRATION_EFFECTIVE, null),
                row("2004-10-01", EventType.REGISTRATION_AMENDED, 4_700_000L),
                row("2004-10-12", EventType.REGISTRATION_EFFECTIVE, null));
        ShareCoverage c = coverage(events, true);
        assertNull(c.registeredOn(d("2002-09-04")));
        assertEquals(2_700_000L, c.registeredOn(d("2002-09-05")));
        assertEquals(2_700_000L, c.registeredOn(d("2004-10-11"))); // the amendment is filed, not yet effective
        assertEquals(4_700_000L, c.registeredOn(d("2004-10-12")));

        // the split of 2004-09-08 takes required to 3,090,996; 125% = 3,863,745 > 2,700,000 until 10-12
        List<Finding> shortfall = of(c.findings(d("2002-03-28"), d("2004-12-31")), ExceptionCode.COVERAGE_SHORTFALL);
        assertEquals(1, shortfall.size());
        assertEquals(d("2004-09-08"), shortfall.get(0).startDate());
        assertEquals(d("2004-10-11"), shortfall.get(0).endDate());

        List<ShareCoverage.Day> days = c.days(d("2004-09-07"), d("2004-09-08"));
        ShareCoverage.Day before = days.get(0);
        assertEquals(1_764_384L, before.required());
        assertEquals(0, new BigDecimal("2205480.00").compareTo(before.maintainLine())); // 1.25 x 1,764,384
        assertEquals(0, new BigDecimal("2646576.00").compareTo(before.cureLine()));     // 1.50 x 1,764,384
        assertEquals(0L, before.shortfall());
        ShareCoverage.Day after = days.get(1);
        assertEquals(3_090_996L, after.required());
        assertEquals(1_163_745L, after.shortfall()); // 3,863,745 - 2,700,000
    }

    @Test
    void cDaysEndOnlyWithAnAmendmentCovering150PercentOfTheSharesRequiredOnItsDate() {
        // notice 2004-09-10, cure deadline 09-20 (10 days); an amendment of 3,000,000 on 09-15 is below
        // 150% x 3,090,996 = 4,636,494 and cures nothing; 4,700,000 on 10-01 cures (coverage-cure FILED)
        List<FilingEvent> events = new ArrayList<>(List.of(row("2002-04-30", EventType.REGISTRATION_FILED, 2_700_000L),
                row("2002-09-05", EventType.REGISTRATION_EFFECTIVE, null),
                row("2004-09-10", EventType.COVERAGE_NOTICE, null),
                row("2004-09-15", EventType.REGISTRATION_AMENDED, 3_000_000L),
                row("2004-10-01", EventType.REGISTRATION_AMENDED, 4_700_000L)));
        ShareCoverage c = coverage(events, true);
        assertEquals(Optional.of(d("2004-10-01")), c.firstCuringAmendmentOnOrAfter(d("2004-09-10")));
        RegistrationTimeline timeline = RegistrationTimeline.of("RRA-2002", events);
        RegistrationDefaults.Result result = new RegistrationDefaults(NY).compute(RRA_2002, DEAL.closingDate(),
                DEAL.switches(), timeline, d("2004-12-31"), c::firstCuringAmendmentOnOrAfter);
        List<LocalDate> late = result.days().stream().filter(x -> x.reasons().contains(DefaultReason.COVERAGE_LATE))
                .map(RegistrationDefaultDay::date).toList();
        assertEquals(d("2004-09-21"), late.get(0));
        assertEquals(d("2004-10-01"), late.get(late.size() - 1)); // 11 days: 09-21 .. 10-01
        assertEquals(11, late.size());
        // without the coverage terms (v1 reading) the 09-15 amendment would have cured on its date: no (C) day at all
        RegistrationDefaults.Result v1 = new RegistrationDefaults(NY).compute(RRA_2002, DEAL.closingDate(),
                DEAL.switches(), timeline, d("2004-12-31"));
        assertTrue(v1.days().stream().noneMatch(x -> x.reasons().contains(DefaultReason.COVERAGE_LATE)));
    }

    @Test
    void notCheckedWithoutWarrantSharesOrCoverageTerms() {
        List<Long> noWarrants = new ArrayList<>();
        noWarrants.add(null);
        noWarrants.add(218_886L);
        assertTrue(ShareCoverage.of(RRA_2002, UNDER.stream().map(i -> new PrincipalOutstanding(i, List.of(), NY)).toList(),
                prices(false), noWarrants, List.of()).isEmpty());
        RegistrationAgreement rra2001 = DEAL.agreement("RRA-2001").orElseThrow(); // no registration-coverage in the deal file
        assertTrue(ShareCoverage.of(rra2001, UNDER.stream().map(i -> new PrincipalOutstanding(i, List.of(), NY)).toList(),
                prices(false), UNDER.stream().map(Instrument::warrantShares).toList(), List.of()).isEmpty());
    }
}
