package org.debentures.compliance.intake;

/** Thrown inside a row rule to reject the row with a reason a person understands. */
public final class RowRejection extends RuntimeException {
    public RowRejection(String reason) {
        super(reason, null, false, false);
    }

    public String reason() {
        return getMessage();
    }
}
