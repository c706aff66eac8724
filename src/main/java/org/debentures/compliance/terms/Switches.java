package org.debentures.compliance.terms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The readings of ambiguous clauses a run uses (SPEC §3-§7), one per deal. Every switch can be set
 * in the deal file and overridden on the command line; a run records the readings it used.
 */
public record Switches(
        DeadlineConvention deadlineConvention,
        boolean pricesSplitAdjusted,
        VwapTestReading vwapTestReading,
        CoverageCure coverageCure,
        PenaltyPeriodCounting penaltyPeriodCounting,
        boolean compoundUnpaidInterest) {

    /** The switch names, exactly as the deal file spells them. */
    public static final String DEADLINE_CONVENTION = "deadline-convention";
    public static final String PRICES_SPLIT_ADJUSTED = "prices-split-adjusted";
    public static final String VWAP_TEST_READING = "vwap-test-reading";
    public static final String COVERAGE_CURE = "coverage-cure";
    public static final String PENALTY_PERIOD_COUNTING = "penalty-period-counting";
    public static final String COMPOUND_UNPAID_INTEREST = "compound-unpaid-interest";

    public Switches {
        Objects.requireNonNull(deadlineConvention, DEADLINE_CONVENTION);
        Objects.requireNonNull(vwapTestReading, VWAP_TEST_READING);
        Objects.requireNonNull(coverageCure, COVERAGE_CURE);
        Objects.requireNonNull(penaltyPeriodCounting, PENALTY_PERIOD_COUNTING);
    }

    /** The defaults of SPEC (first value of each switch in deal-file.yml). */
    public static Switches defaults() {
        return new Switches(DeadlineConvention.FOLLOWING, false, VwapTestReading.PERCENT_OF,
                CoverageCure.FILED, PenaltyPeriodCounting.CUMULATIVE, true);
    }

    /** The readings as name -> value, in deal-file order, for run records and reports. */
    public Map<String, String> asMap() {
        Map<String, String> readings = new LinkedHashMap<>();
        readings.put(DEADLINE_CONVENTION, deadlineConvention.name());
        readings.put(PRICES_SPLIT_ADJUSTED, Boolean.toString(pricesSplitAdjusted));
        readings.put(VWAP_TEST_READING, vwapTestReading.name());
        readings.put(COVERAGE_CURE, coverageCure.name());
        readings.put(PENALTY_PERIOD_COUNTING, penaltyPeriodCounting.name());
        readings.put(COMPOUND_UNPAID_INTEREST, Boolean.toString(compoundUnpaidInterest));
        return readings;
    }

    /** One line, for logs and summaries: {@code deadline-convention=FOLLOWING, ...}. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        asMap().forEach((name, value) -> text.append(text.isEmpty() ? "" : ", ").append(name).append('=').append(value));
        return text.toString();
    }
}
