package org.debentures.compliance.events;

/** What the {@code subject} of a filings-log row names (SPEC §2). */
public enum SubjectKind {
    AGREEMENT("registration-rights agreement"),
    INSTRUMENT("instrument"),
    SYMBOL("symbol");

    private final String description;

    SubjectKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
