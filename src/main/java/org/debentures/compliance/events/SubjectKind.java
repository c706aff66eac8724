package org.debentures.compliance.events;

/** What the {@code subject} of a filings-log row names (SPEC §2). */
public enum SubjectKind {
    AGREEMENT("a registration-rights agreement"),
    INSTRUMENT("an instrument"),
    SYMBOL("a symbol");

    private final String description;

    SubjectKind(String description) {
        this.description = description;
    }

    /** With its article, for messages: "an instrument". */
    public String description() {
        return description;
    }
}
