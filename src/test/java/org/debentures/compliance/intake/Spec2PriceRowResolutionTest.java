package org.debentures.compliance.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.market.PriceFeed;
import org.junit.jupiter.api.Test;

/** SPEC §2: duplicates, vendor corrections ({@code PRICE_RESTATED}, old value kept) and ambiguous values. */
class Spec2PriceRowResolutionTest {

    private static final LocalDate MON_2005_03_14 = LocalDate.parse("2005-03-14");

    private static Sourced<PriceRow> bid(String value, String file, int fileOrder, long line) {
        return new Sourced<>(new PriceRow(PriceFeed.CLOSING_BID, "RMTR", MON_2005_03_14, new BigDecimal(value), null),
                new RowRef(file, fileOrder, line));
    }

    @Test
    void theSameRowInTwoFilesCountsOnce() {
        Sourced<PriceRow> history = bid("3.39", "RMTR-2005.csv", 0, 51);
        Sourced<PriceRow> nightly = bid("3.390", "RMTR-2005-03-14.csv", 1, 2); // 3.390 is the same value
        PriceRowResolution.Result result = PriceRowResolution.resolve(List.of(nightly, history));
        assertEquals(RowStatus.ACCEPTED, result.outcomes().get(history.ref()).status());
        assertEquals(RowStatus.DUPLICATE, result.outcomes().get(nightly.ref()).status());
        assertTrue(result.restatements().isEmpty());
    }

    @Test
    void aLaterFileWithAnotherValueRestatesAndKeepsTheOldValue() {
        Sourced<PriceRow> history = bid("3.39", "RMTR-2005.csv", 0, 51);
        Sourced<PriceRow> correction = bid("3.44", "RMTR-corrections-2005.csv", 1, 2);
        PriceRowResolution.Result result = PriceRowResolution.resolve(List.of(history, correction));

        assertEquals(RowStatus.SUPERSEDED, result.outcomes().get(history.ref()).status());
        assertEquals(RowStatus.ACCEPTED, result.outcomes().get(correction.ref()).status());
        assertEquals(1, result.restatements().size());
        Finding finding = result.restatements().get(0).toFinding();
        assertEquals(ExceptionCode.PRICE_RESTATED, finding.code());
        assertEquals("RMTR", finding.subject());
        assertEquals(MON_2005_03_14, finding.startDate());
        assertEquals("CLOSING_BID RMTR 2005-03-14 restated from 3.39 (RMTR-2005.csv line 51) to 3.44"
                + " (RMTR-corrections-2005.csv line 2)", finding.message());
    }

    @Test
    void twoValuesInOneFileAreBothRejectedAndTheEarlierValueStays() {
        Sourced<PriceRow> history = bid("3.39", "a.csv", 0, 10);
        Sourced<PriceRow> first = bid("3.40", "b.csv", 1, 5);
        Sourced<PriceRow> second = bid("3.41", "b.csv", 1, 9);
        PriceRowResolution.Result result = PriceRowResolution.resolve(List.of(history, first, second));

        assertEquals(RowStatus.ACCEPTED, result.outcomes().get(history.ref()).status());
        assertEquals(RowStatus.REJECTED, result.outcomes().get(first.ref()).status());
        assertEquals(RowStatus.REJECTED, result.outcomes().get(second.ref()).status());
        assertTrue(result.outcomes().get(first.ref()).note().startsWith("ambiguous: b.csv gives 2 values"));
        assertTrue(result.restatements().isEmpty());
    }

    @Test
    void theSameValueTwiceInOneFileCountsOnce() {
        Sourced<PriceRow> first = bid("3.39", "a.csv", 0, 10);
        Sourced<PriceRow> again = bid("3.39", "a.csv", 0, 11);
        PriceRowResolution.Result result = PriceRowResolution.resolve(List.of(again, first));
        assertEquals(RowStatus.ACCEPTED, result.outcomes().get(first.ref()).status());
        assertEquals(RowStatus.DUPLICATE, result.outcomes().get(again.ref()).status());
    }

    @Test
    void aSecondCorrectionSupersedesTheFirst() {
        Sourced<PriceRow> a = bid("3.39", "a.csv", 0, 1);
        Sourced<PriceRow> b = bid("3.44", "b.csv", 1, 1);
        Sourced<PriceRow> c = bid("3.45", "c.csv", 2, 1);
        PriceRowResolution.Result result = PriceRowResolution.resolve(List.of(c, b, a));
        assertEquals(RowStatus.SUPERSEDED, result.outcomes().get(a.ref()).status());
        assertEquals(RowStatus.SUPERSEDED, result.outcomes().get(b.ref()).status());
        assertEquals(RowStatus.ACCEPTED, result.outcomes().get(c.ref()).status());
        assertEquals(2, result.restatements().size());
    }
}
