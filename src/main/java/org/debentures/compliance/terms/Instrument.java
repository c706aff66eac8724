package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;

/**
 * One debenture (one Holder) as configured in the deal file. The v2 keys (SPEC §12-§16) are optional
 * in the deal file; the version-1 constructor gives their defaults.
 *
 * @param conversionPrice the Conversion Price as of the Issue Date (Debenture §3; adjusted later by §4)
 * @param ownershipCap 3(f) cap (not checked by the job)
 * @param registrationAgreementId the registration rights agreement that covers its Conversion Shares
 * @param amendmentGroup 8(c), SPEC §13: the instruments a waiver binds together (default: its own id)
 * @param crossDefault 6(d)(vii), SPEC §12: the instruments whose Events of Default are its 6(d)(vii)
 *                     (default: none)
 * @param warrantShares RRA 2(a), 4(k), SPEC §16: the Holder's warrant shares counted in the required shares;
 *                      {@code null} when not given (coverage then not checked)
 * @param warrantExercisePrice SPEC §16: informational; {@code null} when not given
 * @param strategicIssuanceCap 4(h)(v), SPEC §15: strategic issuances are exempt only while they total at most
 *                             this share of the shares outstanding on the Issue Date (Infineon 0.05);
 *                             {@code null}: no cap
 * @param registrationDefaultAgreements 6(d)(iii), SPEC §16: the agreements whose 6(d)(iii) days are its own
 *                                      (default: its own agreement; always includes it)
 * @param mandatoryConversionForm SPEC §16: which 5(c) conditions its debenture states (default JOINT_INVESTOR)
 * @param mandatoryConversionRequires SPEC §16, {@code INFINEON} form only: the instruments whose mandatory
 *                                    conversion its (vi) requires; empty when not given
 */
public record Instrument(String id, String holder, BigDecimal principal, LocalDate issueDate, LocalDate maturityDate,
                         BigDecimal conversionPrice, BigDecimal interestRate, BigDecimal defaultInterestRate,
                         BigDecimal ownershipCap, String registrationAgreementId,
                         String amendmentGroup, List<String> crossDefault, Long warrantShares,
                         BigDecimal warrantExercisePrice, BigDecimal strategicIssuanceCap,
                         List<String> registrationDefaultAgreements, MandatoryConversionForm mandatoryConversionForm,
                         List<String> mandatoryConversionRequires) {
    public Instrument {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(principal, "principal");
        Objects.requireNonNull(issueDate, "issueDate");
        Objects.requireNonNull(maturityDate, "maturityDate");
        Objects.requireNonNull(conversionPrice, "conversionPrice");
        Objects.requireNonNull(registrationAgreementId, "registrationAgreementId");
        Objects.requireNonNull(amendmentGroup, "amendmentGroup");
        Objects.requireNonNull(mandatoryConversionForm, "mandatoryConversionForm");
        crossDefault = List.copyOf(crossDefault);
        registrationDefaultAgreements = List.copyOf(registrationDefaultAgreements);
        mandatoryConversionRequires = List.copyOf(mandatoryConversionRequires);
        if (!maturityDate.isAfter(issueDate)) {
            throw new IllegalArgumentException("instrument " + id + ": maturity date not after issue date");
        }
        if (amendmentGroup.isBlank()) {
            throw new IllegalArgumentException("instrument " + id + ": blank amendment group");
        }
        distinctOthers(id, "cross-default", crossDefault);
        distinctOthers(id, "mandatory-conversion-requires", mandatoryConversionRequires);
        if (new HashSet<>(registrationDefaultAgreements).size() != registrationDefaultAgreements.size()
                || !registrationDefaultAgreements.contains(registrationAgreementId)) {
            throw new IllegalArgumentException("instrument " + id + ": registration-default-agreements "
                    + registrationDefaultAgreements + " must list " + registrationAgreementId + " and each agreement once");
        }
        if (mandatoryConversionForm != MandatoryConversionForm.INFINEON && !mandatoryConversionRequires.isEmpty()) {
            throw new IllegalArgumentException("instrument " + id + ": mandatory-conversion-requires needs the INFINEON form");
        }
        if (warrantShares != null && warrantShares < 0) {
            throw new IllegalArgumentException("instrument " + id + ": warrant shares negative: " + warrantShares);
        }
        if (warrantExercisePrice != null && warrantExercisePrice.signum() <= 0) {
            throw new IllegalArgumentException("instrument " + id + ": warrant exercise price not above zero");
        }
        if (strategicIssuanceCap != null
                && (strategicIssuanceCap.signum() <= 0 || strategicIssuanceCap.compareTo(BigDecimal.ONE) > 0)) {
            throw new IllegalArgumentException("instrument " + id + ": strategic issuance cap not in (0, 1]");
        }
    }

    /** A version-1 instrument: the SPEC defaults for every v2 key. */
    public Instrument(String id, String holder, BigDecimal principal, LocalDate issueDate, LocalDate maturityDate,
                      BigDecimal conversionPrice, BigDecimal interestRate, BigDecimal defaultInterestRate,
                      BigDecimal ownershipCap, String registrationAgreementId) {
        this(id, holder, principal, issueDate, maturityDate, conversionPrice, interestRate, defaultInterestRate,
                ownershipCap, registrationAgreementId, id, List.of(), null, null, null,
                registrationAgreementId == null ? List.of() : List.of(registrationAgreementId),
                MandatoryConversionForm.JOINT_INVESTOR, List.of());
    }

    private static void distinctOthers(String id, String key, List<String> ids) {
        if (ids.contains(id) || new HashSet<>(ids).size() != ids.size()) {
            throw new IllegalArgumentException("instrument " + id + ": " + key + " " + ids
                    + " must name other instruments, each once");
        }
    }
}
