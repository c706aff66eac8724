package org.debentures.compliance.rules.covenants;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;
import org.debentures.compliance.terms.CapexLimit;
import org.debentures.compliance.terms.CovenantTerms;

/**
 * The capital expenditures covenant, Debenture 6(d)(x) (SPEC §12): a year with {@code max-amount} is
 * breached when its {@code CAPEX_AUDITED} exceeds it, one with {@code max-share-of-revenue} when capex
 * exceeds that share of the year's {@code REVENUE_AUDITED} (the limit rounded to cents); an Event of
 * Default from the date of the later of the rows it needs, continuing. The latest row of each kind
 * dated on or before the run's last day counts.
 */
public final class CapexCovenant {

    public static final String CLAUSE = "6(d)(x)";

    /** The {@code covenant_test} rows of the years ending on or before {@code asOf}, and the 6(d)(x) causes. */
    public record Result(List<CovenantTest> tests, List<DefaultCause> eventsOfDefault) {
    }

    private CapexCovenant() {
    }

    public static Result evaluate(String dealId, CovenantTerms terms, List<FilingEvent> symbolEvents, LocalDate asOf) {
        List<CovenantTest> tests = new ArrayList<>();
        List<DefaultCause> causes = new ArrayList<>();
        for (CapexLimit limit : terms.capexLimits()) {
            LocalDate yearEnd = LocalDate.of(limit.year(), 12, 31);
            if (yearEnd.isAfter(asOf)) {
                continue;
            }
            Optional<FilingEvent> capex = latest(symbolEvents, EventType.CAPEX_AUDITED, limit.year(), asOf);
            Optional<FilingEvent> revenue = limit.maxAmount() != null ? Optional.empty()
                    : latest(symbolEvents, EventType.REVENUE_AUDITED, limit.year(), asOf);
            boolean complete = capex.isPresent() && (limit.maxAmount() != null || revenue.isPresent());
            BigDecimal target = limit.maxAmount() != null ? limit.maxAmount()
                    : revenue.map(r -> limit.maxShareOfRevenue().multiply(r.amount()).setScale(2, RoundingMode.HALF_UP))
                    .orElse(null);
            BigDecimal actual = capex.map(FilingEvent::amount).orElse(null);
            Boolean met = complete ? actual.compareTo(target) <= 0 : null;
            LocalDate breachDate = !complete ? null : revenue.isEmpty() || capex.get().date().isAfter(revenue.get().date())
                    ? capex.get().date() : revenue.get().date();
            tests.add(new CovenantTest(dealId, CLAUSE, yearEnd, 12, target, actual, met,
                    complete ? EbitdaFigures.State.FINAL.name() : EbitdaFigures.State.MISSING.name(), breachDate));
            if (Boolean.FALSE.equals(met)) {
                String limitText = limit.maxAmount() != null ? EbitdaCovenant.signed(limit.maxAmount())
                        : org.debentures.compliance.money.MoneyFormat.percent(limit.maxShareOfRevenue()) + " of revenue "
                        + EbitdaCovenant.signed(revenue.get().amount()) + " = " + EbitdaCovenant.signed(target);
                causes.add(new DefaultCause(CLAUSE, breachDate, null, "Event of Default 6(d)(x): " + limit.year()
                        + " capital expenditures " + EbitdaCovenant.signed(actual) + " above the limit " + limitText
                        + " (audited, " + breachDate + ")"));
            }
        }
        return new Result(tests, causes);
    }

    private static Optional<FilingEvent> latest(List<FilingEvent> events, EventType type, int year, LocalDate asOf) {
        FilingEvent latest = null;
        for (FilingEvent e : events) {
            if (e.type() == type && !e.date().isAfter(asOf) && String.valueOf(year).equals(e.document())) {
                latest = e;
            }
        }
        return Optional.ofNullable(latest);
    }
}
