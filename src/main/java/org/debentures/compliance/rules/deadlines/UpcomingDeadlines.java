package org.debentures.compliance.rules.deadlines;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.calendar.DateInterval;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.rules.conversion.ConditionState;
import org.debentures.compliance.rules.conversion.ConversionDelivery;
import org.debentures.compliance.rules.conversion.Readiness;
import org.debentures.compliance.rules.interest.DefaultInterestMonth;
import org.debentures.compliance.rules.interest.InterestAccrualDay;
import org.debentures.compliance.rules.interest.InterestDue;
import org.debentures.compliance.rules.interest.InterestFindings;
import org.debentures.compliance.rules.interest.InterestLedger;
import org.debentures.compliance.rules.registration.AllowedDelayCoverage;
import org.debentures.compliance.rules.registration.RegistrationDefaults;
import org.debentures.compliance.rules.registration.RegistrationTimeline;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RegistrationAgreement;

/**
 * The dated obligations of one deal in the days after a run's last day ({@code (asOf, asOf + horizon]}),
 * for legal and treasury to act on before they are missed:
 * <ul>
 *   <li>Filing and Registration Deadlines (RRA 1(c), 1(e)) not yet met; coverage amendments due (4(k));</li>
 *   <li>for an Allowed Delay still running: the first day it would go beyond the RRA 4(f) limits
 *       (its five Business Days, or the 30-day budget) if it continues;</li>
 *   <li>the 6(d)(iii) date (the 180th day) while the Registration Statement is not effective;</li>
 *   <li>Interest Payment Dates with the interest projected to fall due; default interest due dates;
 *       the last day before a 6(d)(v) Event of Default of an unpaid due, an unpaid month of default interest and
 *       principal unpaid at maturity (its grace counted from the due date after the deadline convention, SPEC §10
 *       v2); Delivery Dates of Conversion Shares; the Maturity Date;</li>
 *   <li>once the VWAP test is met, the earliest Mandatory Conversion Date for a notice on the next
 *       Business Day (5(b)).</li>
 * </ul>
 */
public final class UpcomingDeadlines {

    /** One agreement's state as of the run's last day. */
    public record AgreementState(RegistrationAgreement agreement, RegistrationTimeline timeline,
                                 RegistrationDefaults.Result defaults) {
    }

    /** One instrument's state as of the run's last day. */
    public record InstrumentState(Instrument instrument, InterestLedger.Result ledger,
                                  List<ConversionDelivery> deliveries, Readiness readiness) {
    }

    private final BusinessDays businessDays;

    public UpcomingDeadlines(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    public List<Deadline> of(DealTerms deal, List<AgreementState> agreements, List<InstrumentState> instruments,
                             LocalDate asOf, int horizonDays) {
        LocalDate last = asOf.plusDays(horizonDays);
        List<Deadline> deadlines = new ArrayList<>();
        for (AgreementState a : agreements) {
            String id = a.agreement().id();
            RegistrationTimeline t = a.timeline();
            LocalDate filing = a.defaults().deadlines().filingDeadline();
            if (within(filing, asOf, last) && t.firstFiling().filter(d -> !d.isAfter(asOf)).isEmpty()) {
                deadlines.add(new Deadline(deal.id(), id, filing, "Filing Deadline", "RRA 1(c)", null,
                        "Registration Statement to be filed; a default day accrues from the next day (RRA 2(d)(A))"));
            }
            LocalDate registration = a.defaults().deadlines().registrationDeadline();
            Optional<LocalDate> effective = t.firstEffective().filter(d -> !d.isAfter(asOf));
            if (within(registration, asOf, last) && effective.isEmpty()) {
                deadlines.add(new Deadline(deal.id(), id, registration, "Registration Deadline", "RRA 1(e)", null,
                        "Registration Statement to be declared effective (RRA 2(d)(A))"));
            }
            for (RegistrationDefaults.CoverageEpisode e : a.defaults().coverageEpisodes()) {
                if (e.cure().isEmpty() && within(e.cureDeadline(), asOf, last)) {
                    deadlines.add(new Deadline(deal.id(), id, e.cureDeadline(), "coverage amendment due", "RRA 4(k)",
                            null, "amendment or new registration statement after the Holder notice of " + e.notice()));
                }
            }
            runningDelay(t, asOf).ifPresent(delay -> {
                List<DateInterval> extended = new ArrayList<>(t.allowedDelays());
                extended.remove(delay);
                extended.add(DateInterval.open(delay.start()));
                AllowedDelayCoverage.Result cover = new AllowedDelayCoverage(a.agreement().allowedDelay(), businessDays)
                        .cover(extended, effective.orElse(null), last);
                LocalDate fifth = businessDays.nthBusinessDayOnOrAfter(delay.start(),
                        a.agreement().allowedDelay().maxConsecutiveBusinessDays());
                cover.uncovered().stream().filter(d -> d.isAfter(asOf)).findFirst().ifPresent(first ->
                        deadlines.add(new Deadline(deal.id(), id, first, "Allowed Delay beyond its limits if it continues",
                                "RRA 4(f)", null, first.equals(fifth.plusDays(1)) || first.isAfter(fifth)
                                ? "the Allowed Delay of " + delay.start() + " covers through its 5th Business Day " + fifth
                                : "the 30 calendar days of Allowed Delay in 12 months are used up")));
            });
            if (effective.isEmpty()) {
                for (InstrumentState i : instruments) {
                    if (!i.instrument().registrationAgreementId().equals(id)) {
                        continue;
                    }
                    LocalDate eod = businessDays.adjustDeadline(i.instrument().issueDate().plusDays(
                            deal.eventOfDefault().effectivenessDeadlineDays()), deal.switches().deadlineConvention());
                    if (within(eod, asOf, last)) {
                        deadlines.add(new Deadline(deal.id(), i.instrument().id(), eod,
                                "Registration Statement effective, or Event of Default", "Debenture 6(d)(iii)", null,
                                "the " + deal.eventOfDefault().effectivenessDeadlineDays() + "th day after the Issue Date"));
                    }
                }
            }
        }
        for (InstrumentState i : instruments) {
            String id = i.instrument().id();
            InterestLedger.ProjectedDue next = i.ledger().nextDue();
            if (next != null && within(next.dueDate(), asOf, last)) {
                LocalDate payBy = businessDays.adjustDeadline(next.dueDate(), deal.switches().deadlineConvention());
                deadlines.add(new Deadline(deal.id(), id, next.dueDate(), "Interest Payment Date", "Debenture 2(a)",
                        next.projectedAmount(), "projected interest " + MoneyFormat.dollars(next.projectedAmount())
                        + " (accrued so far plus the current daily rate), on time if paid by " + payBy));
            }
            for (DefaultInterestMonth m : i.ledger().months()) {
                if (m.paidDate() == null && within(m.dueBy(), asOf, last)) {
                    deadlines.add(new Deadline(deal.id(), id, m.dueBy(), "default interest due", "Debenture 2(b)",
                            m.amountDue().subtract(m.amountPaid()), "default interest for " + m.month()));
                }
            }
            int grace = deal.eventOfDefault().interestGraceBusinessDays();
            for (InterestDue due : i.ledger().dues()) {
                // SPEC §10 v2: the grace counts from the due date after the deadline convention
                LocalDate eod = InterestFindings.lastGraceDay(businessDays, due.adjustedDueDate(), grace);
                if (due.paidDate() == null && within(eod, asOf.minusDays(1), last)) {
                    deadlines.add(new Deadline(deal.id(), id, eod, "last day to pay before an Event of Default",
                            "Debenture 6(d)(v)", due.amountDue().subtract(due.amountPaid()),
                            "interest due " + due.dueDate() + " still unpaid"));
                }
            }
            for (DefaultInterestMonth m : i.ledger().months()) {
                LocalDate eod = InterestFindings.lastGraceDay(businessDays, m.dueBy(), grace);
                if (m.paidDate() == null && within(eod, asOf.minusDays(1), last)) {
                    deadlines.add(new Deadline(deal.id(), id, eod, "last day to pay before an Event of Default",
                            "Debenture 6(d)(v)", m.amountDue().subtract(m.amountPaid()),
                            "default interest for " + m.month() + " (due by " + m.dueBy() + ") still unpaid"));
                }
            }
            InterestAccrualDay today = i.ledger().days().isEmpty() ? null : i.ledger().days().get(i.ledger().days().size() - 1);
            if (today != null && today.date().equals(asOf) && today.principal().signum() > 0) {
                LocalDate maturity = businessDays.adjustDeadline(i.instrument().maturityDate(),
                        deal.switches().deadlineConvention());
                LocalDate eod = InterestFindings.lastGraceDay(businessDays, maturity, grace);
                if (within(eod, asOf.minusDays(1), last)) {
                    deadlines.add(new Deadline(deal.id(), id, eod, "last day to repay principal before an Event of Default",
                            "Debenture 6(d)(v)", today.principal(), "principal due on the Maturity Date "
                            + i.instrument().maturityDate() + (maturity.equals(i.instrument().maturityDate()) ? ""
                            : " (payable " + maturity + ")")));
                }
            }
            for (ConversionDelivery d : i.deliveries()) {
                if (d.deliveredOn() == null && within(d.deliveryDate(), asOf.minusDays(1), last)) {
                    deadlines.add(new Deadline(deal.id(), id, d.deliveryDate(), "Delivery Date of Conversion Shares",
                            "Debenture 3(d)", null, d.sharesDue().toPlainString() + " shares for " + d.reference()));
                }
                LocalDate eod = InterestFindings.lastGraceDay(businessDays, d.deliveryDate(), grace);
                if (d.deliveredOn() == null && within(eod, asOf.minusDays(1), last)) {
                    deadlines.add(new Deadline(deal.id(), id, eod, "last day to deliver before an Event of Default",
                            "Debenture 6(d)(v)", null, d.sharesDue().toPlainString() + " shares for " + d.reference()
                            + ", Delivery Date " + d.deliveryDate()));
                }
            }
            if (within(i.instrument().maturityDate(), asOf, last)) {
                deadlines.add(new Deadline(deal.id(), id, i.instrument().maturityDate(), "Maturity Date", "Debenture 1",
                        null, "unpaid principal and interest due"));
            }
            Readiness r = i.readiness();
            boolean vwapTestMet = r != null && r.conditions().stream()
                    .anyMatch(c -> c.condition().equals("5(c)(ii)") && c.state() == ConditionState.State.MET);
            if (vwapTestMet && within(r.earliestConversionDate(), asOf, last)) {
                long notMet = r.conditions().stream().filter(c -> c.state() == ConditionState.State.NOT_MET).count();
                deadlines.add(new Deadline(deal.id(), id, r.earliestConversionDate(), "earliest Mandatory Conversion Date",
                        "Debenture 5(b)", null, "for a Mandatory Conversion Notice on " + r.noticeDate()
                        + (notMet == 0 ? "; no checkable condition unmet" : "; " + notMet + " condition(s) not met")));
            }
        }
        deadlines.sort(Comparator.comparing(Deadline::dueDate).thenComparing(Deadline::subject));
        return deadlines;
    }

    /** The Allowed Delay still running on {@code asOf}, if any. */
    private static Optional<DateInterval> runningDelay(RegistrationTimeline t, LocalDate asOf) {
        return t.allowedDelays().stream().filter(d -> !d.start().isAfter(asOf) && d.contains(asOf)).findFirst();
    }

    private static boolean within(LocalDate date, LocalDate afterExclusive, LocalDate lastInclusive) {
        return date.isAfter(afterExclusive) && !date.isAfter(lastInclusive);
    }
}
