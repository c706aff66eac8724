package org.debentures.compliance.rules.registration;

import java.time.LocalDate;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.terms.DeadlineConvention;
import org.debentures.compliance.terms.RegistrationAgreement;

/**
 * RRA 1(c) Filing Deadline and 1(e) Registration Deadline: the Closing Date plus the agreement's
 * days, then the deadline convention (SPEC §3, §6): 2002-04-28 (a Sunday, so 2002-04-29 under
 * {@code FOLLOWING}) and 2002-07-26 for this deal.
 */
public record RegistrationDeadlines(LocalDate filingDeadline, LocalDate registrationDeadline) {

    public static RegistrationDeadlines of(RegistrationAgreement agreement, LocalDate closingDate,
                                           DeadlineConvention convention, BusinessDays businessDays) {
        return new RegistrationDeadlines(
                businessDays.adjustDeadline(closingDate.plusDays(agreement.filingDeadlineDays()), convention),
                businessDays.adjustDeadline(closingDate.plusDays(agreement.registrationDeadlineDays()), convention));
    }
}
