package org.debentures.compliance.rules.conversion;

import java.time.LocalDate;
import org.debentures.compliance.calendar.BusinessDays;
import org.debentures.compliance.events.EventType;
import org.debentures.compliance.events.FilingEvent;

/**
 * The Conversion Date of a {@code CONVERSION} row (SPEC §7 v2): the row's date, or the next
 * Business Day when that is not one. Debenture 3(b) has the Holder give its Notice of Conversion on
 * a Business Day, and 8(b) deems a notice given on a day that is not one given on the next Business
 * Day. Everything about the conversion dates from it: the principal it removes, its Conversion
 * Price, its shares and its Delivery Date (3(d)).
 */
public final class ConversionDate {

    private ConversionDate() {
    }

    public static LocalDate of(FilingEvent conversion, BusinessDays businessDays) {
        if (conversion.type() != EventType.CONVERSION) {
            throw new IllegalArgumentException("not a CONVERSION: " + conversion.describe());
        }
        return businessDays.nextOrSame(conversion.date());
    }
}
