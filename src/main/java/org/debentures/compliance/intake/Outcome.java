package org.debentures.compliance.intake;

import java.util.Objects;

/** The status of one row after resolution, with a note for a person (why a duplicate, why rejected). */
public record Outcome(RowStatus status, String note) {
    public Outcome {
        Objects.requireNonNull(status, "status");
    }

    public static Outcome accepted() {
        return new Outcome(RowStatus.ACCEPTED, null);
    }
}
