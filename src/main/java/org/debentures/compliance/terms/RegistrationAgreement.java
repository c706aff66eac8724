package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A registration rights agreement (RRA) as configured in the deal file.
 *
 * @param filingDeadlineDays RRA 1(c): Filing Deadline = Closing Date + N days
 * @param registrationDeadlineDays RRA 1(e): Registration Deadline = Closing Date + N days
 * @param firstPeriodRate RRA 2(d)(i): rate of the first 30-day period (null when penalties are disabled)
 * @param laterPeriodRate RRA 2(d)(ii): rate of each later 30-day period (null when penalties are disabled)
 * @param periodDays the period length the rate is prorated over (30)
 * @param coverageCureDays RRA 4(k): amend within N days of a Holder notice
 * @param penaltyEnabled false: default days are listed but accrue nothing
 * @param registrationCoverage RRA 2(a), 4(k), SPEC §16 (v2): the share coverage multiples; {@code null} when
 *                             the deal file gives none (the agreement's coverage is then not checked)
 */
public record RegistrationAgreement(String id, String description, int filingDeadlineDays, int registrationDeadlineDays,
                                    BigDecimal firstPeriodRate, BigDecimal laterPeriodRate, int periodDays,
                                    AllowedDelayLimits allowedDelay, int coverageCureDays, boolean penaltyEnabled,
                                    RegistrationCoverage registrationCoverage) {
    public RegistrationAgreement {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(allowedDelay, "allowedDelay");
        if (penaltyEnabled && (firstPeriodRate == null || laterPeriodRate == null)) {
            throw new IllegalArgumentException("agreement " + id + ": penalties enabled but a period rate is missing");
        }
    }

    /** A version-1 agreement: no share coverage terms. */
    public RegistrationAgreement(String id, String description, int filingDeadlineDays, int registrationDeadlineDays,
                                 BigDecimal firstPeriodRate, BigDecimal laterPeriodRate, int periodDays,
                                 AllowedDelayLimits allowedDelay, int coverageCureDays, boolean penaltyEnabled) {
        this(id, description, filingDeadlineDays, registrationDeadlineDays, firstPeriodRate, laterPeriodRate, periodDays,
                allowedDelay, coverageCureDays, penaltyEnabled, null);
    }
}
