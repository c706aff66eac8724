package org.debentures.compliance.rules.deadlines;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.dealfile.DealFileLoader;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.rules.redemption.MandatoryRedemption;
import org.debentures.compliance.terms.DealTerms;
import org.junit.jupiter.api.Test;

/** SPEC §14 upcoming deadlines: the notice window after an Event of Default, a price due. */
class Spec14RedemptionDeadlinesTest {

    private static final DealTerms DEAL = new DealFileLoader().load(Path.of("data"), Map.of()).deals().get(0);
    private static final RedemptionDeadlines DEADLINES = new RedemptionDeadlines(BusinessDays.newYork());

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    private static List<String> of(List<Finding> eods, MandatoryRedemption.Result redemption, String asOf) {
        return DEADLINES.of(DEAL, DEAL.instruments().get(0), eods, redemption, d(asOf), 30).stream()
                .map(x -> x.dueDate() + " " + x.obligation()).toList();
    }

    @Test
    void afterTheFebruary2004EventOfDefaultTheNoticeIsDueByTuesdayAndWhileOneContinuesTheNextDayCounts() {
        Finding ended = new Finding(ExceptionCode.EVENT_OF_DEFAULT, "BRAMWELL-2002", "6(d)(iii)", d("2004-02-10"),
                d("2004-02-12"), "x");
        // Fri 02-13 no longer continues; Mon 02-16 Presidents' Day: the last notice day Tue 02-17
        assertEquals(List.of("2004-02-17 last day for a Mandatory Redemption notice"), of(List.of(ended), null, "2004-02-13"));
        Finding open = new Finding(ExceptionCode.EVENT_OF_DEFAULT, "BRAMWELL-2002", "6(d)(iii)", d("2004-02-10"), null, "x");
        // continuing on Wed 02-11: if it ended that day, Thu 02-12 would be the first day it no longer continues: Fri 02-13
        assertEquals(List.of("2004-02-13 Mandatory Redemption notice: last day if the Event of Default ended today"),
                of(List.of(open), null, "2004-02-11"));
    }

    @Test
    void anUnpaidPriceIsDueOnItsPayByDate() {
        MandatoryRedemption.Notice notice = new MandatoryRedemption.Notice("BRAMWELL-2002", d("2004-02-17"), "N-1",
                d("2004-02-24"), new BigDecimal("2500000.00"), new BigDecimal("18150.68"), new BigDecimal("3.769"),
                new BigDecimal("8"), new BigDecimal("5344973.58"), d("2004-03-02"), null, BigDecimal.ZERO, "OPEN", null);
        MandatoryRedemption.Result result = new MandatoryRedemption.Result(List.of(notice), List.of(), List.of(), List.of());
        assertEquals(List.of("2004-03-02 Mandatory Redemption Price due"), of(List.of(), result, "2004-02-25"));
    }
}
