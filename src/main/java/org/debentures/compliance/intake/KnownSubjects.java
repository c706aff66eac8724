package org.debentures.compliance.intake;

import java.util.Set;
import org.debentures.compliance.events.SubjectKind;
import org.debentures.compliance.terms.DealBook;

/** The ids a filings-log subject may name, from the run's deal files. */
public record KnownSubjects(Set<String> agreements, Set<String> instruments, Set<String> symbols) {

    public KnownSubjects {
        agreements = Set.copyOf(agreements);
        instruments = Set.copyOf(instruments);
        symbols = Set.copyOf(symbols);
    }

    public static KnownSubjects of(DealBook book) {
        return new KnownSubjects(book.agreementIds(), book.instrumentIds(), book.symbols());
    }

    public boolean contains(SubjectKind kind, String id) {
        return switch (kind) {
            case AGREEMENT -> agreements.contains(id);
            case INSTRUMENT -> instruments.contains(id);
            case SYMBOL -> symbols.contains(id);
        };
    }
}
