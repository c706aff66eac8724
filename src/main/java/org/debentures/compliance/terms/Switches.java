package org.debentures.compliance.terms;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The readings of ambiguous clauses a run uses (SPEC §3-§7, §14), one per deal. Every switch can be
 * set in the deal file and overridden on the command line; a run records the readings it used.
 *
 * @param redemptionConversionPrice SPEC §14 (v2, optional in the deal file; default REDEMPTION_DATE):
 *                                  no rule uses it yet, so it is not among the recorded readings
 *                                  ({@link #asMap()}) until the Mandatory Redemption of §14 does
 */
public record Switches(
        DeadlineConvention deadlineConvention,
        boolean pricesSplitAdjusted,
        VwapTestReading vwapTestReading,
        CoverageCure coverageCure,
        PenaltyPeriodCounting penaltyPeriodCounting,
        boolean compoundUnpaidInterest,
        RedemptionConversionPrice redemptionConversionPrice) {

    /** The switch names, exactly as the deal file spells them. */
    public static final String DEADLINE_CONVENTION = "deadline-convention";
    public static final String PRICES_SPLIT_ADJUSTED = "prices-split-adjusted";
    public static final String VWAP_TEST_READING = "vwap-test-reading";
    public static final String COVERAGE_CURE = "coverage-cure";
    public static final String PENALTY_PERIOD_COUNTING = "penalty-period-counting";
    public static final String COMPOUND_UNPAID_INTEREST = "compound-unpaid-interest";
    public static final String REDEMPTION_CONVERSION_PRICE = "redemption-conversion-price";

    public Switches {
        Objects.requireNonNull(deadlineConvention, DEADLINE_CONVENTION);
        Objects.requireNonNull(vwapTestReading, VWAP_TEST_READING);
        Objects.requireNonNull(coverageCure, COVERAGE_CURE);
        Objects.requireNonNull(penaltyPeriodCounting, PENALTY_PERIOD_COUNTING);
        Objects.requireNonNull(redemptionConversionPrice, REDEMPTION_CONVERSION_PRICE);
    }

    /** The version-1 switches, with SPEC §14's default {@code redemption-conversion-price: REDEMPTION_DATE}. */
    public Switches(DeadlineConvention deadlineConvention, boolean pricesSplitAdjusted, VwapTestReading vwapTestReading,
                    CoverageCure coverageCure, PenaltyPeriodCounting penaltyPeriodCounting, boolean compoundUnpaidInterest) {
        this(deadlineConvention, pricesSplitAdjusted, vwapTestReading, coverageCure, penaltyPeriodCounting,
                compoundUnpaidInterest, RedemptionConversionPrice.REDEMPTION_DATE);
    }

    /** The defaults of SPEC (first value of each switch in deal-file.yml). */
    public static Switches defaults() {
        return new Switches(DeadlineConvention.FOLLOWING, false, VwapTestReading.PERCENT_OF,
                CoverageCure.FILED, PenaltyPeriodCounting.CUMULATIVE, true, RedemptionConversionPrice.REDEMPTION_DATE);
    }

    /**
     * Every switch as name -> value, in deal-file order, as a deal file or the command line sets it:
     * the readings of {@link #asMap()} and the switches no rule uses yet.
     */
    public Map<String, String> settings() {
        Map<String, String> settings = asMap();
        settings.put(REDEMPTION_CONVERSION_PRICE, redemptionConversionPrice.name());
        return settings;
    }

    /**
     * The readings the job's rules use, as name -> value, in deal-file order, for run records and
     * reports ({@code job_run_reading}, the run summary). A switch joins them with the rule that reads it.
     */
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
