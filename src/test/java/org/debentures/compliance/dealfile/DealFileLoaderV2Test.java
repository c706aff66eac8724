package org.debentures.compliance.dealfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.terms.CapexLimit;
import org.debentures.compliance.terms.CovenantTerms;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.EbitdaTarget;
import org.debentures.compliance.terms.EventOfDefaultTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.MajorAnnouncementTerms;
import org.debentures.compliance.terms.MandatoryConversionForm;
import org.debentures.compliance.terms.MandatoryConversionTerms;
import org.debentures.compliance.terms.RedemptionConversionPrice;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.RegistrationCoverage;
import org.debentures.compliance.terms.Switches;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The version-2 deal file (SPEC "What changed in version 2", §12-§16): the shared
 * {@code deal-file.yml} of version 2 ({@code ramtron-2002-v2.yml}) loads with its typed values; the
 * version-1 file ({@code ramtron-2002-v1.yml}, the sample deal file before version 2) loads to the
 * same version-1 values with the SPEC defaults for every v2 key; a wrong v2 value stops the run
 * naming the file and the key, and unknown keys are still refused.
 */
class DealFileLoaderV2Test {

    private static final LocalDate TUE_2002_12_31 = LocalDate.of(2002, 12, 31);
    private static final LocalDate WED_2004_03_31 = LocalDate.of(2004, 3, 31);
    private static final LocalDate SAT_2007_03_31 = LocalDate.of(2007, 3, 31);

    @TempDir
    Path dataDir;

    private static String resource(String name) throws IOException {
        try {
            return Files.readString(Path.of(DealFileLoaderV2Test.class.getResource(name).toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private DealTerms load(String text, Map<String, String> switches) throws IOException {
        Files.createDirectories(dataDir.resolve("deals"));
        Files.writeString(dataDir.resolve("deals/ramtron-2002.yml"), text);
        return new DealFileLoader().load(dataDir, switches).deals().get(0);
    }

    private DealTerms v2() throws IOException {
        return load(resource("ramtron-2002-v2.yml"), Map.of());
    }

    private DealTerms v1() throws IOException {
        return load(resource("ramtron-2002-v1.yml"), Map.of());
    }

    /** The problems of the v2 file with {@code from} replaced by {@code to} (every occurrence). */
    private String problemsWith(String from, String to) throws IOException {
        String text = resource("ramtron-2002-v2.yml");
        assertTrue(text.contains(from), "test edit must match the v2 deal file: " + from);
        Files.createDirectories(dataDir.resolve("deals"));
        Files.writeString(dataDir.resolve("deals/ramtron-2002.yml"), text.replace(from, to));
        return assertThrows(DealFileException.class, () -> new DealFileLoader().load(dataDir, Map.of())).getMessage();
    }

    private static BigDecimal dollars(String amount) {
        return new BigDecimal(amount);
    }

    // --- the version-2 file --------------------------------------------------------------------

    @Test
    void spec12CovenantsLoadWithTheirPeriodEndsExpanded() throws IOException {
        CovenantTerms covenants = v2().covenants();
        List<EbitdaTarget> targets = covenants.ebitdaTargets();
        assertEquals(5, targets.size());
        assertEquals(new EbitdaTarget(12, List.of(TUE_2002_12_31), dollars("-2000000")), targets.get(0));
        assertEquals(new EbitdaTarget(6, List.of(LocalDate.of(2003, 6, 30), LocalDate.of(2003, 9, 30),
                LocalDate.of(2003, 12, 31)), dollars("750000")), targets.get(1));
        // ending-quarterly [2004-03-31, 2007-03-31]: 4 quarter ends a year in 2004-2006, and 2007-03-31 = 13
        EbitdaTarget sixMonths = targets.get(2);
        assertEquals(6, sixMonths.months());
        assertEquals(13, sixMonths.periodEnds().size());
        assertEquals(WED_2004_03_31, sixMonths.periodEnds().get(0));
        assertEquals(List.of(LocalDate.of(2004, 6, 30), LocalDate.of(2004, 9, 30), LocalDate.of(2004, 12, 31),
                LocalDate.of(2005, 3, 31)), sixMonths.periodEnds().subList(1, 5));
        assertEquals(LocalDate.of(2006, 12, 31), sixMonths.periodEnds().get(11));
        assertEquals(SAT_2007_03_31, sixMonths.periodEnds().get(12));
        assertEquals(dollars("937500"), sixMonths.target());
        assertEquals(new EbitdaTarget(3, List.of(LocalDate.of(2003, 3, 31), LocalDate.of(2003, 6, 30),
                LocalDate.of(2003, 9, 30), LocalDate.of(2003, 12, 31)), dollars("-500000")), targets.get(3));
        assertEquals(new EbitdaTarget(3, List.of(WED_2004_03_31, LocalDate.of(2004, 6, 30), LocalDate.of(2004, 9, 30),
                LocalDate.of(2004, 12, 31)), dollars("-250000")), targets.get(4));
        // 1 + 3 + 13 + 4 + 4 Target Periods
        assertEquals(25, targets.stream().mapToInt(t -> t.periodEnds().size()).sum());
        assertEquals(30, covenants.ebitdaGraceDays());
        assertEquals(2, covenants.certificateBusinessDays());
        assertEquals(5, covenants.reviewBusinessDays());
        assertEquals(List.of(CapexLimit.ofAmount(2002, dollars("1500000")), CapexLimit.ofShareOfRevenue(2003,
                new BigDecimal("0.03"))), covenants.capexLimits());
    }

    @Test
    void spec13To16InstrumentKeysLoad() throws IOException {
        DealTerms deal = v2();
        Instrument bramwell = deal.instruments().get(0);
        assertEquals("JOINT-2002", bramwell.amendmentGroup());
        assertEquals(List.of("INFINEON-2002"), bramwell.crossDefault());
        assertEquals(218886L, bramwell.warrantShares());
        assertEquals(new BigDecimal("4.2830"), bramwell.warrantExercisePrice());
        assertNull(bramwell.strategicIssuanceCap()); // no cap
        assertEquals(List.of("RRA-2002"), bramwell.registrationDefaultAgreements()); // default: its own agreement
        assertEquals(MandatoryConversionForm.JOINT_INVESTOR, bramwell.mandatoryConversionForm());
        assertEquals(List.of(), bramwell.mandatoryConversionRequires());
        assertEquals("JOINT-2002", deal.instruments().get(1).amendmentGroup());

        Instrument infineon = deal.instruments().get(2);
        assertEquals("INFINEON-2002", infineon.amendmentGroup()); // default: its own id (decides alone, SPEC §13)
        assertEquals(List.of("BRAMWELL-2002", "HALIFAX-2002"), infineon.crossDefault());
        assertEquals(262663L, infineon.warrantShares());
        assertEquals(new BigDecimal("0.05"), infineon.strategicIssuanceCap());
        assertEquals(List.of("RRA-2001", "RRA-2002"), infineon.registrationDefaultAgreements());
        assertEquals(MandatoryConversionForm.INFINEON, infineon.mandatoryConversionForm());
        assertEquals(List.of("BRAMWELL-2002", "HALIFAX-2002"), infineon.mandatoryConversionRequires());
    }

    @Test
    void spec16RegistrationCoverageLoadsOnRra2002Only() throws IOException {
        DealTerms deal = v2();
        assertEquals(new RegistrationCoverage(new BigDecimal("1.50"), new BigDecimal("1.25"), new BigDecimal("1.50")),
                deal.agreement("RRA-2002").orElseThrow().registrationCoverage());
        assertNull(deal.agreement("RRA-2001").orElseThrow().registrationCoverage()); // not in the documents: not checked
    }

    @Test
    void spec13To15DealKeysLoad() throws IOException {
        DealTerms deal = v2();
        assertEquals(RedemptionConversionPrice.REDEMPTION_DATE, deal.switches().redemptionConversionPrice());
        assertEquals(new BigDecimal("0.66"), deal.amendmentConsentShare());
        assertEquals(new EventOfDefaultTerms(180, 5, new BigDecimal("1.20"), 1, 3, 5, 5), deal.eventOfDefault());
        assertEquals(20, deal.mandatoryConversion().noticeTradingDays());
        assertEquals(new MajorAnnouncementTerms(3, 3), deal.majorAnnouncement());
        assertEquals(10, deal.distributionNoticeBusinessDays());
    }

    // --- the version-1 file: the same version-1 values, SPEC defaults for the rest ---------------

    @Test
    void aVersion1FileLoadsToTheSameVersion1Values() throws IOException {
        DealTerms v1 = v1();
        DealTerms v2 = v2();
        List<Instrument> v2AsV1 = v2.instruments().stream().map(i -> new Instrument(i.id(), i.holder(), i.principal(),
                i.issueDate(), i.maturityDate(), i.conversionPrice(), i.interestRate(), i.defaultInterestRate(),
                i.ownershipCap(), i.registrationAgreementId())).toList();
        List<RegistrationAgreement> agreementsAsV1 = v2.registrationAgreements().stream().map(a -> new RegistrationAgreement(
                a.id(), a.description(), a.filingDeadlineDays(), a.registrationDeadlineDays(), a.firstPeriodRate(),
                a.laterPeriodRate(), a.periodDays(), a.allowedDelay(), a.coverageCureDays(), a.penaltyEnabled())).toList();
        MandatoryConversionTerms mc = v2.mandatoryConversion();
        EventOfDefaultTerms eod = v2.eventOfDefault();
        assertEquals(new DealTerms(v2.id(), v2.issuer(), v2.symbol(), v2.closingDate(), v2.switches(), v2.interest(),
                v2.marketPriceTradingDays(), v2.deliveryBusinessDays(), v2.defaultInterestPaymentBusinessDays(),
                new EventOfDefaultTerms(eod.effectivenessDeadlineDays(), eod.interestGraceBusinessDays(), eod.redemptionPremium()),
                new MandatoryConversionTerms(mc.multiple(), mc.windowTradingDays(), mc.requiredTradingDays(),
                        mc.observationMonths(), mc.minMonths(), mc.maxHaltBusinessDays()), v2AsV1, agreementsAsV1), v1);
    }

    @Test
    void aVersion1FileHasTheSpecDefaults() throws IOException {
        DealTerms deal = v1();
        assertEquals(Switches.defaults(), deal.switches()); // redemption-conversion-price REDEMPTION_DATE (SPEC §14)
        assertEquals(new BigDecimal("0.66"), deal.amendmentConsentShare()); // SPEC §13
        EventOfDefaultTerms eod = deal.eventOfDefault(); // SPEC §14: 1, 3, 5 and 5 Business Days
        assertEquals(List.of(1, 3, 5, 5), List.of(eod.redemptionNoticeBusinessDays(),
                eod.changeOfControlNoticeBusinessDays(), eod.redemptionDateBusinessDays(),
                eod.redemptionPaymentBusinessDays()));
        assertEquals(20, deal.mandatoryConversion().noticeTradingDays()); // SPEC §16
        assertEquals(new MajorAnnouncementTerms(3, 3), deal.majorAnnouncement()); // SPEC §15
        assertEquals(10, deal.distributionNoticeBusinessDays()); // SPEC §15
        assertEquals(CovenantTerms.NONE, deal.covenants());
        assertTrue(deal.covenants().isEmpty()); // the covenant rules report NOT_CHECKED
        for (Instrument i : deal.instruments()) {
            assertEquals(i.id(), i.amendmentGroup()); // SPEC §13: its own id
            assertEquals(List.of(), i.crossDefault());
            assertNull(i.warrantShares()); // SPEC §16: coverage NOT_CHECKED without warrant-shares
            assertNull(i.warrantExercisePrice());
            assertNull(i.strategicIssuanceCap());
            assertEquals(List.of(i.registrationAgreementId()), i.registrationDefaultAgreements()); // SPEC §16
            assertEquals(MandatoryConversionForm.JOINT_INVESTOR, i.mandatoryConversionForm()); // SPEC §16
            assertEquals(List.of(), i.mandatoryConversionRequires());
        }
        deal.registrationAgreements().forEach(a -> assertNull(a.registrationCoverage()));
    }

    @Test
    void theSampleDealFileIsTheVersion2File() throws IOException {
        DealTerms sample = load(Files.readString(Path.of("data/deals/ramtron-2002.yml")), Map.of());
        assertEquals(v2(), sample);
    }

    // --- switches ---------------------------------------------------------------------------------

    @Test
    void spec14RedemptionConversionPriceIsASwitchTheCommandLineSets() throws IOException {
        DealTerms overridden = load(resource("ramtron-2002-v1.yml"),
                Map.of(Switches.REDEMPTION_CONVERSION_PRICE, "EVENT_START"));
        assertEquals(RedemptionConversionPrice.EVENT_START, overridden.switches().redemptionConversionPrice());
        // a deal file's value survives an override of another switch
        String eventStart = resource("ramtron-2002-v2.yml").replace("redemption-conversion-price: REDEMPTION_DATE",
                "redemption-conversion-price: EVENT_START");
        DealTerms other = load(eventStart, Map.of(Switches.DEADLINE_CONVENTION, "NONE"));
        assertEquals(RedemptionConversionPrice.EVENT_START, other.switches().redemptionConversionPrice());
        // no rule reads it yet: it is set, but not among the readings a run records
        assertEquals("EVENT_START", other.switches().settings().get(Switches.REDEMPTION_CONVERSION_PRICE));
        assertFalse(other.switches().asMap().containsKey(Switches.REDEMPTION_CONVERSION_PRICE));
        assertEquals(6, other.switches().asMap().size());

        DealFileException bad = assertThrows(DealFileException.class, () -> load(resource("ramtron-2002-v1.yml"),
                Map.of(Switches.REDEMPTION_CONVERSION_PRICE, "LATER")));
        assertTrue(bad.getMessage().contains("command line: key 'switches.redemption-conversion-price': 'LATER' is not one"
                + " of [REDEMPTION_DATE, EVENT_START]"), bad.getMessage());
    }

    // --- refusals ---------------------------------------------------------------------------------

    @Test
    void unknownKeysAreStillRefused() throws IOException {
        assertTrue(problemsWith("  ebitda-grace-days: 30", "  ebitda-grace-dayz: 30")
                .contains("deals/ramtron-2002.yml: key 'covenants.ebitda-grace-dayz': unknown key"));
        assertTrue(problemsWith("amendment-consent-share: 0.66", "amendment-consent-shares: 0.66")
                .contains("deals/ramtron-2002.yml: key 'amendment-consent-shares': unknown key"));
        assertTrue(problemsWith("    strategic-issuance-cap: 0.05", "    strategic-issuance-limit: 0.05")
                .contains("deals/ramtron-2002.yml: key 'instruments[2].strategic-issuance-limit': unknown key"));
        assertTrue(problemsWith("{filing: 1.50, maintain: 1.25, cure: 1.50}", "{filing: 1.50, maintain: 1.25, cured: 1.50}")
                .contains("deals/ramtron-2002.yml: key 'registration-agreements[0].registration-coverage.cured': unknown key"));
        assertTrue(problemsWith("{year: 2002, max-amount: 1500000}", "{year: 2002, max-amount: 1500000, note: x}")
                .contains("deals/ramtron-2002.yml: key 'covenants.capex-limits[0].note': unknown key"));
    }

    @ParameterizedTest(name = "[{index}] {2}")
    @CsvSource(delimiter = '|', value = {
            // SPEC §12 covenants
            "{months: 6, ending: [2003-06-30, | {months: 4, ending: [2003-06-30, | covenants.ebitda-targets[1].months': 4 must be 3, 6 or 12",
            "ending-quarterly: [2004-03-31, 2007-03-31] | ending-quarterly: [2004-03-31, 2007-03-30] | covenants.ebitda-targets[2].ending-quarterly[1]': 2007-03-30 is not a calendar quarter end",
            "ending-quarterly: [2004-03-31, 2007-03-31] | ending-quarterly: [2007-03-31, 2004-03-31] | covenants.ebitda-targets[2].ending-quarterly': last 2004-03-31 is before first 2007-03-31",
            "ending-quarterly: [2004-03-31, 2007-03-31] | ending-quarterly: [2004-03-31, 2005-03-31, 2007-03-31] | covenants.ebitda-targets[2].ending-quarterly': must be [first, last]: two quarter ends, not 3",
            "ending-quarterly: [2004-03-31, 2007-03-31] | ending-quarterly: [2004-03-31, 2007-03-31], ending: [2008-03-31] | covenants.ebitda-targets[2].ending-quarterly': give either ending or ending-quarterly, not both",
            "{months: 12, ending: [2002-12-31], | {months: 12, | covenants.ebitda-targets[0]': needs ending: [period ends] or ending-quarterly: [first, last]",
            "ending: [2002-12-31] | ending: [2002-12-32] | covenants.ebitda-targets[0].ending[0]': '2002-12-32' is not a real date in the form yyyy-MM-dd",
            "ending: [2002-12-31] | ending: [2002-11-30] | covenants.ebitda-targets[0].ending[0]': 2002-11-30 is not a calendar quarter end",
            "ending: [2003-06-30, 2003-09-30, 2003-12-31] | ending: [2003-09-30, 2003-06-30] | covenants.ebitda-targets[1].ending[1]': 2003-06-30 is not after 2003-09-30",
            "ending: [2003-06-30, 2003-09-30, 2003-12-31] | ending: [2003-06-30, 2004-06-30] | covenants.ebitda-targets[2]': the 6-month period ending 2004-06-30 already has a target in covenants.ebitda-targets[1]",
            "target: 937500 | target: lots | covenants.ebitda-targets[2].target': 'lots' is not a plain decimal number",
            "ebitda-grace-days: 30 | ebitda-grace-days: -30 | covenants.ebitda-grace-days': -30 is negative",
            "{year: 2002, max-amount: 1500000} | {year: 2002, max-amount: 1500000, max-share-of-revenue: 0.1} | covenants.capex-limits[0]': give either max-amount or max-share-of-revenue, not both",
            "{year: 2002, max-amount: 1500000} | {year: 2002} | covenants.capex-limits[0]': needs max-amount or max-share-of-revenue",
            "max-share-of-revenue: 0.03 | max-share-of-revenue: 3 | covenants.capex-limits[1].max-share-of-revenue': 3 must be at most 1",
            "max-amount: 1500000 | max-amount: -1500000 | covenants.capex-limits[0].max-amount': -1500000 is negative",
            "{year: 2003, max-share | {year: 2002, max-share | covenants.capex-limits[1]': year 2002 already has a limit in covenants.capex-limits[0]",
            // SPEC §12, §13, §15, §16 instrument keys
            "cross-default: [BRAMWELL-2002, HALIFAX-2002] | cross-default: [BRAMWELL-2002, HALIFAX-2003] | instruments[2].cross-default[1]': 'HALIFAX-2003' is not an instrument of this deal file",
            "cross-default: [BRAMWELL-2002, HALIFAX-2002] | cross-default: [INFINEON-2002] | instruments[2].cross-default[0]': 'INFINEON-2002' is the instrument itself",
            "cross-default: [BRAMWELL-2002, HALIFAX-2002] | cross-default: [BRAMWELL-2002, BRAMWELL-2002] | instruments[2].cross-default[1]': 'BRAMWELL-2002' is listed twice",
            "cross-default: [BRAMWELL-2002, HALIFAX-2002] | cross-default: BRAMWELL-2002 | instruments[2].cross-default': must be a list of ids",
            "warrant-shares: 262663 | warrant-shares: 262663.5 | instruments[2].warrant-shares': '262663.5' is not a whole number",
            "warrant-shares: 262663 | warrant-shares: -1 | instruments[2].warrant-shares': -1 is negative",
            "warrant-exercise-price: 4.2830 | warrant-exercise-price: 0 | instruments[0].warrant-exercise-price': 0 must be above 0",
            "strategic-issuance-cap: 0.05 | strategic-issuance-cap: 5 | instruments[2].strategic-issuance-cap': 5 must be at most 1",
            "[RRA-2001, RRA-2002] | [RRA-2001, RRA-1999] | instruments[2].registration-default-agreements[1]': 'RRA-1999' is not a registration agreement of this deal file",
            "[RRA-2001, RRA-2002] | [RRA-2002] | instruments[2].registration-default-agreements': must list the instrument's own registration-agreement RRA-2001",
            "[RRA-2001, RRA-2002] | [] | instruments[2].registration-default-agreements': must be a non-empty list of ids",
            "mandatory-conversion-form: INFINEON | mandatory-conversion-form: INFINEN | instruments[2].mandatory-conversion-form': 'INFINEN' is not one of [JOINT_INVESTOR, INFINEON]",
            "mandatory-conversion-form: INFINEON | mandatory-conversion-form: JOINT_INVESTOR | instruments[2].mandatory-conversion-requires': applies only with mandatory-conversion-form: INFINEON",
            "mandatory-conversion-requires: [BRAMWELL-2002, HALIFAX-2002] | mandatory-conversion-requires: [BRAMWELL-2001] | instruments[2].mandatory-conversion-requires[0]': 'BRAMWELL-2001' is not an instrument of this deal file",
            "amendment-group: JOINT-2002       # | amendment-group: \"\"       # | instruments[0].amendment-group': is empty",
            // SPEC §13-§16 deal and agreement keys
            "{filing: 1.50, maintain: 1.25, cure: 1.50} | {filing: 1.50, maintain: 1.25, cure: 150} | registration-agreements[0].registration-coverage.cure': 150 must be at most 10",
            "{filing: 1.50, maintain: 1.25, cure: 1.50} | {filing: 1.50, maintain: 0.5, cure: 1.50} | registration-agreements[0].registration-coverage.maintain': 0.5 must be at least 1",
            "{filing: 1.50, maintain: 1.25, cure: 1.50} | {filing: 1.50, cure: 1.50} | registration-agreements[0].registration-coverage.maintain': missing",
            "amendment-consent-share: 0.66 | amendment-consent-share: 1.5 | amendment-consent-share': 1.5 must be at most 1",
            "amendment-consent-share: 0.66 | amendment-consent-share: 0 | amendment-consent-share': 0 must be above 0",
            "redemption-notice-business-days: 1 | redemption-notice-business-days: -1 | event-of-default.redemption-notice-business-days': -1 is negative",
            "redemption-payment-business-days: 5 | redemption-payment-business-days: five | event-of-default.redemption-payment-business-days': 'five' is not a whole number",
            "notice-trading-days: 20 | notice-trading-days: 0 | mandatory-conversion.notice-trading-days': 0 must be at least 1",
            "bid-trading-days: 3 | bid-trading-days: 0 | major-announcement.bid-trading-days': 0 must be at least 1",
            "distribution-notice-business-days: 10 | distribution-notice-business-days: ten | distribution-notice-business-days': 'ten' is not a whole number",
            "redemption-conversion-price: REDEMPTION_DATE | redemption-conversion-price: LATER | switches.redemption-conversion-price': 'LATER' is not one of [REDEMPTION_DATE, EVENT_START]",
    })
    void aBadVersion2ValueIsRefusedNamingFileAndKey(String from, String to, String problem) throws IOException {
        String problems = problemsWith(from, to);
        assertTrue(problems.contains("deals/ramtron-2002.yml: key '" + problem), problems);
    }

    @Test
    void aCovenantsSectionWithNeitherTargetsNorLimitsIsRefused() throws IOException {
        String text = resource("ramtron-2002-v2.yml");
        int start = text.indexOf("  ebitda-targets:");
        int end = text.indexOf("\ninstruments:");
        String problems = problemsWith(text.substring(start, end), "  ebitda-grace-days: 30\n");
        assertTrue(problems.contains("deals/ramtron-2002.yml: key 'covenants': gives neither ebitda-targets nor capex-limits"),
                problems);
    }

    @Test
    void aNegativeEbitdaTargetIsALoss() throws IOException {
        assertEquals(dollars("-2000000"), v2().covenants().ebitdaTargets().get(0).target()); // SPEC §12: may be negative
    }
}
