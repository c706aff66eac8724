package org.debentures.compliance.intake;

import java.util.Objects;

/** An accepted row with where it came from. */
public record Sourced<T>(T row, RowRef ref) {
    public Sourced {
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(ref, "ref");
    }
}
