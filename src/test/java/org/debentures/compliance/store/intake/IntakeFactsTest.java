package org.debentures.compliance.store.intake;

import static org.debentures.compliance.store.intake.IntakeRows.filing;
import static org.debentures.compliance.store.intake.IntakeRows.price;
import static org.debentures.compliance.store.intake.RestatementTableTest.restatement;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.intake.Outcome;
import org.debentures.compliance.intake.PriceRow;
import org.debentures.compliance.intake.RowRef;
import org.debentures.compliance.intake.RowStatus;
import org.debentures.compliance.rules.market.PriceFeed;
import org.debentures.compliance.rules.market.PriceRestatement;
import org.debentures.compliance.store.StoreTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the results step reads from the intake tables: a symbol's current prices as of a day, the
 * accepted filings-log events of a subject (the log read once), the range's vendor corrections of a
 * symbol (read once per range).
 */
class IntakeFactsTest extends StoreTest {

    private static final List<EventType> EVERY_TYPE = List.of(EventType.values());
    private static final LocalDate MAR_31_2004 = LocalDate.parse("2004-03-31");

    protected JdbcTemplate jdbc;
    private InputRejectTable rejects;
    private RestatementTable restatements;

    @BeforeEach
    void schema() {
        jdbc = newDatabase("intake_facts");
        rejects = new InputRejectTable(jdbc);
        restatements = new RestatementTable(jdbc);
    }

    private static PriceRow row(PriceFeed feed, String date, String price, Long volume) {
        return new PriceRow(feed, "HALX", LocalDate.parse(date), new BigDecimal(price), volume);
    }

    @Test
    void aSymbolsCurrentPricesOfEachFeedInDateOrder() {
        StagedPriceTable prices = new StagedPriceTable(jdbc, rejects, restatements);
        prices.write(List.of(price("vwap/a.csv", 0, 2, PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", null),
                price("vwap/a.csv", 0, 3, PriceFeed.VWAP, "HALX", "2004-03-03", "5.30", null),
                price("vwap/a.csv", 0, 4, PriceFeed.VWAP, "HALX", "2004-03-04", "5.40", 9000L),
                price("vwap/b.csv", 1, 2, PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 10300L),
                price("vwap/b.csv", 1, 3, PriceFeed.VWAP, "BRAM", "2004-03-01", "2.00", 500L),
                price("closing_bid/a.csv", 0, 2, PriceFeed.CLOSING_BID, "HALX", "2004-03-01", "5.00", null),
                price("closing_bid/a.csv", 0, 3, PriceFeed.CLOSING_BID, "HALX", "2004-03-02", "5.05", null)));
        prices.applyOutcomes(PriceFeed.VWAP, Map.of(new RowRef("vwap/a.csv", 0, 3),
                new Outcome(RowStatus.SUPERSEDED, "restated")));
        prices.applyOutcomes(PriceFeed.CLOSING_BID, Map.of(new RowRef("closing_bid/a.csv", 0, 3),
                new Outcome(RowStatus.DUPLICATE, "same as line 2")));
        IntakeFacts facts = new IntakeFacts(jdbc);

        // as of 2004-03-03: the accepted rows up to that day (03-03's VWAP was superseded, 03-04 is later)
        assertEquals(Map.of(PriceFeed.VWAP, List.of(row(PriceFeed.VWAP, "2004-03-01", "5.1200000000", 10300L),
                        row(PriceFeed.VWAP, "2004-03-02", "5.2000000000", null)),
                PriceFeed.CLOSING_BID, List.of(row(PriceFeed.CLOSING_BID, "2004-03-01", "5.0000000000", null))),
                facts.currentPrices("HALX", LocalDate.parse("2004-03-03")));
        assertEquals(List.of(row(PriceFeed.VWAP, "2004-03-01", "5.1200000000", 10300L),
                row(PriceFeed.VWAP, "2004-03-02", "5.2000000000", null),
                row(PriceFeed.VWAP, "2004-03-04", "5.4000000000", 9000L)),
                facts.currentPrices("HALX", MAR_31_2004).get(PriceFeed.VWAP));
        assertEquals(Map.of(PriceFeed.VWAP, List.of(), PriceFeed.CLOSING_BID, List.of()),
                facts.currentPrices("CAMB", MAR_31_2004));
    }

    private static FilingEvent event(String date, EventType type, String subject, String amount) {
        return new FilingEvent(LocalDate.parse(date), type, subject, amount == null ? null : new BigDecimal(amount), null,
                null, null, null, null);
    }

    @Test
    void aSubjectsAcceptedEventsInDateThenReadOrderFromTheLogReadOnce() {
        StagedFilingTable filings = new StagedFilingTable(jdbc, rejects);
        filings.write(List.of(filing("filings/b.csv", 1, 2, event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "62150.31")),
                filing("filings/b.csv", 1, 3, event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "62150.31")),
                filing("filings/b.csv", 1, 4, event("2003-12-15", EventType.CONVERSION_DEFAULT_PAID, "HALIFAX-2002", "410.96")),
                filing("filings/a.csv", 0, 2, event("2003-12-15", EventType.PENALTY_PAID, "HALIFAX-2002", "100.00")),
                filing("filings/b.csv", 1, 5, event("2004-05-01", EventType.INTEREST_PAID, "HALIFAX-2002", "62150.31")),
                filing("filings/b.csv", 1, 6, event("2003-08-01", EventType.TRADING_HALTED, "HALX", null))));
        filings.applyOutcomes(Map.of(new RowRef("filings/b.csv", 1, 3), new Outcome(RowStatus.DUPLICATE, "same as line 2")));
        IntakeFacts facts = new IntakeFacts(jdbc);

        // the duplicate not counted; on 2003-12-15, a.csv (file order 0) before b.csv; 2004-05-01 after the day
        List<FilingEvent> halifax = List.of(event("2003-07-01", EventType.INTEREST_PAID, "HALIFAX-2002", "62150.3100000000"),
                event("2003-12-15", EventType.PENALTY_PAID, "HALIFAX-2002", "100.0000000000"),
                event("2003-12-15", EventType.CONVERSION_DEFAULT_PAID, "HALIFAX-2002", "410.9600000000"));
        assertEquals(halifax, facts.events("HALIFAX-2002", EVERY_TYPE, MAR_31_2004));
        assertEquals(halifax.subList(0, 1), facts.events("HALIFAX-2002", List.of(EventType.INTEREST_PAID), MAR_31_2004));
        assertEquals(4, facts.events("HALIFAX-2002", EVERY_TYPE, LocalDate.parse("2004-12-31")).size());
        assertEquals(List.of(event("2003-08-01", EventType.TRADING_HALTED, "HALX", null)),
                facts.events("HALX", EVERY_TYPE, MAR_31_2004));
        assertEquals(List.of(), facts.events("NOBODY", EVERY_TYPE, MAR_31_2004));

        // the log was read once: a row staged since is seen by the next run's facts only
        filings.write(List.of(filing("filings/c.csv", 2, 2, event("2003-09-01", EventType.INTEREST_PAID, "HALIFAX-2002", "1.00"))));
        assertEquals(halifax, facts.events("HALIFAX-2002", EVERY_TYPE, MAR_31_2004));
        assertEquals(4, new IntakeFacts(jdbc).events("HALIFAX-2002", EVERY_TYPE, MAR_31_2004).size());
    }

    @Test
    void aSymbolsCorrectionsOfTheRangeInDateThenFeedOrderReadOncePerRange() {
        restatements.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-02", "5.20", 3, "5.25", 3, null),
                restatement(PriceFeed.CLOSING_BID, "HALX", "2004-03-02", "4.90", 2, "4.95", 2, null),
                restatement(PriceFeed.VWAP, "HALX", "2004-03-01", "5.12", 2, "5.15", 2, null),
                restatement(PriceFeed.VWAP, "HALX", "2004-03-09", "5.50", 4, "5.55", 4, null),
                restatement(PriceFeed.VWAP, "BRAM", "2004-03-02", "2.00", 5, "2.05", 5, null)));
        IntakeFacts facts = new IntakeFacts(jdbc);
        LocalDate mar1 = LocalDate.parse("2004-03-01");
        LocalDate mar5 = LocalDate.parse("2004-03-05");

        List<PriceRestatement> halx = List.of(
                new PriceRestatement("VWAP", mar1, "VWAP HALX 2004-03-01 restated from 5.12 (vwap/a.csv line 2) to 5.15"
                        + " (vwap/b.csv line 2)"),
                new PriceRestatement("CLOSING_BID", LocalDate.parse("2004-03-02"), "CLOSING_BID HALX 2004-03-02 restated"
                        + " from 4.9 (closing_bid/a.csv line 2) to 4.95 (closing_bid/b.csv line 2)"),
                new PriceRestatement("VWAP", LocalDate.parse("2004-03-02"), "VWAP HALX 2004-03-02 restated from 5.2"
                        + " (vwap/a.csv line 3) to 5.25 (vwap/b.csv line 3)"));
        assertEquals(halx, facts.restatements("HALX", mar1, mar5));
        assertEquals(List.of("2004-03-02"), facts.restatements("BRAM", mar1, mar5).stream()
                .map(r -> r.priceDate().toString()).toList());
        assertEquals(List.of(), facts.restatements("CAMB", mar1, mar5));

        // read once for the range: a correction written since is seen when another range is asked
        restatements.write(List.of(restatement(PriceFeed.VWAP, "HALX", "2004-03-04", "5.40", 6, "5.45", 6, null)));
        assertEquals(halx, facts.restatements("HALX", mar1, mar5));
        assertEquals(List.of("2004-03-01 VWAP", "2004-03-02 CLOSING_BID", "2004-03-02 VWAP", "2004-03-04 VWAP",
                "2004-03-09 VWAP"), facts.restatements("HALX", mar1, LocalDate.parse("2004-03-10")).stream()
                .map(r -> r.priceDate() + " " + r.feed()).toList());
    }
}
