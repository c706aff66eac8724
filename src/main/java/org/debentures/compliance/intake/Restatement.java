package org.debentures.compliance.intake;

import org.debentures.compliance.findings.ExceptionCode;
import org.debentures.compliance.findings.Finding;

/**
 * A vendor correction (SPEC §2): a later file gives another value for the same feed, symbol and
 * date. The new value replaces the old, which stays in the price history.
 */
public record Restatement(Sourced<PriceRow> previous, Sourced<PriceRow> replacement) {

    /** {@code PRICE_RESTATED} for the symbol on the price's date, naming both values and files. */
    public Finding toFinding() {
        PriceRow old = previous.row();
        PriceRow now = replacement.row();
        String message = old.feed() + " " + old.symbol() + " " + old.date() + " restated from "
                + old.describeValue() + " (" + previous.ref() + ") to " + now.describeValue()
                + " (" + replacement.ref() + ")";
        return new Finding(ExceptionCode.PRICE_RESTATED, old.symbol(), "SPEC §2 vendor correction, " + old.feed() + " feed",
                old.date(), old.date(), message);
    }
}
