package org.debentures.compliance.rules.interest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;

/**
 * The exceptions of SPEC §7 (version 2) for one instrument, as runs of days (SPEC §10):
 * <ul>
 *   <li>{@code INTEREST_UNPAID} (Debenture 2(a)): from the day after a due's adjusted due date while it is unpaid;</li>
 *   <li>{@code DEFAULT_INTEREST_OVERDUE} (2(b)): from the day after a month's due-by date while its default interest is unpaid;</li>
 *   <li>{@code PRINCIPAL_UNPAID} (Debenture 1, 6(d)(v); v2): from the day after the adjusted Maturity Date while any
 *       principal is outstanding;</li>
 *   <li>{@code CONVERSION_DEFAULT} (3(e)): the Conversion Default days of each conversion;</li>
 *   <li>{@code EVENT_OF_DEFAULT} clause {@code 6(d)(v)} ("any payment obligation", SPEC §7 and §10 v2): every grace
 *       period of {@code interest-grace-business-days} (5) Business Days counts from the due date <b>after</b> the
 *       deadline convention, and the Event of Default runs from the day after its last Business Day to the day before
 *       the obligation is met in full (one unpaid cent counts), for an interest due (from its adjusted due date), a
 *       month's default interest (from its due-by date), the principal at maturity (from the adjusted Maturity Date)
 *       and undelivered Conversion Shares (from the Delivery Date). Liquidated damages and Conversion Default amounts
 *       give none (SPEC §7 v2: no payment date in the documents or the log).</li>
 * </ul>
 */
public final class InterestFindings {

    /** The clause {@code EVENT_OF_DEFAULT} rows of these causes arise under (SPEC §8, §10 v2: {@code 6(d)(i)} .. {@code 6(d)(x)}). */
    public static final String EVENT_OF_DEFAULT_CLAUSE = "6(d)(v)";

    /** The codes of this class other than {@code EVENT_OF_DEFAULT}, which it writes under its clause only. */
    public static final List<ExceptionCode> CODES = List.of(ExceptionCode.INTEREST_UNPAID,
            ExceptionCode.DEFAULT_INTEREST_OVERDUE, ExceptionCode.PRINCIPAL_UNPAID, ExceptionCode.CONVERSION_DEFAULT);

    /**
     * The codes that show "an event that with the passage of time ... would constitute an Event of Default" on a day
     * they hold (Debenture 5(c)(vi), SPEC §5 v2): an obligation unpaid or undelivered after its due date, inside its
     * 6(d)(v) grace or past it.
     */
    public static final List<ExceptionCode> PENDING_EVENT_OF_DEFAULT = CODES;

    /** One day range an obligation is in breach, with what it is. */
    private record Cause(LocalDate first, LocalDate last, String description) {
        LocalDate[] interval() {
            return new LocalDate[] {first, last};
        }

        boolean within(ConditionRuns.Run run) {
            return !last.isBefore(first) && !first.isAfter(run.last()) && !last.isBefore(run.first());
        }
    }

    private InterestFindings() {
    }

    /** One obligation's 6(d)(v) days and what it is (SPEC §13: one cause a waiver may cover). */
    public record DefaultCause(LocalDate first, LocalDate last, String description) {
    }

    /**
     * The 6(d)(v) causes of the instrument, one per obligation (an interest due, a month of default interest,
     * principal at maturity, a delivery), each {@code [first, last]} (empty when {@code last} is before {@code first}).
     */
    public static List<DefaultCause> eventOfDefaultCauses(DealTerms deal, Instrument instrument,
                                                          InterestLedger.Result ledger, List<ConversionDelivery> deliveries,
                                                          BusinessDays businessDays, LocalDate asOf) {
        return causes(deal, instrument, ledger, deliveries, businessDays, asOf).eventOfDefault.stream()
                .filter(c -> !c.last().isBefore(c.first()) && !c.first().isAfter(asOf))
                .map(c -> new DefaultCause(c.first(), c.last(), c.description())).toList();
    }

    /** The causes of each code, before they become runs. */
    private record Causes(List<Cause> unpaid, List<Cause> overdue, List<Cause> principalUnpaid,
                          List<Cause> conversionDefault, List<Cause> eventOfDefault) {
    }

    public static List<Finding> of(DealTerms deal, Instrument instrument, InterestLedger.Result ledger,
                                   List<ConversionDelivery> deliveries, BusinessDays businessDays, LocalDate asOf) {
        Causes all = causes(deal, instrument, ledger, deliveries, businessDays, asOf);
        int grace = deal.eventOfDefault().interestGraceBusinessDays();
        List<Cause> unpaid = all.unpaid();
        List<Cause> overdue = all.overdue();
        List<Cause> principalUnpaid = all.principalUnpaid();
        List<Cause> conversionDefault = all.conversionDefault();
        List<Cause> eventOfDefault = all.eventOfDefault();
        List<Finding> findings = new ArrayList<>();
        add(findings, ExceptionCode.INTEREST_UNPAID, instrument, "Debenture 2(a)", unpaid, asOf,
                causes -> "interest due not paid on time: " + causes);
        add(findings, ExceptionCode.DEFAULT_INTEREST_OVERDUE, instrument, "Debenture 2(b)", overdue, asOf,
                causes -> "default interest overdue (due by the 5th Business Day after each month's end): " + causes);
        add(findings, ExceptionCode.PRINCIPAL_UNPAID, instrument, "Debenture 1, 6(d)(v)", principalUnpaid, asOf,
                causes -> causes + "; an Event of Default (6(d)(v)) after " + grace + " Business Days");
        add(findings, ExceptionCode.CONVERSION_DEFAULT, instrument, "Debenture 3(e)", conversionDefault, asOf,
                causes -> "not delivered by the Delivery Date: " + causes);
        add(findings, ExceptionCode.EVENT_OF_DEFAULT, instrument, EVENT_OF_DEFAULT_CLAUSE, eventOfDefault, asOf,
                causes -> "Event of Default 6(d)(v): a payment or delivery breach continuing " + grace
                        + " Business Days (" + causes + "); the Holder may require redemption at the Mandatory"
                        + " Redemption Price (6(b))");
        return findings;
    }

    private static Causes causes(DealTerms deal, Instrument instrument, InterestLedger.Result ledger,
                                 List<ConversionDelivery> deliveries, BusinessDays businessDays, LocalDate asOf) {
        List<Cause> unpaid = new ArrayList<>();
        List<Cause> overdue = new ArrayList<>();
        List<Cause> principalUnpaid = new ArrayList<>();
        List<Cause> conversionDefault = new ArrayList<>();
        List<Cause> eventOfDefault = new ArrayList<>();
        int grace = deal.eventOfDefault().interestGraceBusinessDays();
        for (InterestDue due : ledger.dues()) {
            LocalDate until = due.paidDate() == null ? asOf : due.paidDate().minusDays(1);
            String what = MoneyFormat.dollars(due.amountDue()) + " interest due " + due.dueDate()
                    + (due.adjustedDueDate().equals(due.dueDate()) ? "" : " (payable " + due.adjustedDueDate() + ")")
                    + (due.paidDate() == null ? ", unpaid" : ", paid in full " + due.paidDate());
            unpaid.add(new Cause(due.adjustedDueDate().plusDays(1), until, what));
            eventOfDefault.add(new Cause(afterGrace(businessDays, due.adjustedDueDate(), grace), until, what));
        }
        for (DefaultInterestMonth month : ledger.months()) {
            LocalDate until = month.paidDate() == null ? asOf : month.paidDate().minusDays(1);
            String what = MoneyFormat.dollars(month.amountDue()) + " default interest of " + month.month() + " due by "
                    + month.dueBy() + (month.paidDate() == null ? ", unpaid" : ", paid in full " + month.paidDate());
            overdue.add(new Cause(month.dueBy().plusDays(1), until, what));
            eventOfDefault.add(new Cause(afterGrace(businessDays, month.dueBy(), grace), until, what));
        }
        LocalDate maturity = businessDays.adjustDeadline(instrument.maturityDate(), deal.switches().deadlineConvention());
        List<InterestAccrualDay> owingPrincipal = ledger.days().stream()
                .filter(d -> d.date().isAfter(maturity) && d.principal().signum() > 0).toList();
        if (!owingPrincipal.isEmpty()) { // principal only decreases: these days are consecutive, through the day before it is repaid
            LocalDate until = owingPrincipal.get(owingPrincipal.size() - 1).date();
            String what = "principal unpaid after the Maturity Date " + instrument.maturityDate()
                    + (maturity.equals(instrument.maturityDate()) ? "" : " (payable " + maturity + ")") + ": "
                    + MoneyFormat.dollars(owingPrincipal.get(0).principal()) + " outstanding on " + owingPrincipal.get(0).date();
            principalUnpaid.add(new Cause(maturity.plusDays(1), until, what));
            eventOfDefault.add(new Cause(afterGrace(businessDays, maturity, grace), until, what));
        }
        for (ConversionDelivery delivery : deliveries) {
            LocalDate until = delivery.deliveredOn() == null ? asOf : delivery.deliveredOn().minusDays(1);
            String what = "Conversion Shares of " + delivery.reference() + " (" + delivery.sharesDue().toPlainString()
                    + " shares, Delivery Date " + delivery.deliveryDate()
                    + (delivery.deliveredOn() == null ? ", undelivered" : ", delivered " + delivery.deliveredOn()) + ")";
            if (delivery.defaultDays() > 0) {
                conversionDefault.add(new Cause(delivery.deliveryDate(), until, what));
            }
            eventOfDefault.add(new Cause(afterGrace(businessDays, delivery.deliveryDate(), grace), until, what));
        }
        return new Causes(unpaid, overdue, principalUnpaid, conversionDefault, eventOfDefault);
    }

    /**
     * The last day of a 6(d)(v) grace period (SPEC §10 v2): the {@code grace}-th Business Day after the due date after
     * the deadline convention (2003-01-01 due 2003-01-02 under {@code FOLLOWING}: 2003-01-09).
     */
    public static LocalDate lastGraceDay(BusinessDays businessDays, LocalDate adjustedDueDate, int grace) {
        return businessDays.businessDaysAfter(adjustedDueDate, grace);
    }

    /** The first day of a 6(d)(v) Event of Default: the day after the last day of its grace. */
    private static LocalDate afterGrace(BusinessDays businessDays, LocalDate adjustedDueDate, int grace) {
        return lastGraceDay(businessDays, adjustedDueDate, grace).plusDays(1);
    }

    private static void add(List<Finding> findings, ExceptionCode code, Instrument instrument, String clause,
                            List<Cause> causes, LocalDate asOf, Function<String, String> message) {
        for (ConditionRuns.Run run : ConditionRuns.runsOfIntervals(causes.stream().map(Cause::interval).toList(), asOf)) {
            String named = causes.stream().filter(c -> c.within(run)).map(Cause::description)
                    .collect(Collectors.joining("; "));
            findings.add(new Finding(code, instrument.id(), clause, run.first(), run.open() ? null : run.last(),
                    message.apply(named) + " (" + run.first() + (run.open() ? " onwards" : " .. " + run.last()) + ")"));
        }
    }
}
