package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One debenture (one Holder) as configured in the deal file.
 *
 * @param conversionPrice the Conversion Price as of the Issue Date (Debenture §3; adjusted later by §4)
 * @param ownershipCap 3(f) cap (not checked by the job)
 * @param registrationAgreementId the registration rights agreement that covers its Conversion Shares
 */
public record Instrument(String id, String holder, BigDecimal principal, LocalDate issueDate, LocalDate maturityDate,
                         BigDecimal conversionPrice, BigDecimal interestRate, BigDecimal defaultInterestRate,
                         BigDecimal ownershipCap, String registrationAgreementId) {
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(maturityDate, "maturityDate");
        Objects.requireNonNull(conversionPrice, "conversionPrice");
        Objects.requireNonNull(registrationAgreementId, "registrationAgreementId");
        if (!maturityDate.isAfter(issueDate)) {
            throw new IllegalArgumentException("instrument " + id + ": maturity date not after issue date");
        }
    }
}
