package org.debentures.compliance.rules.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.findings.ConditionRuns;
import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;
import org.debentures.compliance.money.MoneyFormat;
import org.debentures.compliance.money.Rounding;
import org.debentures.compliance.principal.PrincipalOutstanding;
import org.debentures.compliance.rules.conversion.ConversionPriceHistory;
import org.debentures.compliance.terms.RegistrationAgreement;
import org.debentures.compliance.terms.RegistrationCoverage;

/**
 * RRA 2(a) and 4(k) share coverage of one agreement's Registration Statement, as SPEC §16 states it.
 * <ul>
 *   <li><b>Required shares</b> on day D: the sum over the agreement's instruments of ceil(unpaid principal / the
 *       Conversion Price in effect on D, every §4 adjustment but never 4(e)) + {@code warrant-shares}, regardless of
 *       the 3(f) cap.</li>
 *   <li><b>Registered shares</b> on D: the {@code shares} of the latest {@code REGISTRATION_FILED} or
 *       {@code REGISTRATION_AMENDED} dated on or before D that a {@code REGISTRATION_EFFECTIVE} dated on or after it,
 *       and on or before D, made effective (each figure the agreement's new total).</li>
 *   <li>RRA 2(a): {@code REGISTRATION_UNDERSIZED} from the first filing when it is below {@code filing} (150%) x the
 *       shares required on the Closing Date, until a filing or amendment covering 150% of the shares required on its
 *       own date is effective.</li>
 *   <li>RRA 4(k): {@code COVERAGE_SHORTFALL} on each day from first effectiveness on which registered shares are
 *       below {@code maintain} (125%) x required; the (C) days of SPEC §6 end only with an amendment covering
 *       {@code cure} (150%) x the shares required on its date ({@link #firstCuringAmendmentOnOrAfter}).</li>
 * </ul>
 * Every multiple is tested unrounded (registered >= multiple x required). Coverage is checked only when the
 * agreement has {@code registration-coverage} and every instrument under it {@code warrant-shares}
 * ({@link #of} is empty otherwise: not checked).
 */
public final class ShareCoverage {

    /**
     * One day of an agreement's coverage ({@code registration_coverage}).
     *
     * @param registered null before the Registration Statement is first effective
     * @param shortfall the whole shares by which registered falls below the maintain line (0 when it does not);
     *                  null before first effectiveness
     */
    public record Day(String agreementId, LocalDate date, long required, Long registered, BigDecimal maintainLine,
                      BigDecimal cureLine, Long shortfall) {
    }

    /** One instrument under the agreement: its unpaid principal, its Conversion Prices and its warrant shares. */
    public record Debenture(PrincipalOutstanding principal, ConversionPriceHistory prices, long warrantShares) {
    }

    private record Statement(LocalDate date, long shares, EventType type) {
    }

    private final RegistrationAgreement agreement;
    private final RegistrationCoverage terms;
    private final List<Debenture> debentures;
    private final List<Statement> statements = new ArrayList<>();
    private final List<LocalDate> effectiveDates = new ArrayList<>();

    private ShareCoverage(RegistrationAgreement agreement, List<Debenture> debentures, List<FilingEvent> events) {
        this.agreement = agreement;
        this.terms = agreement.registrationCoverage();
        this.debentures = List.copyOf(debentures);
        for (FilingEvent e : events) {
            if ((e.type() == EventType.REGISTRATION_FILED || e.type() == EventType.REGISTRATION_AMENDED) && e.shares() != null) {
                statements.add(new Statement(e.date(), e.shares(), e.type()));
            } else if (e.type() == EventType.REGISTRATION_EFFECTIVE) {
                effectiveDates.add(e.date());
            }
        }
    }

    /**
     * The agreement's coverage, or empty when it cannot be checked: no {@code registration-coverage} terms, or an
     * instrument under it without {@code warrant-shares} ({@code warrants} holds null for it).
     *
     * @param events the agreement's accepted rows, in date then read order, dated on or before the as-of date
     */
    public static Optional<ShareCoverage> of(RegistrationAgreement agreement, List<PrincipalOutstanding> principals,
                                             List<ConversionPriceHistory> prices, List<Long> warrants,
                                             List<FilingEvent> events) {
        if (agreement.registrationCoverage() == null || principals.isEmpty() || warrants.contains(null)) {
            return Optional.empty();
        }
        List<Debenture> debentures = new ArrayList<>();
        for (int i = 0; i < principals.size(); i++) {
            debentures.add(new Debenture(principals.get(i), prices.get(i), warrants.get(i)));
        }
        return Optional.of(new ShareCoverage(agreement, debentures, events));
    }

    /** The shares the Registration Statement must cover on {@code date} (100% of them). */
    public long requiredOn(LocalDate date) {
        long required = 0;
        for (Debenture d : debentures) {
            BigDecimal unpaid = d.principal().on(date);
            if (unpaid.signum() > 0) {
                required += Rounding.wholeSharesUp(Rounding.divide(unpaid, d.prices().priceOn(date))).longValueExact();
            }
            required += d.warrantShares();
        }
        return required;
    }

    /** The shares registered and effective on {@code date}; null before the first effectiveness. */
    public Long registeredOn(LocalDate date) {
        Statement latest = null;
        for (Statement s : statements) {
            if (!s.date().isAfter(date) && effectiveDates.stream().anyMatch(e -> !e.isBefore(s.date()) && !e.isAfter(date))
                    && (latest == null || !s.date().isBefore(latest.date()))) {
                latest = s;
            }
        }
        return latest == null ? null : latest.shares();
    }

    /** Whether {@code shares} cover {@code multiple} x the shares required on {@code date}, unrounded. */
    private boolean covers(long shares, BigDecimal multiple, LocalDate date) {
        return BigDecimal.valueOf(shares).compareTo(multiple.multiply(BigDecimal.valueOf(requiredOn(date)))) >= 0;
    }

    /**
     * RRA 4(k) (SPEC §6 (C), §16): the first {@code REGISTRATION_AMENDED} on or after {@code notice} that covers the
     * cure multiple of the shares required on its own date.
     */
    public Optional<LocalDate> firstCuringAmendmentOnOrAfter(LocalDate notice) {
        return statements.stream().filter(s -> s.type() == EventType.REGISTRATION_AMENDED && !s.date().isBefore(notice)
                && covers(s.shares(), terms.cure(), s.date())).map(Statement::date).findFirst();
    }

    private Optional<LocalDate> firstEffective() {
        return effectiveDates.stream().min(LocalDate::compareTo);
    }

    /** The coverage rows of the days {@code [from, to]} on or after the first filing. */
    public List<Day> days(LocalDate from, LocalDate to) {
        List<Day> days = new ArrayList<>();
        if (statements.isEmpty()) {
            return days;
        }
        LocalDate first = statements.get(0).date().isAfter(from) ? statements.get(0).date() : from;
        for (LocalDate d = first; !d.isAfter(to); d = d.plusDays(1)) {
            long required = requiredOn(d);
            Long registered = registeredOn(d);
            BigDecimal maintain = terms.maintain().multiply(BigDecimal.valueOf(required));
            BigDecimal cure = terms.cure().multiply(BigDecimal.valueOf(required));
            Long shortfall = registered == null ? null
                    : Math.max(0, Rounding.wholeSharesUp(maintain.subtract(BigDecimal.valueOf(registered))).longValueExact());
            days.add(new Day(agreement.id(), d, required, registered, maintain, cure, shortfall));
        }
        return days;
    }

    /** {@code REGISTRATION_UNDERSIZED} and {@code COVERAGE_SHORTFALL} as known on {@code asOf}. */
    public List<Finding> findings(LocalDate closingDate, LocalDate asOf) {
        List<Finding> findings = new ArrayList<>();
        if (statements.isEmpty()) {
            return findings;
        }
        // RRA 2(a): the first filing against 150% of the shares required on the Closing Date
        Statement filing = statements.stream().filter(s -> s.type() == EventType.REGISTRATION_FILED).findFirst().orElse(null);
        if (filing != null) {
            long atClosing = requiredOn(closingDate);
            BigDecimal line = terms.filing().multiply(BigDecimal.valueOf(atClosing));
            if (BigDecimal.valueOf(filing.shares()).compareTo(line) < 0) {
                LocalDate cured = null;
                for (Statement s : statements) {
                    if (covers(s.shares(), terms.filing(), s.date())) {
                        Optional<LocalDate> effective = effectiveDates.stream().filter(e -> !e.isBefore(s.date()))
                                .min(LocalDate::compareTo);
                        if (effective.isPresent() && !effective.get().isAfter(asOf)
                                && (cured == null || effective.get().isBefore(cured))) {
                            cured = effective.get();
                        }
                    }
                }
                LocalDate last = cured == null ? null : cured.minusDays(1);
                if (last == null || !last.isBefore(filing.date())) {
                    findings.add(new Finding(ExceptionCode.REGISTRATION_UNDERSIZED, agreement.id(), "RRA 2(a)", filing.date(),
                            last, "Registration Statement filed " + filing.date() + " for " + MoneyFormat.count(filing.shares())
                            + " shares, below " + MoneyFormat.percent(terms.filing()) + " of the " + MoneyFormat.count(atClosing)
                            + " shares required on the Closing Date " + closingDate + " ("
                            + line.stripTrailingZeros().toPlainString() + ")" + (cured == null
                            ? "; no filing or amendment covering it effective by " + asOf
                            : "; a filing covering it effective " + cured)));
                }
            }
        }
        // RRA 4(k): each day from first effectiveness below the maintain line
        Optional<LocalDate> effective = firstEffective().filter(d -> !d.isAfter(asOf));
        if (effective.isPresent()) {
            List<LocalDate> below = new ArrayList<>();
            for (LocalDate d = effective.get(); !d.isAfter(asOf); d = d.plusDays(1)) {
                Long registered = registeredOn(d);
                if (registered != null && !covers(registered, terms.maintain(), d)) {
                    below.add(d);
                }
            }
            for (ConditionRuns.Run run : ConditionRuns.runs(below, asOf)) {
                long required = requiredOn(run.first());
                findings.add(new Finding(ExceptionCode.COVERAGE_SHORTFALL, agreement.id(), "RRA 4(k)", run.first(),
                        run.open() ? null : run.last(), "shares registered " + MoneyFormat.count(registeredOn(run.first()))
                        + " below " + MoneyFormat.percent(terms.maintain()) + " of the " + MoneyFormat.count(required)
                        + " shares required on " + run.first() + " ("
                        + terms.maintain().multiply(BigDecimal.valueOf(required)).stripTrailingZeros().toPlainString() + ")"
                        + (run.open() ? ", still on " + asOf : " through " + run.last())
                        + "; an amendment covering " + MoneyFormat.percent(terms.cure()) + " of the required shares cures it"));
            }
        }
        return findings;
    }
}
