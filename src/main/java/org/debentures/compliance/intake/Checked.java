package org.debentures.compliance.intake;

import java.util.function.Supplier;

/** The outcome of checking one input row: the parsed value, or the reason it is rejected. */
public record Checked<T>(T value, String reason) {

    public Checked {
        if ((value == null) == (reason == null)) {
            throw new IllegalArgumentException("exactly one of value and reason");
        }
    }

    public static <T> Checked<T> accepted(T value) {
        return new Checked<>(value, null);
    }

    public static <T> Checked<T> rejected(String reason) {
        return new Checked<>(null, reason);
    }

    /** Runs a rule that throws {@link RowRejection} to reject. */
    public static <T> Checked<T> of(Supplier<T> rule) {
        try {
            return accepted(rule.get());
        } catch (RowRejection rejection) {
            return rejected(rejection.reason());
        }
    }

    public boolean isAccepted() {
        return value != null;
    }
}
