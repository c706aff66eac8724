package org.debentures.compliance.rules.redemption;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.penalty.PenaltyAccrual;
import org.debentures.compliance.penalty.PenaltyKind;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.terms.DealTerms;
import org.debentures.compliance.terms.Instrument;
import org.debentures.compliance.terms.RedemptionConversionPrice;

/**
 * The Mandatory Redemption of Debenture 6(a)-(c) (SPEC §14), from notice to payment, for one instrument:
 * <ul>
 *   <li><b>validity</b> of each {@code REDEMPTION_NOTICE}: its Business Day (its date or the next) (a) falls on a day an
 *       Event of Default of the instrument continues, or on or before the {@code redemption-notice-business-days}-th
 *       Business Day after the first Business Day on which the last run no longer continues (a run ended by a waiver
 *       opens no window), or, after a consummated Change of Control whose 6(d)(ii) run reached the consummation day, on
 *       or before the {@code change-of-control-notice-business-days}-th Business Day after it; (b) its Mandatory
 *       Redemption Date R is on or after the {@code redemption-date-business-days}-th Business Day after its Business
 *       Day; (c) its amount is at most the unpaid principal. An invalid notice gives
 *       {@code REDEMPTION_NOTICE_INVALID} on its date, and nothing else;</li>
 *   <li>the <b>price</b> (6(b)) on R for the redeemed principal P and its share I of the accrued unpaid regular
 *       interest: the greater of 120% x (P + I) and (P + I) / CP x Market Price as of R, to cents (no Market Price:
 *       undetermined, the 120% floor is the price for payment and late interest);</li>
 *   <li><b>payment</b> (6(c)) by the {@code redemption-payment-business-days}-th Business Day after R:
 *       {@code REDEMPTION_PAYMENT_LATE} from the day after until paid, and late interest at the Default Interest Rate /
 *       365 on the unpaid part of the price for each day from R (included) to its payment (excluded), as
 *       {@code REDEMPTION_LATE_INTEREST} accruals; a rescission before payment in full revokes the notice: nothing
 *       accrues from its date;</li>
 *   <li>the <b>ledger effect</b>: from R of a valid notice not rescinded, P and I leave the interest ledger
 *       ({@link Effect}: the job runs the symbol's steps again with them).</li>
 * </ul>
 */
public final class MandatoryRedemption {

    /** The basis of the late interest of 6(c)(ii): the Default Interest Rate per 365 days. */
    static final BigDecimal DAY_COUNT = BigDecimal.valueOf(365);

    /** One {@code mandatory_redemption} row (SPEC §14). */
    public record Notice(String instrumentId, LocalDate noticeDate, String reference, LocalDate redemptionDate,
                         BigDecimal principal, BigDecimal interest, BigDecimal conversionPrice, BigDecimal marketPrice,
                         BigDecimal price, LocalDate payBy, LocalDate paidDate, BigDecimal lateInterest, String status,
                         String note) {
    }

    /** From R, P and I leave the instrument's interest ledger (as if principal P were repaid and I paid on R). */
    public record Effect(String instrumentId, LocalDate redemptionDate, BigDecimal principal, BigDecimal interest) {
    }

    /** Everything about one instrument's notices. */
    public record Result(List<Notice> notices, List<Effect> effects, List<Finding> findings, List<PenaltyAccrual> accruals) {
    }

    /**
     * What the notices are judged against.
     *
     * @param eventsOfDefault the instrument's Events of Default (any clause, after waivers)
     * @param waiverEnded whether a run of Events of Default ending on a day ended because a waiver took effect
     * @param consummations the days a Change of Control was consummated while the instrument's 6(d)(ii) reached it
     * @param accruedUnpaidInterest the instrument's accrued unpaid regular interest at the end of a day (null: none)
     * @param conversionPrice the Conversion Price in effect on a day
     * @param marketPrice the Market Price as of a day (null: none)
     */
    public record Inputs(DealTerms deal, Instrument instrument, PrincipalOutstanding principal, List<FilingEvent> events,
                         List<Finding> eventsOfDefault, java.util.function.Predicate<LocalDate> waiverEnded,
                         List<LocalDate> consummations, Function<LocalDate, BigDecimal> accruedUnpaidInterest,
                         Function<LocalDate, BigDecimal> conversionPrice, Function<LocalDate, BigDecimal> marketPrice) {
    }

    private final BusinessDays businessDays;

    public MandatoryRedemption(BusinessDays businessDays) {
        this.businessDays = businessDays;
    }

    public Result evaluate(Inputs in, LocalDate asOf) {
        String id = in.instrument().id();
        List<FilingEvent> notices = in.events().stream()
                .filter(e -> e.type() == EventType.REDEMPTION_NOTICE && !e.date().isAfter(asOf)).toList();
        List<ConditionRuns.Run> runs = runs(in.eventsOfDefault(), asOf);
        List<Finding> findings = new ArrayList<>();
        List<PenaltyAccrual> accruals = new ArrayList<>();
        List<Effect> effects = new ArrayList<>();
        Map<FilingEvent, State> states = new LinkedHashMap<>();
        for (FilingEvent n : notices) {
            states.put(n, judge(in, n, runs, asOf));
        }
        applyPayments(in, states, asOf);
        List<Notice> rows = new ArrayList<>();
        for (Map.Entry<FilingEvent, State> entry : states.entrySet()) {
            FilingEvent n = entry.getKey();
            State s = entry.getValue();
            String reference = n.document() == null ? "" : n.document();
            if (s.invalid != null) {
                findings.add(new Finding(ExceptionCode.REDEMPTION_NOTICE_INVALID, id, "6(a)", n.date(), n.date(),
                        "Mandatory Redemption notice " + (reference.isEmpty() ? "" : reference + " ") + "of " + n.date()
                                + " is not valid: " + s.invalid));
                rows.add(new Notice(id, n.date(), reference, n.effectiveDate(), null, null, null, null, null, null, null,
                        null, "INVALID", join(s.invalid, s.notes)));
                continue;
            }
            LocalDate r = n.effectiveDate();
            LocalDate payBy = businessDays.businessDaysAfter(r, in.deal().eventOfDefault().redemptionPaymentBusinessDays());
            boolean rescinded = s.rescinded != null && (s.paidDate == null || s.rescinded.isBefore(s.paidDate));
            if (!rescinded && !r.isAfter(asOf)) {
                effects.add(new Effect(id, r, s.principal, s.interest));
            }
            BigDecimal lateInterest = null;
            if (s.price != null) {
                lateInterest = late(in, n, s, r, payBy, rescinded ? s.rescinded : null, asOf, findings, accruals);
            }
            String status = rescinded ? "RESCINDED" : s.paidDate == null ? "OPEN"
                    : s.paidDate.isAfter(payBy) ? "PAID_LATE" : "PAID";
            rows.add(new Notice(id, n.date(), reference, r, s.principal, s.interest, s.conversionPrice, s.marketPrice,
                    s.price, payBy, rescinded ? null : s.paidDate, lateInterest, status, join(null, s.notes)));
        }
        return new Result(rows, effects, findings, accruals);
    }

    /** The instrument's Event of Default days of every clause, merged into runs (what a notice relies on). */
    public static List<ConditionRuns.Run> runs(List<Finding> eventsOfDefault, LocalDate asOf) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (Finding f : eventsOfDefault) {
            LocalDate last = f.endDate() == null || f.endDate().isAfter(asOf) ? asOf : f.endDate();
            for (LocalDate d = f.startDate(); !d.isAfter(last); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return ConditionRuns.runs(days, asOf);
    }

    /**
     * 6(a): the last day of the notice window after a run of Events of Default whose last day is {@code lastDay}: the
     * {@code noticeBusinessDays}-th Business Day after the first Business Day on which it no longer continues.
     */
    public LocalDate noticeWindowEnd(LocalDate lastDay, int noticeBusinessDays) {
        LocalDate firstNoLonger = businessDays.nextOrSame(lastDay.plusDays(1));
        return noticeBusinessDays == 0 ? firstNoLonger : businessDays.businessDaysAfter(firstNoLonger, noticeBusinessDays);
    }

    /** A notice as judged, priced and paid. */
    private static final class State {
        String invalid;
        BigDecimal principal;
        BigDecimal interest;
        BigDecimal conversionPrice;
        BigDecimal marketPrice;
        BigDecimal price;
        BigDecimal paidToPrice = BigDecimal.ZERO;
        BigDecimal paidBeyond = BigDecimal.ZERO;
        /** (date, amount applied to the price) */
        final List<Object[]> payments = new ArrayList<>();
        LocalDate paidDate;
        LocalDate rescinded;
        final List<String> notes = new ArrayList<>();
    }

    private State judge(Inputs in, FilingEvent n, List<ConditionRuns.Run> runs, LocalDate asOf) {
        State s = new State();
        var terms = in.deal().eventOfDefault();
        LocalDate nb = businessDays.nextOrSame(n.date());
        List<String> failed = new ArrayList<>();
        LocalDate eventStart = null;
        ConditionRuns.Run continuing = runs.stream().filter(r -> !r.first().isAfter(nb) && !r.last().isBefore(nb))
                .findFirst().orElse(null);
        boolean a = continuing != null;
        if (continuing != null) {
            eventStart = continuing.first();
        } else {
            ConditionRuns.Run before = runs.stream().filter(r -> r.last().isBefore(nb)).reduce((x, y) -> y).orElse(null);
            if (before != null) {
                eventStart = before.first();
                if (!in.waiverEnded().test(before.last())) {
                    a = !nb.isAfter(noticeWindowEnd(before.last(), terms.redemptionNoticeBusinessDays()));
                }
            }
            for (LocalDate consummated : in.consummations()) {
                if (!consummated.isAfter(nb) && !nb.isAfter(businessDays.businessDaysAfter(consummated,
                        Math.max(1, terms.changeOfControlNoticeBusinessDays())))) {
                    a = true;
                }
            }
        }
        if (!a) {
            failed.add("no Event of Default of " + in.instrument().id() + " continues on " + nb
                    + ", nor is it within the notice window after one (6(a))");
        }
        LocalDate r = n.effectiveDate();
        LocalDate earliest = businessDays.businessDaysAfter(nb, Math.max(1, terms.redemptionDateBusinessDays()));
        if (r.isBefore(earliest)) {
            failed.add("the Mandatory Redemption Date " + r + " is before " + earliest + ", the "
                    + terms.redemptionDateBusinessDays() + "th Business Day after the notice (6(a))");
        }
        BigDecimal unpaid = in.principal().on(n.date());
        if (n.amount() != null && n.amount().compareTo(unpaid) > 0) {
            failed.add("the amount " + MoneyFormat.dollars(n.amount()) + " is above the unpaid principal "
                    + MoneyFormat.dollars(unpaid));
        }
        if (!failed.isEmpty()) {
            s.invalid = String.join("; ", failed);
            return s;
        }
        // the price as of R (SPEC §14): P, its share I of the accrued unpaid regular interest through R - 1
        BigDecimal atStart = in.principal().on(r.minusDays(1));
        s.principal = n.amount() != null ? n.amount() : atStart;
        BigDecimal accrued = Objects.requireNonNullElse(in.accruedUnpaidInterest().apply(r.minusDays(1)), BigDecimal.ZERO);
        s.interest = atStart.signum() == 0 ? BigDecimal.ZERO.setScale(2)
                : accrued.multiply(s.principal).divide(atStart, 2, RoundingMode.HALF_UP);
        if (r.isAfter(asOf)) {
            s.notes.add("the Mandatory Redemption Date is after " + asOf + ": no price yet");
            s.price = null;
            return s;
        }
        LocalDate cpDay = in.deal().switches().redemptionConversionPrice() == RedemptionConversionPrice.EVENT_START
                && eventStart != null ? eventStart : r;
        s.conversionPrice = in.conversionPrice().apply(cpDay);
        s.marketPrice = in.marketPrice().apply(r);
        MandatoryRedemptionPrice price = MandatoryRedemptionPrice.of(r, s.principal, s.interest, s.conversionPrice,
                s.marketPrice, terms.redemptionPremium());
        s.price = price.price();
        if (s.marketPrice == null) {
            s.notes.add("no Market Price as of " + r + ": the price is undetermined; the 120% floor "
                    + MoneyFormat.dollars(s.price) + " is the price for payment and late interest");
        }
        return s;
    }

    /** Each {@code REDEMPTION_PAID} to its notice: to the price first, then to late interest; the rest noted. */
    private static void applyPayments(Inputs in, Map<FilingEvent, State> states, LocalDate asOf) {
        for (FilingEvent e : in.events()) {
            if (e.date().isAfter(asOf)) {
                continue;
            }
            if (e.type() == EventType.REDEMPTION_RESCINDED) {
                states.forEach((n, s) -> {
                    if (Objects.equals(n.document(), e.document()) && !n.date().isAfter(e.date()) && s.rescinded == null) {
                        s.rescinded = e.date();
                    }
                });
            }
        }
        for (FilingEvent e : in.events()) {
            if (e.type() != EventType.REDEMPTION_PAID || e.date().isAfter(asOf)) {
                continue;
            }
            Map.Entry<FilingEvent, State> target = null;
            for (Map.Entry<FilingEvent, State> entry : states.entrySet()) {
                FilingEvent n = entry.getKey();
                State s = entry.getValue();
                if (n.date().isAfter(e.date())) {
                    continue;
                }
                if (e.document() != null) {
                    if (e.document().equals(n.document())) {
                        target = entry;
                    }
                } else if (target == null && s.invalid == null && s.rescinded == null && s.price != null
                        && s.paidToPrice.compareTo(s.price) < 0) {
                    target = entry;
                }
            }
            if (target == null) {
                continue; // the intake requires an earlier notice; none is open to take it: nothing to note it on
            }
            State s = target.getValue();
            if (s.invalid != null || (s.rescinded != null && !s.rescinded.isAfter(e.date())) || s.price == null) {
                s.notes.add("payment of " + MoneyFormat.dollars(e.amount()) + " on " + e.date() + " applied to nothing ("
                        + (s.invalid != null ? "invalid notice" : s.price == null ? "no price yet" : "rescinded notice") + ")");
                continue;
            }
            BigDecimal toPrice = s.price.subtract(s.paidToPrice).min(e.amount()).max(BigDecimal.ZERO);
            if (toPrice.signum() > 0) {
                s.paidToPrice = s.paidToPrice.add(toPrice);
                s.payments.add(new Object[] {e.date(), toPrice});
                if (s.paidToPrice.compareTo(s.price) >= 0 && s.paidDate == null) {
                    s.paidDate = e.date();
                }
            }
            BigDecimal rest = e.amount().subtract(toPrice);
            if (rest.signum() > 0) {
                s.paidBeyond = s.paidBeyond.add(rest);
            }
        }
    }

    /** Late interest and {@code REDEMPTION_PAYMENT_LATE}, when the price is not paid in full by {@code payBy}. */
    private BigDecimal late(Inputs in, FilingEvent n, State s, LocalDate r, LocalDate payBy, LocalDate rescinded,
                            LocalDate asOf, List<Finding> findings, List<PenaltyAccrual> accruals) {
        String id = in.instrument().id();
        boolean lateNow = s.paidDate == null ? payBy.isBefore(asOf) : s.paidDate.isAfter(payBy);
        if (!lateNow) {
            noteExcess(s, BigDecimal.ZERO);
            return BigDecimal.ZERO.setScale(2);
        }
        LocalDate stop = s.paidDate != null ? s.paidDate : asOf.plusDays(1); // accrues to the payment, excluded
        if (rescinded != null && rescinded.isBefore(stop)) {
            stop = rescinded;
        }
        BigDecimal rate = in.instrument().defaultInterestRate();
        BigDecimal total = BigDecimal.ZERO;
        for (LocalDate d = r; d.isBefore(stop) && !d.isAfter(asOf); d = d.plusDays(1)) {
            BigDecimal paid = BigDecimal.ZERO;
            for (Object[] p : s.payments) {
                if (!((LocalDate) p[0]).isAfter(d)) {
                    paid = paid.add((BigDecimal) p[1]);
                }
            }
            BigDecimal base = s.price.subtract(paid);
            if (base.signum() <= 0) {
                break;
            }
            BigDecimal amount = base.multiply(rate).divide(DAY_COUNT, 6, RoundingMode.HALF_UP);
            total = total.add(amount);
            accruals.add(new PenaltyAccrual(id, in.instrument().holder(), d, PenaltyKind.REDEMPTION_LATE_INTEREST, base,
                    rate, amount, "Debenture 6(c)(ii)", "late interest on the unpaid Mandatory Redemption Price of the notice of "
                    + n.date() + ": " + MoneyFormat.percent(rate) + " / 365 x " + MoneyFormat.dollars(base)));
        }
        LocalDate lastLate = s.paidDate != null ? s.paidDate.minusDays(1) : asOf;
        if (rescinded != null && !rescinded.isAfter(lastLate)) {
            lastLate = rescinded.minusDays(1);
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = payBy.plusDays(1); !d.isAfter(lastLate); d = d.plusDays(1)) {
            days.add(d);
        }
        for (ConditionRuns.Run run : ConditionRuns.runs(days, asOf)) {
            findings.add(new Finding(ExceptionCode.REDEMPTION_PAYMENT_LATE, id, "6(c)", run.first(),
                    run.open() ? null : run.last(), "Mandatory Redemption Price " + MoneyFormat.dollars(s.price)
                    + " of the notice of " + n.date() + " (Mandatory Redemption Date " + r + ") due by " + payBy
                    + (s.paidDate == null ? ", unpaid" : ", paid in full " + s.paidDate) + "; late interest at "
                    + MoneyFormat.percent(rate) + " / 365 from " + r + " (Debenture 6(c))"));
        }
        BigDecimal lateInterest = total.setScale(2, RoundingMode.HALF_UP);
        noteExcess(s, lateInterest);
        return lateInterest;
    }

    private static void noteExcess(State s, BigDecimal lateInterest) {
        BigDecimal excess = s.paidBeyond.subtract(lateInterest);
        if (excess.signum() > 0) {
            s.notes.add(MoneyFormat.dollars(excess) + " paid beyond the price and its late interest, applied to nothing");
        }
    }

    private static String join(String first, List<String> notes) {
        List<String> all = new ArrayList<>();
        if (first != null) {
            all.add(first);
        }
        all.addAll(notes);
        return all.isEmpty() ? null : String.join("; ", all);
    }
}
