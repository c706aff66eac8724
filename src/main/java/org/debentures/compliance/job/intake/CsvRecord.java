package org.debentures.compliance.job.intake;

import java.util.Map;
import org.debentures.compliance.intake.RowRef;

/**
 * One record of an input CSV file as read: where it is, its raw text, its fields by (lower-case)
 * column name, or the structural problem that makes it unreadable (wrong field count, blank line,
 * bad header...). Rows with a problem are rejected by the processor like any other bad row.
 */
public record CsvRecord(RowRef ref, String rawLine, Map<String, String> fields, String problem) {

    public static CsvRecord problem(RowRef ref, String rawLine, String problem) {
        return new CsvRecord(ref, rawLine, Map.of(), problem);
    }

    public boolean hasProblem() {
        return problem != null;
    }
}
