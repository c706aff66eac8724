package org.debentures.compliance.rules.waivers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.EventsOfDefault;

/**
 * Debenture 8(c) waivers (SPEC §13), for one amendment group:
 * <ul>
 *   <li>a waiver is <b>effective</b> from the first day on which the instruments of the group that signed it (rows
 *       with the same {@code document} dated on or before that day) hold at least the consent share of the group's
 *       unpaid principal that day (8(c)(B)); until then {@code WAIVER_PENDING} (INFO) for each signing instrument;</li>
 *   <li>it <b>covers</b> the group's Events of Default under its clause (every clause when empty): for 6(d)(ix) the
 *       causes of Target Periods ending on or before its {@code period_end}, for another clause the causes that began
 *       on or before it, and, with {@code period_end} empty, those that began on or before the effective date;</li>
 *   <li>a covered cause's days from the effective date on are dropped; a cause that loses its tail ends the day
 *       before, its message naming the waiver.</li>
 * </ul>
 * Coverage is per cause, before the days of a clause are merged into runs.
 */
public final class Waivers {

    private Waivers() {
    }

    /**
     * The group's waivers, by document in the order first signed.
     *
     * @param rows the {@code WAIVER} rows of the group's instruments dated on or before {@code asOf}, in date then read order
     * @param principals the unpaid principal of each instrument of the group
     * @param consentShare the deal's {@code amendment-consent-share}
     */
    public static List<Waiver> of(String group, List<FilingEvent> rows, Map<String, PrincipalOutstanding> principals,
                                  BigDecimal consentShare, LocalDate asOf) {
        Map<String, List<FilingEvent>> byDocument = new LinkedHashMap<>();
        rows.stream().filter(r -> !r.date().isAfter(asOf))
                .forEach(r -> byDocument.computeIfAbsent(r.document(), k -> new ArrayList<>()).add(r));
        List<Waiver> waivers = new ArrayList<>();
        byDocument.forEach((document, signed) -> {
            Map<String, LocalDate> first = new LinkedHashMap<>();
            signed.forEach(r -> first.putIfAbsent(r.subject(), r.date()));
            List<Waiver.Signature> signatures = new ArrayList<>();
            first.forEach((id, date) -> signatures.add(new Waiver.Signature(id, date)));
            FilingEvent terms = signed.get(0);
            waivers.add(new Waiver(document, group, terms.clause(), terms.periodEnd(), signatures,
                    effective(signatures, principals, consentShare, asOf)));
        });
        return waivers;
    }

    /** The first day the signers hold the consent share of the group's unpaid principal, or null. */
    static LocalDate effective(List<Waiver.Signature> signatures, Map<String, PrincipalOutstanding> principals,
                               BigDecimal consentShare, LocalDate asOf) {
        LocalDate firstSigned = signatures.stream().map(Waiver.Signature::date).min(LocalDate::compareTo).orElseThrow();
        for (LocalDate day = firstSigned; !day.isAfter(asOf); day = day.plusDays(1)) {
            BigDecimal[] held = held(signatures, principals, day);
            if (held[1].signum() > 0 && held[0].compareTo(consentShare.multiply(held[1])) >= 0) {
                return day;
            }
        }
        return null;
    }

    /** The signers' unpaid principal on {@code day} (of those signed by then) and the group's. */
    private static BigDecimal[] held(List<Waiver.Signature> signatures, Map<String, PrincipalOutstanding> principals,
                                     LocalDate day) {
        BigDecimal signers = BigDecimal.ZERO;
        for (Waiver.Signature s : signatures) {
            if (!s.date().isAfter(day) && principals.containsKey(s.instrumentId())) {
                signers = signers.add(principals.get(s.instrumentId()).on(day));
            }
        }
        BigDecimal group = principals.values().stream().map(p -> p.on(day)).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new BigDecimal[] {signers, group};
    }

    /** Whether {@code waiver} covers {@code cause} (its clause, and the period or start test). */
    public static boolean covers(Waiver waiver, EventsOfDefault.Cause cause) {
        if (!waiver.isEffective() || (waiver.clause() != null && !waiver.clause().equals(cause.clause()))) {
            return false;
        }
        if (waiver.periodEnd() == null) {
            return !cause.began().isAfter(waiver.effective());
        }
        LocalDate key = cause.periodEnd() != null ? cause.periodEnd() : cause.began();
        return !key.isAfter(waiver.periodEnd());
    }

    /**
     * {@code cause} under the waivers of its instrument's group, applied in order: unchanged, ending the day before
     * the first effective date that covers it, or null when it is covered from its first day.
     */
    public static EventsOfDefault.Cause apply(List<Waiver> waivers, EventsOfDefault.Cause cause) {
        EventsOfDefault.Cause current = cause;
        for (Waiver w : waivers) {
            if (current == null || !covers(w, current)) {
                continue;
            }
            if (!current.first().isBefore(w.effective())) {
                current = null;
            } else if (current.last() == null || !current.last().isBefore(w.effective())) {
                current = current.waived(w.effective(), "(waived from " + w.effective() + " by "
                        + w.document() + ", Debenture 8(c))");
            }
        }
        return current;
    }

    /**
     * {@code WAIVER_PENDING} of one signing instrument: from its signature to the day before the waiver is effective
     * (continuing while it is not).
     */
    public static List<Finding> pending(Waiver waiver, Waiver.Signature signature, Map<String, PrincipalOutstanding> principals,
                                        BigDecimal consentShare, LocalDate asOf) {
        LocalDate last = waiver.isEffective() ? waiver.effective().minusDays(1) : asOf;
        if (last.isBefore(signature.date())) {
            return List.of();
        }
        BigDecimal[] held = held(waiver.signatures(), principals, signature.date());
        String share = held[1].signum() == 0 ? "none"
                : held[0].multiply(BigDecimal.valueOf(100)).divide(held[1], 2, RoundingMode.HALF_UP).stripTrailingZeros()
                .toPlainString() + "%";
        List<Finding> findings = new ArrayList<>();
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = signature.date(); !d.isAfter(last); d = d.plusDays(1)) {
            days.add(d);
        }
        for (ConditionRuns.Run run : ConditionRuns.runs(days, asOf)) {
            findings.add(new Finding(ExceptionCode.WAIVER_PENDING, signature.instrumentId(), "8(c)", run.first(),
                    run.open() ? null : run.last(), waiver.document() + " (" + waiver.describe() + ") signed "
                    + signature.date() + " by " + signature.instrumentId() + ": its signers held " + share + " of the "
                    + waiver.group() + " group's unpaid principal (" + MoneyFormat.dollars(held[0]) + " of "
                    + MoneyFormat.dollars(held[1]) + "), below the " + MoneyFormat.percent(consentShare)
                    + " needed (Debenture 8(c)(B)); " + (waiver.isEffective() ? "effective " + waiver.effective()
                    : "not effective by " + asOf)));
        }
        return findings;
    }
}
