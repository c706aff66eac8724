package org.debentures.compliance.terms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The terms of one deal, as loaded from its deal file (SPEC §1). Nothing in the job hard-codes
 * these values.
 *
 * @param closingDate Closing Date (Purchase Agreement; deadlines of RRA 1(c), 1(e) count from it)
 * @param marketPriceTradingDays Debenture §1 "Market Price": average over this many Trading Days (5)
 * @param deliveryBusinessDays Debenture 3(d) Delivery Date: N Business Days after conversion (3)
 * @param defaultInterestPaymentBusinessDays 2(b): default interest due N Business Days after month end (5)
 * @param amendmentConsentShare 8(c)(B), SPEC §13 (v2): a waiver is effective once its signers hold this
 *                              share of their amendment group's unpaid principal (0.66)
 * @param majorAnnouncement 4(e), SPEC §15 (v2): the Major Announcement window and bid days (3 and 3)
 * @param distributionNoticeBusinessDays 4(d), SPEC §15 (v2): a distribution's notice is due this many
 *                                       Business Days before it (10)
 * @param covenants 6(d)(ix), (x), 6(e), 6(f), SPEC §12 (v2): {@link CovenantTerms#NONE} when the deal file
 *                  has no {@code covenants} section
 */
public record DealTerms(String id, String issuer, String symbol, LocalDate closingDate, Switches switches,
                        InterestTerms interest, int marketPriceTradingDays, int deliveryBusinessDays,
                        int defaultInterestPaymentBusinessDays, EventOfDefaultTerms eventOfDefault,
                        MandatoryConversionTerms mandatoryConversion, List<Instrument> instruments,
                        List<RegistrationAgreement> registrationAgreements, BigDecimal amendmentConsentShare,
                        MajorAnnouncementTerms majorAnnouncement, int distributionNoticeBusinessDays,
                        CovenantTerms covenants) {

    /** SPEC §13 default of {@code amendment-consent-share}: 66% (Debenture 8(c)(B)). */
    public static final BigDecimal DEFAULT_AMENDMENT_CONSENT_SHARE = new BigDecimal("0.66");
    /** SPEC §15 default of {@code distribution-notice-business-days} (Debenture 4(d)). */
    public static final int DEFAULT_DISTRIBUTION_NOTICE_BUSINESS_DAYS = 10;

    public DealTerms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(closingDate, "closingDate");
        Objects.requireNonNull(switches, "switches");
        instruments = List.copyOf(instruments);
        registrationAgreements = List.copyOf(registrationAgreements);
        Objects.requireNonNull(amendmentConsentShare, "amendmentConsentShare");
        Objects.requireNonNull(majorAnnouncement, "majorAnnouncement");
        Objects.requireNonNull(covenants, "covenants");
        if (amendmentConsentShare.signum() <= 0 || amendmentConsentShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("deal " + id + ": amendment consent share not in (0, 1]: "
                    + amendmentConsentShare);
        }
        if (distributionNoticeBusinessDays < 0) {
            throw new IllegalArgumentException("deal " + id + ": distribution notice business days negative");
        }
    }

    /** A version-1 deal: the SPEC defaults for every v2 deal key, no covenants. */
    public DealTerms(String id, String issuer, String symbol, LocalDate closingDate, Switches switches,
                     InterestTerms interest, int marketPriceTradingDays, int deliveryBusinessDays,
                     int defaultInterestPaymentBusinessDays, EventOfDefaultTerms eventOfDefault,
                     MandatoryConversionTerms mandatoryConversion, List<Instrument> instruments,
                     List<RegistrationAgreement> registrationAgreements) {
        this(id, issuer, symbol, closingDate, switches, interest, marketPriceTradingDays, deliveryBusinessDays,
                defaultInterestPaymentBusinessDays, eventOfDefault, mandatoryConversion, instruments,
                registrationAgreements, DEFAULT_AMENDMENT_CONSENT_SHARE, MajorAnnouncementTerms.DEFAULT,
                DEFAULT_DISTRIBUTION_NOTICE_BUSINESS_DAYS, CovenantTerms.NONE);
    }

    /** The first day the deal exists: the earlier of the Closing Date and every Issue Date (SPEC §10 rows). */
    public LocalDate startDate() {
        LocalDate start = closingDate;
        for (Instrument instrument : instruments) {
            if (instrument.issueDate().isBefore(start)) {
                start = instrument.issueDate();
            }
        }
        return start;
    }

    public Optional<RegistrationAgreement> agreement(String agreementId) {
        return registrationAgreements.stream().filter(a -> a.id().equals(agreementId)).findFirst();
    }

    public DealTerms withSwitches(Switches newSwitches) {
        return new DealTerms(id, issuer, symbol, closingDate, newSwitches, interest, marketPriceTradingDays,
                deliveryBusinessDays, defaultInterestPaymentBusinessDays, eventOfDefault, mandatoryConversion,
                instruments, registrationAgreements, amendmentConsentShare, majorAnnouncement,
                distributionNoticeBusinessDays, covenants);
    }
}
