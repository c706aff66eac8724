package org.debentures.compliance.rules.conversion;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One Conversion and the delivery of its Conversion Shares (Debenture 3(c)-(e)), as of a date.
 *
 * @param reference the conversion's {@code document} (or its date when it has none): what a delivery names
 * @param conversionPrice the Conversion Price in effect on the conversion date (unrounded)
 * @param sharesDue principal converted / Conversion Price, rounded up to a whole share (3(c), 3(d))
 * @param sharesLogged the {@code shares} the filings log gives for the conversion
 * @param deliveryDate the 3rd Business Day after the conversion date (3(d))
 * @param deliveredOn the {@code SHARES_DELIVERED} date; null while undelivered
 * @param defaultDays N of 3(e)(A): days from the Delivery Date (included) to the delivery (excluded), so far
 * @param priceBasis SPEC §15, Debenture 4(e): the clause and terms of a Major Announcement price; {@code null} when the
 *                   conversion converts at the Conversion Price in effect
 */
public record ConversionDelivery(String instrumentId, LocalDate conversionDate, String reference,
                                 BigDecimal principalConverted, BigDecimal conversionPrice, BigDecimal sharesDue,
                                 Long sharesLogged, LocalDate deliveryDate, LocalDate deliveredOn, int defaultDays,
                                 String priceBasis) {

    /** A conversion at the Conversion Price in effect (no 4(e) window). */
    public ConversionDelivery(String instrumentId, LocalDate conversionDate, String reference,
                              BigDecimal principalConverted, BigDecimal conversionPrice, BigDecimal sharesDue,
                              Long sharesLogged, LocalDate deliveryDate, LocalDate deliveredOn, int defaultDays) {
        this(instrumentId, conversionDate, reference, principalConverted, conversionPrice, sharesDue, sharesLogged,
                deliveryDate, deliveredOn, defaultDays, null);
    }

    public boolean sharesMatch() {
        return sharesLogged == null || sharesDue.compareTo(BigDecimal.valueOf(sharesLogged)) == 0;
    }
}
