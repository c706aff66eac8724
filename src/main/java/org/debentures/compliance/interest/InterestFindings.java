package org.debentures.compliance.interest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.conversion.ConversionDelivery;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * The exceptions of SPEC §7 for one instrument, as runs of days (SPEC §10):
 * <ul>
 *   <li>{@code INTEREST_UNPAID} (Debenture 2(a)): from the day after a due's adjusted due date while it is unpaid;</li>
 *   <li>{@code DEFAULT_INTEREST_OVERDUE} (2(b)): from the day after a month's due-by date while its default interest is unpaid;</li>
 *   <li>{@code CONVERSION_DEFAULT} (3(e)): the Conversion Default days of each conversion;</li>
 *   <li>{@code EVENT_OF_DEFAULT} (6(d)(v)): from the day after the 5th Business Day after a Scheduled
 *       or other Interest Payment Date while that due is unpaid, to the day before it is paid; and
 *       from the day after the 5th Business Day after a Delivery Date while the shares are undelivered.</li>
 * </ul>
 */
public final class InterestFindings {

    public static final String EVENT_OF_DEFAULT_CLAUSE = "Debenture 6(d)(v)";

    private InterestFindings() {
    }

    public static List<Finding> of(DealTerms deal, Instrument instrument, InterestLedger.Result ledger,
                                   List<ConversionDelivery> deliveries, BusinessDays businessDays, LocalDate asOf) {
        List<LocalDate[]> unpaid = new ArrayList<>();
        List<LocalDate[]> overdue = new ArrayList<>();
        List<LocalDate[]> conversionDefault = new ArrayList<>();
        List<LocalDate[]> eventOfDefault = new ArrayList<>();
        int grace = deal.eventOfDefault().interestGraceBusinessDays();
        for (InterestDue due : ledger.dues()) {
            LocalDate until = due.paidDate() == null ? asOf : due.paidDate().minusDays(1);
            addDays(unpaid, due.adjustedDueDate().plusDays(1), until);
            addDays(eventOfDefault, businessDays.businessDaysAfter(due.dueDate(), grace).plusDays(1), until);
        }
        for (DefaultInterestMonth month : ledger.months()) {
            LocalDate until = month.paidDate() == null ? asOf : month.paidDate().minusDays(1);
            addDays(overdue, month.dueBy().plusDays(1), until);
        }
        for (ConversionDelivery delivery : deliveries) {
            LocalDate until = delivery.deliveredOn() == null ? asOf : delivery.deliveredOn().minusDays(1);
            if (delivery.defaultDays() > 0) {
                addDays(conversionDefault, delivery.deliveryDate(), until);
            }
            addDays(eventOfDefault, businessDays.businessDaysAfter(delivery.deliveryDate(), grace).plusDays(1), until);
        }
        List<Finding> findings = new ArrayList<>();
        add(findings, ExceptionCode.INTEREST_UNPAID, instrument, "Debenture 2(a)", unpaid, asOf, run ->
                "interest due not paid on time: " + describeDues(ledger, run));
        add(findings, ExceptionCode.DEFAULT_INTEREST_OVERDUE, instrument, "Debenture 2(b)", overdue, asOf, run ->
                "default interest overdue (due by the 5th Business Day after each month's end): "
                        + ledger.months().stream().filter(m -> m.dueBy().isBefore(run.first().plusDays(1))
                                && (m.paidDate() == null || m.paidDate().isAfter(run.first())))
                        .map(m -> m.month() + " " + MoneyFormat.dollars(m.amountDue()) + " due by " + m.dueBy())
                        .reduce((a, b) -> a + ", " + b).orElse(""));
        add(findings, ExceptionCode.CONVERSION_DEFAULT, instrument, "Debenture 3(e)", conversionDefault, asOf, run ->
                "Conversion Shares not delivered by the Delivery Date: " + deliveries.stream()
                        .filter(d -> d.defaultDays() > 0 && !d.deliveryDate().isAfter(run.last()))
                        .map(d -> d.reference() + " (" + d.sharesDue().toPlainString() + " shares, Delivery Date "
                                + d.deliveryDate() + (d.deliveredOn() == null ? ", undelivered" : ", delivered " + d.deliveredOn()) + ")")
                        .reduce((a, b) -> a + "; " + b).orElse(""));
        add(findings, ExceptionCode.EVENT_OF_DEFAULT, instrument, EVENT_OF_DEFAULT_CLAUSE, eventOfDefault, asOf, run ->
                "Event of Default 6(d)(v): a payment or delivery breach continuing " + grace
                        + " Business Days; the Holder may require redemption at the Mandatory Redemption Price (6(b))");
        return findings;
    }

    private static String describeDues(InterestLedger.Result ledger, ConditionRuns.Run run) {
        return ledger.dues().stream()
                .filter(d -> d.adjustedDueDate().isBefore(run.first()) && (d.paidDate() == null || d.paidDate().isAfter(run.first())))
                .map(d -> MoneyFormat.dollars(d.amountDue()) + " due " + d.dueDate()
                        + (d.paidDate() == null ? ", unpaid" : ", paid " + d.paidDate()))
                .reduce((a, b) -> a + "; " + b).orElse("");
    }

    private static void add(List<Finding> findings, ExceptionCode code, Instrument instrument, String clause,
                            List<LocalDate[]> days, LocalDate asOf,
                            java.util.function.Function<ConditionRuns.Run, String> message) {
        for (ConditionRuns.Run run : ConditionRuns.runsOfIntervals(days, asOf)) {
            findings.add(new Finding(code, instrument.id(), clause, run.first(), run.open() ? null : run.last(),
                    message.apply(run) + " (" + run.first() + (run.open() ? " onwards" : " .. " + run.last()) + ")"));
        }
    }

    /** Adds the days {@code first} to {@code last}, both included (none when {@code last} is earlier). */
    private static void addDays(List<LocalDate[]> days, LocalDate first, LocalDate last) {
        days.add(new LocalDate[] {first, last});
    }
}
