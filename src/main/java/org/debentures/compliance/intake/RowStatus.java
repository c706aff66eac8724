package org.debentures.compliance.intake;

/**
 * What became of a well-formed input row once it is compared with the others. Per file,
 * read = accepted + duplicate + rejected, where accepted counts {@link #ACCEPTED} and
 * {@link #SUPERSEDED}.
 */
public enum RowStatus {
    /** In use. */
    ACCEPTED,
    /** Accepted, then replaced by a vendor correction in a later file; kept in the price history. */
    SUPERSEDED,
    /** The same row as one already counted; counts once. */
    DUPLICATE,
    /** Refused by a rule that needs other rows (ambiguous values, an end with no start...). */
    REJECTED;

    public boolean countsAsAccepted() {
        return this == ACCEPTED || this == SUPERSEDED;
    }
}
