package org.debentures.compliance.dealfile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.terms.DealBook;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deal files (SPEC §1, §2): the Ramtron deal loads; every kind of mistake stops the run naming file, key and problem. */
class DealFileLoaderTest {

    private static final Path RAMTRON = Path.of("data/deals/ramtron-2002.yml");

    @TempDir
    Path dataDir;

    private DealBook loadWith(String from, String to) throws IOException {
        String text = Files.readString(RAMTRON);
        if (from != null) {
            assertTrue(text.contains(from), "test edit must match the sample deal file: " + from);
            text = text.replace(from, to);
        }
        Files.createDirectories(dataDir.resolve("deals"));
        Files.writeString(dataDir.resolve("deals/ramtron-2002.yml"), text);
        return new DealFileLoader().load(dataDir, Map.of());
    }

    private String problemsWith(String from, String to) {
        DealFileException e = assertThrows(DealFileException.class, () -> loadWith(from, to));
        return e.getMessage();
    }

    @Test
    void loadsTheRamtronDealAsTheSharedFormatDescribesIt() throws IOException {
        DealBook book = loadWith(null, null);
        DealTerms deal = book.deals().get(0);
        assertEquals("RAMTRON-2002", deal.id());
        assertEquals("RMTR", deal.symbol());
        assertEquals(LocalDate.parse("2002-03-28"), deal.closingDate());
        assertEquals(DeadlineConvention.FOLLOWING, deal.switches().deadlineConvention());
        assertEquals(List.of(MonthDay.of(1, 1), MonthDay.of(7, 1)), deal.interest().scheduledPaymentDates());
        assertEquals(5, deal.marketPriceTradingDays());
        assertEquals(3, deal.instruments().size());
        assertEquals(0, new BigDecimal("2500000.00").compareTo(deal.instruments().get(0).principal()));
        assertEquals(0, new BigDecimal("3.7690").compareTo(deal.instruments().get(0).conversionPrice()));
        RegistrationAgreement rra2001 = deal.agreement("RRA-2001").orElseThrow();
        assertNull(rra2001.firstPeriodRate());
        assertEquals(false, rra2001.penaltyEnabled());
        assertEquals(LocalDate.parse("2002-03-28"), book.symbolStart("RMTR").orElseThrow());
    }

    @Test
    void aMissingKeyIsNamed() {
        String problems = problemsWith("  coverage-cure: FILED ", "#");
        assertTrue(problems.contains("deals/ramtron-2002.yml: key 'switches.coverage-cure': missing"), problems);
    }

    @Test
    void anUnknownKeyIsNamed() {
        String problems = problemsWith("market-price:\n", "market-price:\n  trading-dayz: 5\n");
        assertTrue(problems.contains("deals/ramtron-2002.yml: key 'market-price.trading-dayz': unknown key"), problems);
    }

    @Test
    void anImpossibleDateIsNamed() {
        String problems = problemsWith("closing-date: 2002-03-28", "closing-date: 2002-02-30");
        assertTrue(problems.contains("key 'closing-date': '2002-02-30' is not a real date"), problems);
    }

    @Test
    void aNegativeAmountIsNamed() {
        String problems = problemsWith("principal: 3000000.00", "principal: -3000000.00");
        assertTrue(problems.contains("key 'instruments[2].principal': -3000000.00 is negative"), problems);
    }

    @Test
    void anUnknownRegistrationAgreementIsNamed() {
        String problems = problemsWith("registration-agreement: RRA-2001", "registration-agreement: RRA-1999");
        assertTrue(problems.contains("key 'instruments[2].registration-agreement': 'RRA-1999' is not a registration"
                + " agreement of this deal file"), problems);
    }

    @Test
    void aWrongTypeIsNamed() {
        String problems = problemsWith("trading-days: 5", "trading-days: five");
        assertTrue(problems.contains("key 'market-price.trading-days': 'five' is not a whole number"), problems);
        String switchProblems = problemsWith("deadline-convention: FOLLOWING", "deadline-convention: LATER");
        assertTrue(switchProblems.contains("key 'switches.deadline-convention': 'LATER' is not one of [FOLLOWING, NONE]"),
                switchProblems);
    }

    @Test
    void aYamlSyntaxErrorGivesItsLine() {
        String problems = problemsWith("symbol: RMTR", "symbol: [RMTR");
        assertTrue(problems.startsWith("deals/ramtron-2002.yml: YAML syntax error at line"), problems);
    }

    @Test
    void maturityBeforeIssueIsRefused() {
        String problems = problemsWith("maturity-date: 2007-03-28\n    conversion-price: 3.7690          # as of the Issue Date\n    interest-rate: 0.05\n    default-interest-rate: 0.24\n    ownership-cap: 0.499",
                "maturity-date: 2001-03-28\n    conversion-price: 3.7690          # as of the Issue Date\n    interest-rate: 0.05\n    default-interest-rate: 0.24\n    ownership-cap: 0.499");
        assertTrue(problems.contains("key 'instruments[2].maturity-date': 2001-03-28 is not after issue-date 2002-03-28"),
                problems);
    }

    @Test
    void penaltiesEnabledWithoutRatesAreRefused() {
        String problems = problemsWith("penalty-enabled: false", "penalty-enabled: true");
        assertTrue(problems.contains("key 'registration-agreements[1].first-period-rate': must be set when penalty-enabled is true"),
                problems);
    }

    @Test
    void commandLineSwitchesOverrideTheDealFile() throws IOException {
        loadWith(null, null);
        DealBook book = new DealFileLoader().load(dataDir, Map.of("deadline-convention", "NONE"));
        assertEquals(DeadlineConvention.NONE, book.deals().get(0).switches().deadlineConvention());
        DealFileException e = assertThrows(DealFileException.class,
                () -> new DealFileLoader().load(dataDir, Map.of("deadline-conventoin", "NONE")));
        assertTrue(e.getMessage().contains("command line: key 'switches.deadline-conventoin': unknown key"), e.getMessage());
    }

    @Test
    void noDealFilesIsRefused() throws IOException {
        Files.createDirectories(dataDir.resolve("deals"));
        DealFileException e = assertThrows(DealFileException.class, () -> new DealFileLoader().load(dataDir, Map.of()));
        assertTrue(e.getMessage().contains("no deal files"), e.getMessage());
    }
}
