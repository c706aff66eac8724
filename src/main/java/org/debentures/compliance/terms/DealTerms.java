package org.debentures.compliance.terms;

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
 */
public record DealTerms(String id, String issuer, String symbol, LocalDate closingDate, Switches switches,
                        InterestTerms interest, int marketPriceTradingDays, int deliveryBusinessDays,
                        int defaultInterestPaymentBusinessDays, EventOfDefaultTerms eventOfDefault,
                        MandatoryConversionTerms mandatoryConversion, List<Instrument> instruments,
                        List<RegistrationAgreement> registrationAgreements) {

    public DealTerms {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(closingDate, "closingDate");
        Objects.requireNonNull(switches, "switches");
        instruments = List.copyOf(instruments);
        registrationAgreements = List.copyOf(registrationAgreements);
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
                instruments, registrationAgreements);
    }
}
