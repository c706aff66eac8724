package org.debentures.compliance.rules.registration;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Registration Default day of an agreement (SPEC §6, §10): counted once however many reasons
 * it has.
 *
 * @param dayIndex default days since the agreement's first ({@code CUMULATIVE}) or within the current
 *                 run of consecutive default days ({@code PER_EPISODE}), from 1
 * @param rate the period rate (0.015 for days 1-30, 0.02 after); null when the agreement's penalties are disabled
 */
public record RegistrationDefaultDay(String agreementId, LocalDate date, Set<DefaultReason> reasons, int dayIndex,
                                     BigDecimal rate) {

    public RegistrationDefaultDay {
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(date, "date");
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("a default day needs a reason");
        }
        reasons = Set.copyOf(EnumSet.copyOf(reasons));
        if (dayIndex < 1) {
            throw new IllegalArgumentException("day index starts at 1: " + dayIndex);
        }
    }

    /** The reasons joined by ';' in report order (SPEC §10), e.g. {@code EFFECTIVENESS_LATE;COVERAGE_LATE}. */
    public String reasonsText() {
        return EnumSet.copyOf(reasons).stream().map(Enum::name).collect(Collectors.joining(";"));
    }

    /** The clause the day's rate comes from: RRA 2(d)(i) for the first period, 2(d)(ii) after. */
    public boolean inFirstPeriod(int periodDays) {
        return dayIndex <= periodDays;
    }
}
